package org.gio.core.stop;

/** {@code min_difference}: stop when the objective falls by less than a threshold. */
public final class MinDifference implements StopCriterion {
  private final double minDifference;

  public MinDifference(double minDifference) {
    this.minDifference = minDifference;
  }

  @Override
  public String name() {
    return StopRule.MIN_DIFFERENCE.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.previousKl() - c.kl() < minDifference;
  }
}
