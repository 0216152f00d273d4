package org.gio.core.stop;

/** {@code min_kl}: stop once the objective drops below a floor. */
public final class MinKl implements StopCriterion {
  private final double minKl;

  public MinKl(double minKl) {
    this.minKl = minKl;
  }

  @Override
  public String name() {
    return StopRule.MIN_KL.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.kl() < minKl;
  }
}
