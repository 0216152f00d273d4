package org.gio.core.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** Yinyang bounds: the same assignment as a full scan, on any thread count, and they prune. */
class YinyangAssignmentTest {
  private final VectorOps ops = new ScalarVectorOps();

  /** Rows around {@code centres} clumps, with exact duplicate rows; the first rows as centroids. */
  private static float[] clumps(int n, int dim, int centres, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] mean = new float[centres * dim];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (4 * r.nextGaussian());
    }
    float[] x = new float[n * dim];
    for (int i = 0; i < n; i++) {
      if (i % 10 == 9) {
        System.arraycopy(x, (i - 1) * dim, x, i * dim, dim); // duplicate of the previous row
        continue;
      }
      int c = r.nextInt(centres);
      for (int j = 0; j < dim; j++) {
        x[i * dim + j] = mean[c * dim + j] + (float) r.nextGaussian();
      }
    }
    return x;
  }

  /** The full-scan assignment of the kernel, ties to the lowest index. */
  private int[] fullScan(float[] x, int n, float[] c, int k, int dim) {
    int[] nearest = new int[n];
    ops.nearestCentroids(VectorSet.wrap(c, k, dim))
        .assign(x, null, 0, n, nearest, new float[n], null, 0);
    return nearest;
  }

  /**
   * Steps of random centroid moves (small, large, none, and one centroid jumping onto another so
   * two are identical: an exact tie) each compared with a full scan; returns the skip counters.
   */
  private long[][] run(ForkJoinPool pool, int[][] assignments) {
    int n = 3000;
    int dim = 20;
    int k = 120; // 5 groups of ~24
    float[] x = clumps(n, dim, 40, 3);
    float[] c = Arrays.copyOf(x, k * dim);
    VectorSet rows = VectorSet.wrap(x, n, dim);
    float[] norms = new float[n];
    for (int i = 0; i < n; i++) {
      norms[i] = (float) ops.dot(x, i * dim, x, i * dim, dim);
    }
    YinyangAssignment y = new YinyangAssignment(rows, norms, c.clone(), k, ops, pool);
    assertTrue(y.groups() > 1 && y.groups() <= k, "groups " + y.groups());
    int[] assign = new int[n];
    double[] dist2 = new double[n];
    SplittableRandom r = new SplittableRandom(9);
    double[] scales = {0, 0.01, 0.3, 0, 2.0, 0.05, 0};
    long[][] counters = new long[2][scales.length + 1];
    double[] moved = null;
    for (int step = 0; step <= scales.length; step++) {
      if (step > 0) {
        float[] next = c.clone();
        double scale = scales[step - 1];
        for (int i = 0; i < next.length; i++) {
          next[i] += (float) (scale * r.nextGaussian());
        }
        if (step == 3) {
          System.arraycopy(next, 70 * dim, next, 5 * dim, dim); // centroids 5 and 70 identical
        }
        moved = new double[k];
        for (int q = 0; q < k; q++) {
          moved[q] = Math.sqrt(ops.squaredDistance(c, q * dim, next, q * dim, dim));
        }
        c = next;
      }
      y.assign(c, moved, assign, dist2);
      int[] expected = fullScan(x, n, c, k, dim);
      assertArrayEquals(expected, assign, "step " + step);
      if (step == 3 || step == 4) {
        for (int i = 0; i < n; i++) {
          assertTrue(assign[i] != 70, "tie between centroids 5 and 70 went to 70, row " + i);
        }
      }
      for (int i = 0; i < n; i++) {
        assertEquals(ops.squaredDistance(x, i * dim, c, assign[i] * dim, dim), dist2[i],
            "dist2 of row " + i);
      }
      counters[0][step] = y.skippedRows();
      counters[1][step] = y.scores();
      assignments[step] = assign.clone();
    }
    return counters;
  }

  @Test
  void equalsFullScanAndCountersAreSane() {
    long[][] counters = run(null, new int[8][]);
    long n = 3000;
    long full = n * 120;
    assertEquals(0, counters[0][0], "the first step scans every row");
    assertEquals(full, counters[1][0], "the first step scores every pair");
    for (int step = 1; step < counters[0].length; step++) {
      assertTrue(counters[0][step] >= 0 && counters[0][step] <= n, "skipped " + step);
      assertTrue(counters[1][step] >= 0 && counters[1][step] <= full, "scores " + step);
      // A skipped row scores nothing, a scanned one at least its own group (one centroid).
      assertTrue(counters[1][step] >= n - counters[0][step], "scores below scanned rows");
    }
    // Unmoved centroids (step 1): the bounds prove most rows and prune most scores. Not all: a
    // tenth of the centroids are duplicate rows, an exact tie no bound can separate.
    assertTrue(counters[0][1] > n * 8 / 10, "skipped only " + counters[0][1]);
    assertTrue(counters[1][1] < full / 10, "scored " + counters[1][1]);
    // A large move (step 5, scale 2) leaves few rows provable.
    assertTrue(counters[0][5] < counters[0][1], "large move skipped as many as none");
  }

  @Test
  void sameOnOneAndTwoThreads() {
    int[][] one = new int[8][];
    int[][] two = new int[8][];
    long[][] c1 = run(null, one);
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      long[][] c2 = run(pool, two);
      assertArrayEquals(c1[0], c2[0]);
      assertArrayEquals(c1[1], c2[1]);
    } finally {
      pool.shutdown();
    }
    for (int s = 0; s < one.length; s++) {
      assertArrayEquals(one[s], two[s], "step " + s);
    }
  }

  /** The whole fit equals a plain Lloyd loop with full scans, centroids bit for bit. */
  @Test
  void kmeansEqualsPlainLloyd() {
    int n = 2000;
    int dim = 16;
    int k = 60;
    float[] x = clumps(n, dim, 25, 4);
    VectorSet rows = VectorSet.wrap(x, n, dim);
    float[] start = new float[k * dim];
    for (int q = 0, i = 0; q < k; i++) {
      if (i % 10 != 9) { // not a duplicate row, so no cluster starts empty
        System.arraycopy(x, i * dim, start, q++ * dim, dim);
      }
    }
    int iterations = 8;
    KMeansResult r = KMeans.builder(k).initialCentroids(VectorSet.wrap(start.clone(), k, dim))
        .maxIter(iterations).tol(0).threads(2).ops(ops).build().fit(rows);

    float[] c = start.clone();
    int[] a = null;
    for (int it = 0; it < r.iterations(); it++) {
      a = fullScan(x, n, c, k, dim);
      double[] sum = new double[k * dim];
      int[] size = new int[k];
      for (int i = 0; i < n; i++) {
        size[a[i]]++;
        for (int j = 0; j < dim; j++) {
          sum[a[i] * dim + j] += x[i * dim + j];
        }
      }
      for (int q = 0; q < k; q++) {
        assertTrue(size[q] > 0, "test data must not empty a cluster");
        for (int j = 0; j < dim; j++) {
          c[q * dim + j] = (float) (sum[q * dim + j] / size[q]);
        }
      }
    }
    a = fullScan(x, n, c, k, dim);
    assertArrayEquals(c, r.quantization().centroids().data());
    assertArrayEquals(a, r.quantization().assignment());
    assertEquals(r.iterations() + 1, r.scores().length);
    assertEquals(r.iterations() + 1, r.skippedRows().length);
    assertEquals((long) n * k, r.scores()[0]);
    assertTrue(r.scores()[r.iterations()] < (long) n * k, "final step pruned nothing");
  }
}
