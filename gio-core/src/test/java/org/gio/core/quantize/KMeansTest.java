package org.gio.core.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /** {@code blobs} Gaussian blobs of {@code per} rows, centres 100 apart on the diagonal. */
  static VectorSet blobs(int blobs, int per, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] data = new float[blobs * per * dim];
    for (int b = 0; b < blobs; b++) {
      for (int i = 0; i < per; i++) {
        int row = b * per + i;
        for (int j = 0; j < dim; j++) {
          data[row * dim + j] = (float) ((j == b % dim ? 100.0 * (b + 1) : 0) + r.nextGaussian());
        }
      }
    }
    return VectorSet.wrap(data, blobs * per, dim);
  }

  static VectorSet noise(int n, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] data = new float[n * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextGaussian();
    }
    return VectorSet.wrap(data, n, dim);
  }

  @Test
  void recoversWellSeparatedBlobs() {
    for (KMeansInit init : KMeansInit.values()) {
      VectorSet x = blobs(5, 40, 8, 1);
      KMeansResult r = KMeans.builder(5).seed(3).init(init).build().fit(x);
      Quantization q = r.quantization();
      Set<Integer> used = new HashSet<>();
      for (int b = 0; b < 5; b++) {
        int c = q.clusterOf(b * 40);
        for (int i = 0; i < 40; i++) {
          assertEquals(c, q.clusterOf(b * 40 + i), init + ": blob " + b + " split");
        }
        used.add(c);
        assertEquals(40, q.size(c));
      }
      assertEquals(5, used.size(), init + ": two blobs merged");
      assertTrue(r.converged());
    }
  }

  @Test
  void sameCentroidsBitForBitOnOneAndTwoThreads() {
    VectorSet x = noise(3000, 24, 7);
    for (KMeansInit init : KMeansInit.values()) {
      KMeansResult one = KMeans.builder(40).seed(11).init(init).maxIter(15).threads(1).build().fit(x);
      KMeansResult two = KMeans.builder(40).seed(11).init(init).maxIter(15).threads(2).build().fit(x);
      assertArrayEquals(one.quantization().centroids().data(), two.quantization().centroids().data());
      assertArrayEquals(one.quantization().assignment(), two.quantization().assignment());
      assertArrayEquals(one.inertia(), two.inertia());
    }
  }

  @Test
  void matchesPlainLloydAndInertiaFalls() {
    VectorSet x = noise(800, 10, 5);
    KMeansResult r = KMeans.builder(12).seed(2).maxIter(30).tol(0).build().fit(x);
    double[] in = r.inertia();
    for (int i = 1; i < in.length; i++) {
      assertTrue(in[i] <= in[i - 1] * (1 + 1e-9), "inertia rose at iteration " + i);
    }
    // Every row is at its truly nearest centroid (brute force), so the bounds skipped nothing wrong.
    Quantization q = r.quantization();
    VectorSet c = q.centroids();
    double total = 0;
    for (int i = 0; i < x.size(); i++) {
      int best = -1;
      double bd = Double.POSITIVE_INFINITY;
      for (int k = 0; k < c.size(); k++) {
        double d = 0;
        for (int j = 0; j < x.dim(); j++) {
          double t = x.get(i, j) - c.get(k, j);
          d += t * t;
        }
        if (d < bd) {
          bd = d;
          best = k;
        }
      }
      total += bd;
      assertEquals(best, q.clusterOf(i), "row " + i);
    }
    assertEquals(total, r.finalInertia(), 1e-6 * total);
  }

  @Test
  void everyClusterNonEmptyEvenWithDuplicates() {
    float[][] rows = new float[30][];
    for (int i = 0; i < 30; i++) {
      rows[i] = new float[] {i < 25 ? 0f : i, 1f};
    }
    KMeansResult r = KMeans.builder(6).seed(1).build().fit(VectorSet.of(rows));
    for (int s : r.quantization().sizes()) {
      assertTrue(s > 0, "empty cluster");
    }
  }

  @Test
  void rejectsBadK() {
    GioInputException small = assertThrows(GioInputException.class, () -> KMeans.builder(0));
    assertTrue(small.getMessage().contains("at least 1 cluster"), small.getMessage());
    KMeans k = KMeans.builder(11).build();
    GioInputException big = assertThrows(GioInputException.class, () -> k.fit(noise(10, 2, 1)));
    assertTrue(big.getMessage().contains("only 10"), big.getMessage());
  }

  @Test
  void kEqualToRowsGivesTheRows() {
    VectorSet x = noise(7, 3, 9);
    KMeansResult r = KMeans.builder(7).build().fit(x);
    assertEquals(0.0, r.finalInertia(), 1e-9);
  }
}
