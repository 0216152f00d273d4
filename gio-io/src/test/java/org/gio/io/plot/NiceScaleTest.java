package org.gio.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The KL chart's x axis ends on a round number of 1-2-5 steps, so its ticks are round. */
class NiceScaleTest {
  @ParameterizedTest(name = "{0} rows: step {1}, axis to {2}")
  @CsvSource({
    "1, 1, 1",
    "7, 1, 7",
    "25, 5, 25",
    "93, 10, 100",
    "185, 20, 200",
    "553, 100, 600",
    "3000, 500, 3000",
    "12345, 2000, 14000"
  })
  void roundSteps(double max, double step, double upper) {
    assertEquals(step, NiceScale.step(max));
    assertEquals(upper, NiceScale.upperBound(max));
  }
}
