package org.gio.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class PrincipalPlaneTest {
  /** Rows spread 10× along u, 3× along w (orthogonal, in 20 dimensions), 0.1× elsewhere. */
  private static VectorSet sample(double[] u, double[] w) {
    SplittableRandom random = new SplittableRandom(3);
    int n = 400;
    int d = u.length;
    float[] data = new float[n * d];
    for (int r = 0; r < n; r++) {
      double a = 10 * random.nextGaussian();
      double b = 3 * random.nextGaussian();
      for (int c = 0; c < d; c++) {
        data[r * d + c] = (float) (5 + a * u[c] + b * w[c] + 0.1 * random.nextGaussian());
      }
    }
    return VectorSet.wrap(data, n, d);
  }

  private static double[] unit(int d, int... ones) {
    double[] v = new double[d];
    for (int i = 0; i < ones.length; i++) {
      v[Math.abs(ones[i])] = Math.signum(ones[i] + 0.5) / Math.sqrt(ones.length);
    }
    return v;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return Math.abs(dot);
  }

  @Test
  void findsTheTwoDirectionsOfLargestSpread() {
    double[] u = unit(20, 1, 4, 7);
    double[] w = unit(20, 2, 9);
    PrincipalPlane plane = PrincipalPlane.of(sample(u, w));
    assertTrue(cosine(plane.axis(0), u) > 0.999, "first component along u");
    assertTrue(cosine(plane.axis(1), w) > 0.999, "second component along w");
    assertEquals(0, cosine(plane.axis(0), plane.axis(1)), 1e-9);
  }

  @Test
  void projectsCentredCoordinates() {
    VectorSet rows = sample(unit(20, 0), unit(20, 1));
    double[][] xy = PrincipalPlane.of(rows).project(rows);
    double mean = 0;
    for (double x : xy[0]) {
      mean += x / xy[0].length;
    }
    assertEquals(0, mean, 1e-3);
  }

  @Test
  void oneDimensionHasNoSecondAxis() {
    VectorSet rows = VectorSet.of(new float[] {1}, new float[] {2}, new float[] {4});
    PrincipalPlane plane = PrincipalPlane.of(rows);
    assertEquals(1, cosine(plane.axis(0), new double[] {1}), 1e-12);
    assertEquals(0, plane.axis(1)[0]);
  }
}
