package org.gio.core.stop;

/** {@code increase}: stop as soon as a candidate raises the objective. */
public final class Increase implements StopCriterion {
  @Override
  public String name() {
    return StopRule.INCREASE.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.rises();
  }
}
