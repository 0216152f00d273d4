package org.gio.core.objective;

/**
 * The distance δ(a, b) = sqrt(clip(‖a − b‖², 1e-10, 1e20)) and the ε both estimators use
 * (ALGORITHM.md §2). The clip keeps duplicates finite; where it is active its gradient is zero.
 */
public final class ClippedDistance {
  /** ε added inside the logarithms of the relaxed estimator. */
  public static final double EPS = 1e-8;

  static final double MIN_SQUARED = 1e-10;
  static final double MAX_SQUARED = 1e20;

  private ClippedDistance() {}

  /** δ from a squared Euclidean distance. */
  public static double delta(double squared) {
    return Math.sqrt(Math.min(Math.max(squared, MIN_SQUARED), MAX_SQUARED));
  }

  /** True where the clip is active, so the term contributes no gradient. */
  public static boolean clipped(double squared) {
    return squared < MIN_SQUARED || squared > MAX_SQUARED;
  }
}
