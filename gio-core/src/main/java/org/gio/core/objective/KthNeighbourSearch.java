package org.gio.core.objective;

import org.gio.core.vectors.VectorSet;

/**
 * ρ_k for every target row: the distance δ from x_i to its k-th nearest neighbour in X, x_i itself
 * excluded by index (ALGORITHM.md §1). Computed once per run. The exact implementation is
 * quadratic in n; an approximate one can be bound for very large targets.
 */
public interface KthNeighbourSearch {

  /**
   * @return an array of length {@code x.size()} holding clipped distances δ (not squared)
   * @throws IllegalArgumentException if {@code k >= x.size()}
   */
  double[] kthNeighbourDistances(VectorSet x, int k);
}
