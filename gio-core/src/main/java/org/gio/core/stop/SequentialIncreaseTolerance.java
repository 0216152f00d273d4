package org.gio.core.stop;

/**
 * {@code sequential_increase_tolerance}: tolerate t rising candidates in a row (they are
 * accepted); stop at the (t + 1)-th. Unlike the released reference, this fires for any t.
 */
public final class SequentialIncreaseTolerance implements StopCriterion {
  private final int tolerance;

  public SequentialIncreaseTolerance(int tolerance) {
    this.tolerance = tolerance;
  }

  @Override
  public String name() {
    return StopRule.SEQUENTIAL_INCREASE_TOLERANCE.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.rises() && c.risesInRow() >= tolerance;
  }
}
