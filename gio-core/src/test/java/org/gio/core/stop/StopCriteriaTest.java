package org.gio.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each criterion on hand-made contexts: kl, previous kl, accepted, pool size, rises in a row. */
class StopCriteriaTest {

  private static StopContext ctx(double kl, double prev) {
    return new StopContext(kl, prev, 10, 100, 0);
  }

  @Test
  void increaseFiresOnlyOnARise() {
    StopCriterion c = new Increase();
    assertTrue(c.fires(ctx(2.0, 1.0)));
    assertFalse(c.fires(ctx(1.0, 1.0)));
    assertFalse(c.fires(ctx(0.5, 1.0)));
    assertEquals("increase", c.name());
  }

  @Test
  void minDifferenceFiresWhenTheDropIsTooSmall() {
    StopCriterion c = new MinDifference(0.1);
    assertTrue(c.fires(ctx(0.95, 1.0)));
    assertFalse(c.fires(ctx(0.85, 1.0)));
    assertTrue(c.fires(ctx(1.5, 1.0)), "a rise is a drop below the threshold");
  }

  @Test
  void minKlFiresBelowTheFloor() {
    StopCriterion c = new MinKl(0.5);
    assertTrue(c.fires(ctx(0.4, 1.0)));
    assertFalse(c.fires(ctx(0.6, 1.0)));
  }

  @Test
  void dataSizeFiresWhenAcceptedExceedsTheFractionOfThePool() {
    StopCriterion c = new DataSize(0.05);
    assertFalse(c.fires(new StopContext(0, 1, 20, 400, 0)), "20 of 400 is not more than 5%");
    assertTrue(c.fires(new StopContext(0, 1, 21, 400, 0)));
  }

  @Test
  void sequentialToleranceFiresOnTheRiseAfterTolerance() {
    StopCriterion c = new SequentialIncreaseTolerance(2);
    assertFalse(c.fires(new StopContext(2, 1, 5, 100, 0)));
    assertFalse(c.fires(new StopContext(2, 1, 5, 100, 1)));
    assertTrue(c.fires(new StopContext(2, 1, 5, 100, 2)));
    assertFalse(c.fires(new StopContext(0, 1, 5, 100, 2)), "a fall never fires");
    assertTrue(new SequentialIncreaseTolerance(0).fires(new StopContext(2, 1, 5, 100, 0)));
  }

  @Test
  void maxResetsDetectsRisesUnderItsOwnName() {
    StopCriterion c = new MaxResets();
    assertTrue(c.fires(ctx(2, 1)));
    assertFalse(c.fires(ctx(1, 2)));
    assertEquals("max_resets", c.name());
  }

  @Test
  void undefinedPreviousValueNeverCountsAsARise() {
    assertFalse(new Increase().fires(ctx(1.0, Double.NaN)));
  }

  @Test
  void rulesParseReferenceAndKebabSpellings() {
    assertEquals(StopRule.SEQUENTIAL_INCREASE_TOLERANCE,
        StopRule.parse("sequential_increase_tolerance"));
    assertEquals(StopRule.MIN_DIFFERENCE, StopRule.parse("Min-Difference"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StopRule.parse("sometimes"));
    assertTrue(e.getMessage().contains("increase, min_difference"), e.getMessage());
  }
}
