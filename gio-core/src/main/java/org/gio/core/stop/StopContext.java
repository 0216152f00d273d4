package org.gio.core.stop;

/**
 * What a stop criterion sees when GIO has found its next candidate g.
 *
 * @param kl the objective for W ∪ {g}
 * @param previousKl the objective for W (the last accepted value)
 * @param accepted rows accepted so far, g not counted
 * @param poolSize M, the rows in the pool
 * @param risesInRow how many of the latest accepted rows each raised the objective
 */
public record StopContext(
    double kl, double previousKl, int accepted, int poolSize, int risesInRow) {

  /** True when the candidate raises the objective. */
  public boolean rises() {
    return kl > previousKl;
  }
}
