package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels against the scalar reference: 1e-5 relative, odd sizes, wild scales. */
class KernelAccuracyTest {
  private static final double TOLERANCE = 1e-5;
  private static final double[] SCALES = {1e-3, 1.0, 1e3};

  private final VectorOps scalar = new ScalarVectorOps();
  private final VectorOps simd = SimdKernels.withThreads(1);

  @Test
  void theVectorApiIsActiveInTests() {
    assertTrue(SimdKernels.usable(), "tests run with " + SimdKernels.FLAG);
    assertTrue(simd.name().startsWith("simd-"), simd.name());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 8, 17, 31, 33, 64, 127, 384, 768, 769, 1024})
  void pairKernelsAgree(int d) {
    SplittableRandom random = new SplittableRandom(d);
    for (double sa : SCALES) {
      for (double sb : SCALES) {
        float[] a = randomArray(random, d + 3, sa);
        float[] b = randomArray(random, d + 5, sb);
        // Offsets exercise unaligned starts.
        double expected = scalar.squaredDistance(a, 3, b, 5, d);
        double actual = simd.squaredDistance(a, 3, b, 5, d);
        assertEquals(expected, actual, TOLERANCE * expected, "squared distance d=" + d);

        // A dot product may cancel: measure its error against Σ|a_i b_i|.
        double magnitude = 0;
        for (int i = 0; i < d; i++) {
          magnitude += Math.abs((double) a[3 + i] * b[5 + i]);
        }
        assertEquals(scalar.dot(a, 3, b, 5, d), simd.dot(a, 3, b, 5, d), TOLERANCE * magnitude,
            "dot d=" + d);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 17, 769})
  void oneToManyDistancesAgree(int d) {
    SplittableRandom random = new SplittableRandom(31 * d);
    VectorSet rows = mixedScaleRows(random, 600, d);
    float[] query = randomArray(random, d, 1.0);
    double[] expected = new double[rows.size()];
    double[] actual = new double[rows.size()];
    scalar.squaredDistances(query, 0, rows, 10, 590, expected);
    simd.squaredDistances(query, 0, rows, 10, 590, actual);
    for (int r = 10; r < 590; r++) {
      assertEquals(expected[r], actual[r], TOLERANCE * expected[r], "row " + r);
    }
    assertEquals(0.0, actual[0]);
    assertEquals(0.0, actual[599]);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 17, 64, 769})
  void fusedGradientAgrees(int d) {
    SplittableRandom random = new SplittableRandom(7 * d);
    VectorSet rows = mixedScaleRows(random, 700, d);
    for (double scale : SCALES) {
      float[] v = randomArray(random, d, scale);
      double[] expected = new double[d];
      double[] actual = new double[d];
      scalar.relaxedKlGradientSum(v, rows, null, expected);
      simd.relaxedKlGradientSum(v, rows, null, actual);
      assertClose(expected, actual, "gradient d=" + d + " scale=" + scale);

      double[] floor = new double[rows.size()];
      for (int i = 0; i < floor.length; i++) {
        floor[i] = random.nextDouble(-2, 8); // drops some rows, keeps others
      }
      scalar.relaxedKlGradientSum(v, rows, floor, expected);
      simd.relaxedKlGradientSum(v, rows, floor, actual);
      assertClose(expected, actual, "gradient with floor d=" + d + " scale=" + scale);
    }
  }

  /**
   * The fused gradient goes four rows at a time, with leftover rows one by one at the end of the
   * last chunk: row counts around multiples of four and of the chunk size, odd dimensions.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 17, 769})
  void blockedGradientAgreesForEveryRowRemainder(int d) {
    SplittableRandom random = new SplittableRandom(13 * d);
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 255, 257, 258, 259, 513}) {
      VectorSet rows = mixedScaleRows(random, n, d);
      float[] v = randomArray(random, d, 1.0);
      double[] expected = new double[d];
      double[] actual = new double[d];
      scalar.relaxedKlGradientSum(v, rows, null, expected);
      simd.relaxedKlGradientSum(v, rows, null, actual);
      assertClose(expected, actual, "gradient d=" + d + " n=" + n);
    }
  }

  /** A block where some rows are clipped (duplicates of v) and others are not. */
  @Test
  void clippedRowsInsideABlockContributeNothing() {
    SplittableRandom random = new SplittableRandom(99);
    int d = 19;
    float[] v = randomArray(random, d, 1.0);
    float[] data = new float[9 * d];
    for (int r = 0; r < 9; r++) {
      float[] row = r % 3 == 1 ? v : randomArray(random, d, 1.0);
      System.arraycopy(row, 0, data, r * d, d);
    }
    VectorSet rows = VectorSet.wrap(data, 9, d);
    double[] expected = new double[d];
    double[] actual = new double[d];
    scalar.relaxedKlGradientSum(v, rows, null, expected);
    simd.relaxedKlGradientSum(v, rows, null, actual);
    assertClose(expected, actual, "clipped rows in a block");
  }

  @Test
  void clippedRowsContributeNothing() {
    float[] row = {1f, 2f, 3f};
    VectorSet rows = VectorSet.of(row, row, new float[] {4f, 5f, 6f});
    double[] expected = new double[3];
    double[] actual = new double[3];
    scalar.relaxedKlGradientSum(row.clone(), rows, null, expected);
    simd.relaxedKlGradientSum(row.clone(), rows, null, actual);
    assertClose(expected, actual, "duplicates");
  }

  /**
   * Rows far from the origin with v among them: ‖v‖² + ‖x‖² − 2v·x cancels almost entirely, so
   * the kernel must fall back to the direct distance for those rows (and still agree).
   */
  @ParameterizedTest
  @ValueSource(ints = {7, 64, 769})
  void gradientStaysAccurateWhereTheExpandedDistanceCancels(int d) {
    SplittableRandom random = new SplittableRandom(31 * d);
    int n = 301;
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (1000 + random.nextGaussian() * 0.01);
    }
    VectorSet rows = VectorSet.wrap(data, n, d);
    float[] v = rows.row(5);
    v[0] += 0.003f;
    double[] expected = new double[d];
    double[] actual = new double[d];
    scalar.relaxedKlGradientSum(v, rows, null, expected);
    simd.relaxedKlGradientSum(v, rows, null, actual);
    assertClose(expected, actual, "offset rows d=" + d);
  }

  /** Relative to the vector's norm: single components may cancel to nearly zero. */
  private static void assertClose(double[] expected, double[] actual, String what) {
    double norm = 0;
    for (double e : expected) {
      norm += e * e;
    }
    norm = Math.sqrt(norm);
    for (int c = 0; c < expected.length; c++) {
      assertEquals(expected[c], actual[c], TOLERANCE * norm + 1e-300, what + " [" + c + "]");
    }
  }

  static float[] randomArray(SplittableRandom random, int length, double scale) {
    float[] a = new float[length];
    for (int i = 0; i < length; i++) {
      a[i] = (float) (random.nextGaussian() * scale);
    }
    return a;
  }

  /** Rows whose magnitudes range over six orders. */
  static VectorSet mixedScaleRows(SplittableRandom random, int n, int d) {
    float[] data = new float[n * d];
    for (int r = 0; r < n; r++) {
      double scale = SCALES[r % SCALES.length];
      for (int c = 0; c < d; c++) {
        data[r * d + c] = (float) (random.nextGaussian() * scale);
      }
    }
    return VectorSet.wrap(data, n, d);
  }
}
