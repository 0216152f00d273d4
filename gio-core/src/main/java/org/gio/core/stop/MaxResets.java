package org.gio.core.stop;

/**
 * {@code max_resets}: a rising candidate resets the pool until the allowed resets are spent, then
 * stops. The loop does the resetting (it needs resets allowed); this criterion only detects the
 * rise, under its own name.
 */
public final class MaxResets implements StopCriterion {
  @Override
  public String name() {
    return StopRule.MAX_RESETS.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.rises();
  }
}
