package org.gio.io.plot;

/**
 * A round upper end for a count axis: the smallest multiple of a 1-2-5 step (1, 2, 5, 10, 20, …)
 * at or above the largest value, the step chosen for at most ten intervals. Set as the axis
 * maximum with 0 as its minimum, it makes XChart put its ticks on round numbers (0, 50, 100, …)
 * instead of spreading them from the first data point (1, 93, 185, …).
 */
final class NiceScale {
  private static final int MAX_INTERVALS = 10;

  private NiceScale() {}

  /** The 1-2-5 step giving at most ten intervals over [0, max]. */
  static double step(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max / MAX_INTERVALS)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude * MAX_INTERVALS >= max) {
        return Math.max(1, m * magnitude); // a count axis: no fractional steps
      }
    }
    return 10 * magnitude;
  }

  /** The axis maximum: {@code max} rounded up to a whole number of steps. */
  static double upperBound(double max) {
    double step = step(max);
    return Math.max(step, Math.ceil(max / step) * step);
  }
}
