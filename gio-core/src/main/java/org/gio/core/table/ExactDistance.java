package org.gio.core.table;

/**
 * The squared Euclidean distance every neighbour table ranks by: float components widened to
 * double, differences squared and summed one component after another. Java's double arithmetic is
 * the same on every machine (strict IEEE 754 since Java 17) and the order here never depends on a
 * vector width or a thread, so two machines (an AVX2 laptop, an AVX-512 Spark executor) rank
 * near-ties the same way. The SIMD kernels are faster but reduce lanes of the machine's own width;
 * they only screen (see {@link BlockedNeighbourScan}).
 */
public final class ExactDistance {
  private ExactDistance() {}

  /** ‖a − b‖² over {@code d} components starting at the given offsets. */
  public static double squared(float[] a, int aOffset, float[] b, int bOffset, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double diff = (double) a[aOffset + j] - b[bOffset + j];
      s += diff * diff;
    }
    return s;
  }
}
