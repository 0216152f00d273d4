package org.gio.core.stop;

/**
 * What a stop criterion sees when GIO has found its next candidate g.
 *
 * @param kl the objective for W ∪ {g}
 * @param previousKl the objective for W (the last accepted value)
 * @param accepted rows accepted so far, g not counted
 * @param poolSize M, the rows in the pool
 * @param risesInRow how many of the latest accepted rows each raised the objective
 * @param exactKl KL_exact for W ∪ {g}; NaN where undefined (fewer than k rows) or not tracked
 * @param previousExactKl KL_exact for W; NaN where undefined or not tracked
 */
public record StopContext(
    double kl,
    double previousKl,
    int accepted,
    int poolSize,
    int risesInRow,
    double exactKl,
    double previousExactKl) {

  /** A context without the exact estimator. */
  public StopContext(double kl, double previousKl, int accepted, int poolSize, int risesInRow) {
    this(kl, previousKl, accepted, poolSize, risesInRow, Double.NaN, Double.NaN);
  }

  /** True when the candidate raises the objective. */
  public boolean rises() {
    return kl > previousKl;
  }
}
