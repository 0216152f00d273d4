package org.gio.core.objective;

/**
 * How well the current selection W covers each target row, as the exact estimator sees it: the
 * distances ν_j(i) from x_i to its j nearest points of W (+∞ while W has fewer than j points).
 * KL_exact depends on W only through ν_k(i) (ALGORITHM.md §1), so these distances are all a
 * candidate generator needs to know which pool rows can still lower it.
 */
public interface Coverage {

  /** ν_k(i) for target row i. */
  double kthDistance(int row);

  /** ν_j(i), the distance from target row i to its j-th nearest point of W, 1 ≤ j ≤ k. */
  double neighbourDistance(int row, int j);
}
