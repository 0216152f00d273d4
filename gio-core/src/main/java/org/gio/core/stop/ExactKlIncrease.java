package org.gio.core.stop;

/**
 * {@code exact_increase}: fires when the candidate does not lower the exact k-NN estimator,
 * KL_exact(X ‖ W ∪ {g}) ≥ KL_exact(X ‖ W) (ALGORITHM.md §1). While KL_exact is undefined for W
 * or for W ∪ {g} (fewer than k rows) it never fires, so the estimator is defined from the first k
 * accepted rows on. With a patience p the loop rejects up to p such candidates in a row before
 * stopping (see {@code GioConfig.patience}).
 */
public final class ExactKlIncrease implements StopCriterion {
  @Override
  public String name() {
    return StopRule.EXACT_INCREASE.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    if (Double.isNaN(c.exactKl()) || Double.isNaN(c.previousExactKl())) {
      return false;
    }
    return c.exactKl() >= c.previousExactKl();
  }
}
