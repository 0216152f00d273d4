package org.gio.core.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactKlIncreaseTest {
  private static StopContext ctx(double exact, double previousExact) {
    return new StopContext(1.0, 2.0, 10, 100, 0, exact, previousExact);
  }

  @Test
  void firesExactlyWhenExactKlStopsFalling() {
    ExactKlIncrease rule = new ExactKlIncrease();
    assertFalse(rule.fires(ctx(-1.0, -0.5)));
    assertTrue(rule.fires(ctx(-0.5, -0.5)), "no decrease is not a decrease");
    assertTrue(rule.fires(ctx(0.1, -0.5)));
  }

  @Test
  void neverFiresWhileUndefined() {
    ExactKlIncrease rule = new ExactKlIncrease();
    assertFalse(rule.fires(ctx(Double.NaN, Double.NaN)));
    assertFalse(rule.fires(ctx(3.0, Double.NaN)));
  }

  @Test
  void ignoresTheRelaxedObjective() {
    // the relaxed KL rises (1.0 → 2.0) but the exact one falls: no stop
    assertFalse(new ExactKlIncrease().fires(new StopContext(2.0, 1.0, 3, 10, 0, -1, 0)));
    assertEquals("exact_increase", new ExactKlIncrease().name());
  }
}
