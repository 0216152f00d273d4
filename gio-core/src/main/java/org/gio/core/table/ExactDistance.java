package org.gio.core.table;

/**
 * The squared Euclidean distance every neighbour table ranks by: float components widened to
 * double, each difference squared (no fused multiply-add) and added to one of {@value #LANES}
 * running sums, component j to sum j mod {@value #LANES} in increasing j, the sums then added as
 * ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7)). Java's double arithmetic is the same on every
 * machine (strict IEEE 754 since Java 17) and this order is fixed, not the machine's vector width,
 * so two machines (an AVX2 laptop, an AVX-512 Spark executor) rank near-ties the same way; eight
 * independent sums run several times faster than one chain (the latency of a double add), and a
 * vector unit of any width could compute exactly these bits (two 4-lane double vectors hold the
 * eight sums).
 */
public final class ExactDistance {
  /** The number of running sums: the order is part of the definition of the distance. */
  public static final int LANES = 8;

  private ExactDistance() {}

  /** ‖a − b‖² over {@code d} components starting at the given offsets. */
  public static double squared(float[] a, int aOffset, float[] b, int bOffset, int d) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int j = 0;
    for (; j + LANES <= d; j += LANES) {
      int x = aOffset + j;
      int y = bOffset + j;
      s0 += square((double) a[x] - b[y]);
      s1 += square((double) a[x + 1] - b[y + 1]);
      s2 += square((double) a[x + 2] - b[y + 2]);
      s3 += square((double) a[x + 3] - b[y + 3]);
      s4 += square((double) a[x + 4] - b[y + 4]);
      s5 += square((double) a[x + 5] - b[y + 5]);
      s6 += square((double) a[x + 6] - b[y + 6]);
      s7 += square((double) a[x + 7] - b[y + 7]);
    }
    double[] s = {s0, s1, s2, s3, s4, s5, s6, s7};
    for (; j < d; j++) {
      s[j % LANES] += square((double) a[aOffset + j] - b[bOffset + j]);
    }
    return combine(s);
  }

  /** The fixed final sum of the {@value #LANES} running sums (see the class comment). */
  public static double combine(double[] s) {
    return ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]));
  }

  private static double square(double x) {
    return x * x;
  }
}
