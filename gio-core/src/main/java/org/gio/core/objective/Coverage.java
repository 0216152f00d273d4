package org.gio.core.objective;

/**
 * How well the current selection W covers each target row, as the exact estimator sees it: the
 * distance ν_k(i) from x_i to its k-th nearest point of W (+∞ while W has fewer than k points).
 */
public interface Coverage {

  /** ν_k(i) for target row i. */
  double kthDistance(int row);
}
