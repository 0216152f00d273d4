package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.quantize.KMeans;
import org.gio.core.quantize.KMeansResult;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.NearestCentroidKernelTest;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Vector API assignment kernel: brute force, agreement with scalar, K-means on it. */
class NearestCentroidsTest {
  private final VectorOps simd = SimdKernels.withThreads(1);
  private final VectorOps scalar = new ScalarVectorOps();

  @Test
  void theVectorKernelIsBound() {
    assertTrue(SimdKernels.usable());
    assertTrue(simd.nearestCentroids(VectorSet.wrap(new float[4], 1, 4))
        instanceof PanamaNearestCentroids);
  }

  /** K around and off the panel width (3 × lanes) and dims with every tail length. */
  @ParameterizedTest
  @CsvSource({"1,1", "1,5", "7,3", "7,24", "17,23", "17,25", "17,49", "64,47", "769,37",
      "769,100", "128,1"})
  void vectorKernelAgreesWithBruteForce(int dim, int k) {
    NearestCentroidKernelTest.check(simd, 150, dim, k, 13L * dim + k);
  }

  /** What K-means' Yinyang bounds rely on: a subset kernel scores bit for bit like the full. */
  @ParameterizedTest
  @CsvSource({"1,5", "17,23", "17,49", "769,37", "784,70", "300,100"})
  void vectorSubsetScoresAreBitIdentical(int dim, int k) {
    NearestCentroidKernelTest.checkSubsetScores(simd, 97, dim, k, dim + 5L * k);
  }

  /** Same nearest as the scalar kernel except where the two are within float rounding. */
  @ParameterizedTest
  @CsvSource({"1,7", "7,31", "17,50", "769,77"})
  void vectorAndScalarKernelsAgree(int dim, int k) {
    int n = 300;
    SplittableRandom random = new SplittableRandom(dim * 31L + k);
    float[] x = new float[n * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextDouble(); // sparse, like pixels
    }
    float[] c = new float[k * dim];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) random.nextDouble();
    }
    VectorSet cs = VectorSet.wrap(c, k, dim);
    NearestCentroidKernel a = simd.nearestCentroids(cs);
    NearestCentroidKernel b = scalar.nearestCentroids(cs);
    int[] na = new int[n];
    int[] nb = new int[n];
    float[] ba = new float[n];
    float[] bb = new float[n];
    float[] sa = new float[n];
    float[] sb = new float[n];
    a.assign(x, null, 0, n, na, ba, sa, 0);
    b.assign(x, null, 0, n, nb, bb, sb, 0);
    int differ = 0;
    for (int i = 0; i < n; i++) {
      double scale = 4.0 * dim;
      assertEquals(bb[i], ba[i], 1e-5 * scale, "best of row " + i);
      assertEquals(sb[i], sa[i], 1e-5 * scale, "second of row " + i);
      if (na[i] != nb[i]) {
        differ++;
        assertTrue(Math.abs(sa[i] - ba[i]) <= 1e-5 * scale, "row " + i + " differs by more than"
            + " rounding: " + na[i] + " vs " + nb[i]);
      }
    }
    assertTrue(differ <= n / 50, differ + " rows differ");
    // Any split of the rows gives the same result (the value depends only on row and centroid).
    int[] nc = new int[n];
    float[] bc = new float[n];
    for (int from = 0; from < n; from += 37) {
      a.assign(x, null, from, Math.min(n, from + 37), nc, bc, null, from);
    }
    assertArrayEquals(na, nc);
    assertArrayEquals(ba, bc);
  }

  /** K-means on the Vector API kernel: 1 vs 2 threads bit for bit; blobs recovered. */
  @Test
  void kmeansOnVectorKernelIsDeterministicAndRecoversBlobs() {
    int k = 7;
    int dim = 19;
    int per = 60;
    SplittableRandom random = new SplittableRandom(5);
    float[] centres = new float[k * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) (20 * random.nextDouble());
    }
    float[] x = new float[k * per * dim];
    int[] truth = new int[k * per];
    for (int i = 0; i < k * per; i++) {
      int c = i % k;
      truth[i] = c;
      for (int j = 0; j < dim; j++) {
        x[i * dim + j] = centres[c * dim + j] + (float) (0.1 * random.nextGaussian());
      }
    }
    VectorSet rows = VectorSet.wrap(x, k * per, dim);
    KMeansResult one = KMeans.builder(k).seed(3).threads(1).ops(simd).build().fit(rows);
    KMeansResult two = KMeans.builder(k).seed(3).threads(2).ops(simd).build().fit(rows);
    assertArrayEquals(one.quantization().centroids().data(),
        two.quantization().centroids().data());
    int[] a = one.quantization().assignment();
    int[] map = new int[k];
    java.util.Arrays.fill(map, -1);
    for (int i = 0; i < a.length; i++) {
      if (map[truth[i]] == -1) {
        map[truth[i]] = a[i];
      }
      assertEquals(map[truth[i]], a[i], "row " + i + " split from its blob");
    }
    assertEquals(k, java.util.Arrays.stream(map).distinct().count());
  }

  /**
   * Yinyang bounds on the vector kernel (several groups of 24, pixel-like sparse rows): every
   * assignment step's result is exactly a full scan's, and 1 vs 2 threads agree bit for bit.
   */
  @Test
  void yinyangOnVectorKernelEqualsFullScans() {
    int n = 1500;
    int dim = 100;
    int k = 110;
    SplittableRandom random = new SplittableRandom(8);
    float[] x = new float[n * dim];
    for (int i = 0; i < n; i++) {
      int blob = random.nextInt(30);
      for (int j = 0; j < dim; j++) {
        x[i * dim + j] = (j + blob) % 3 == 0 ? 0f : (float) (blob % 7 + random.nextDouble());
      }
    }
    VectorSet rows = VectorSet.wrap(x, n, dim);
    KMeansResult one = KMeans.builder(k).seed(4).maxIter(12).tol(0).threads(1).ops(simd).build()
        .fit(rows);
    KMeansResult two = KMeans.builder(k).seed(4).maxIter(12).tol(0).threads(2).ops(simd).build()
        .fit(rows);
    assertArrayEquals(one.quantization().centroids().data(),
        two.quantization().centroids().data());
    assertArrayEquals(one.quantization().assignment(), two.quantization().assignment());
    assertArrayEquals(one.scores(), two.scores());
    int[] full = new int[n];
    simd.nearestCentroids(one.quantization().centroids())
        .assign(x, null, 0, n, full, new float[n], null, 0);
    assertArrayEquals(full, one.quantization().assignment());
    long last = one.scores()[one.scores().length - 1];
    assertTrue(last < (long) n * k / 2, "the bounds pruned little: " + last);
  }
}
