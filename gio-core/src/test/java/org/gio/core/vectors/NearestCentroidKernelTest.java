package org.gio.core.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default (scalar, blocked) assignment kernel against a brute force in double. */
public class NearestCentroidKernelTest {

  @ParameterizedTest
  @CsvSource({"1,1", "1,5", "7,3", "17,23", "17,25", "64,49", "769,37"})
  void scalarKernelAgreesWithBruteForce(int dim, int k) {
    check(new ScalarVectorOps(), 101, dim, k, 11L * dim + k);
  }

  /**
   * A kernel on a subset of the centroids scores each (row, centroid) bit for bit like the kernel
   * on all of them (what K-means' Yinyang bounds rely on), over several calls and row ranges.
   */
  public static void checkSubsetScores(VectorOps ops, int n, int dim, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] c = new float[k * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) random.nextGaussian();
    }
    float[] all = new float[n * k];
    ops.nearestCentroids(VectorSet.wrap(c, k, dim)).scores(x, null, 0, n, all, 0);
    int[] subset = {k - 1, 0, k / 2, k / 3};
    float[] sc = new float[subset.length * dim];
    for (int q = 0; q < subset.length; q++) {
      System.arraycopy(c, subset[q] * dim, sc, q * dim, dim);
    }
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = (i * 7) % n;
    }
    float[] part = new float[n * subset.length];
    NearestCentroidKernel kernel = ops.nearestCentroids(VectorSet.wrap(sc, subset.length, dim));
    kernel.scores(x, rows, 0, 5, part, 0);
    kernel.scores(x, rows, 5, n, part, 5 * subset.length);
    for (int r = 0; r < n; r++) {
      for (int q = 0; q < subset.length; q++) {
        assertEquals(all[rows[r] * k + subset[q]], part[r * subset.length + q],
            ops.name() + " row " + rows[r] + " centroid " + subset[q]);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1,5", "17,23", "769,37", "784,70"})
  void scalarSubsetScoresAreBitIdentical(int dim, int k) {
    checkSubsetScores(new ScalarVectorOps(), 97, dim, k, dim + 5L * k);
  }

  /**
   * Runs {@code ops}' kernel on n random rows (through a shuffled row index, an odd range and an
   * output offset) and checks nearest, best and second against double brute force: the chosen
   * centroid is within float rounding of the true nearest, exact ties go to the lowest index, and
   * the reported scores are within rounding of the true ones.
   */
  public static void check(VectorOps ops, int n, int dim, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[(n + 3) * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] c = new float[k * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) random.nextGaussian();
    }
    if (k > 30) {
      System.arraycopy(c, 2 * dim, c, 29 * dim, dim); // an exact tie across panels: 2 must win
    }
    NearestCentroidKernel kernel = ops.nearestCentroids(VectorSet.wrap(c.clone(), k, dim));
    assertEquals(k, kernel.size());
    assertEquals(dim, kernel.dim());
    int[] rowIndex = new int[n + 4];
    for (int i = 0; i < rowIndex.length; i++) {
      rowIndex[i] = random.nextInt(n + 3);
    }
    int from = 2;
    int to = n + 1;
    int out = 5;
    int[] nearest = new int[n + 10];
    float[] best = new float[n + 10];
    float[] second = new float[n + 10];
    kernel.assign(x, rowIndex, from, to, nearest, best, second, out);
    int[] nearest2 = new int[n + 10];
    float[] best2 = new float[n + 10];
    kernel.assign(x, rowIndex, from, to, nearest2, best2, null, out);
    for (int i = from; i < to; i++) {
      int row = rowIndex[i];
      double[] score = new double[k];
      double scale = 0;
      for (int q = 0; q < k; q++) {
        double dot = 0;
        double norm = 0;
        double xn = 0;
        for (int j = 0; j < dim; j++) {
          double xv = x[row * dim + j];
          double cv = c[q * dim + j];
          dot += xv * cv;
          norm += cv * cv;
          xn += xv * xv;
        }
        score[q] = norm - 2 * dot;
        scale = Math.max(scale, norm + xn);
      }
      int arg = 0;
      for (int q = 1; q < k; q++) {
        if (score[q] < score[arg]) {
          arg = q;
        }
      }
      double secondScore = Double.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) {
        if (q != arg) {
          secondScore = Math.min(secondScore, score[q]);
        }
      }
      double eps = 1e-5 * scale + 1e-6;
      int o = out + i - from;
      int got = nearest[o];
      String where = ops.name() + " dim=" + dim + " k=" + k + " row " + row;
      assertTrue(score[got] <= score[arg] + eps, where + ": chose " + got + ", nearest " + arg);
      if (k > 30 && got == 29) {
        throw new AssertionError(where + ": exact tie 2/29 went to the higher index");
      }
      assertEquals(score[arg], best[o], eps, where + " best");
      if (k == 1) {
        assertEquals(Float.POSITIVE_INFINITY, second[o], where + " second");
      } else {
        assertEquals(secondScore, second[o], eps, where + " second");
      }
      assertEquals(nearest[o], nearest2[o], where + ": second tracking changed the nearest");
      // scores() gives exactly the values assign() compared: its first minimum is the nearest.
      float[] all = new float[k + 3];
      kernel.scores(x, rowIndex, i, i + 1, all, 3);
      int first = 0;
      for (int q = 1; q < k; q++) {
        if (all[3 + q] < all[3 + first]) {
          first = q;
        }
      }
      assertEquals(nearest[o], first, where + ": scores() disagrees with assign()");
      assertEquals(best[o], all[3 + first], where + ": scores() best is not bit-identical");
      assertEquals(best[o], best2[o], where + ": second tracking changed the best");
    }
  }
}
