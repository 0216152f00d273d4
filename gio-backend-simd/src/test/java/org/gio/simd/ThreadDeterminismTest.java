package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.stop.StopRule;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** Large enough to take the multi-threaded path, and still the same bits on 1 and 2 threads. */
class ThreadDeterminismTest {
  private static final int N = 3001;
  private static final int D = 257;

  @Test
  void theDataIsLargeEnoughToRunInParallel() {
    assertTrue((long) N * D >= PanamaVectorOps.PARALLEL_FLOATS);
    assertEquals(2, ((PanamaVectorOps) SimdKernels.withThreads(2)).threads());
  }

  @Test
  void fusedGradientIsTheSameOnOneAndTwoThreads() {
    SplittableRandom random = new SplittableRandom(5);
    VectorSet rows = KernelAccuracyTest.mixedScaleRows(random, N, D);
    float[] v = KernelAccuracyTest.randomArray(random, D, 1.0);
    double[] one = new double[D];
    double[] two = new double[D];
    SimdKernels.withThreads(1).relaxedKlGradientSum(v, rows, null, one);
    VectorOps parallel = SimdKernels.withThreads(2);
    for (int repeat = 0; repeat < 5; repeat++) {
      parallel.relaxedKlGradientSum(v, rows, null, two);
      assertArrayEquals(one, two);
    }
  }

  @Test
  void fusedGradientWithFloorAndOddShapeIsTheSameOnOneAndTwoThreads() {
    SplittableRandom random = new SplittableRandom(15);
    int n = 2051; // not a multiple of the block or the chunk
    int d = 769;
    VectorSet rows = KernelAccuracyTest.mixedScaleRows(random, n, d);
    float[] v = KernelAccuracyTest.randomArray(random, d, 1.0);
    double[] floor = new double[n];
    for (int i = 0; i < n; i++) {
      floor[i] = random.nextDouble(-2, 8);
    }
    double[] one = new double[d];
    double[] two = new double[d];
    SimdKernels.withThreads(1).relaxedKlGradientSum(v, rows, floor, one);
    VectorOps parallel = SimdKernels.withThreads(2);
    for (int repeat = 0; repeat < 3; repeat++) {
      parallel.relaxedKlGradientSum(v, rows, floor, two);
      assertArrayEquals(one, two);
    }
  }

  @Test
  void distancesAreTheSameOnOneAndTwoThreads() {
    SplittableRandom random = new SplittableRandom(6);
    VectorSet rows = KernelAccuracyTest.mixedScaleRows(random, N, D);
    float[] q = KernelAccuracyTest.randomArray(random, D, 1.0);
    double[] one = new double[N];
    double[] two = new double[N];
    SimdKernels.withThreads(1).squaredDistances(q, 0, rows, one);
    SimdKernels.withThreads(2).squaredDistances(q, 0, rows, two);
    assertArrayEquals(one, two);
  }

  @Test
  void aWholeSelectionIsTheSameOnOneAndTwoThreads() {
    SplittableRandom random = new SplittableRandom(8);
    VectorSet target = KernelAccuracyTest.mixedScaleRows(random, 2100, 260);
    VectorSet pool = KernelAccuracyTest.mixedScaleRows(random, 2500, 260);
    GioConfig config =
        GioConfig.builder().maxIter(12).stop(StopRule.MIN_KL).gradDescIter(5).seed(3).build();
    Selection one = select(SimdKernels.withThreads(1), pool, target, config);
    Selection two = select(SimdKernels.withThreads(2), pool, target, config);
    assertArrayEquals(one.rows(), two.rows());
    assertArrayEquals(one.kl(), two.kl());
  }

  private static Selection select(VectorOps ops, VectorSet pool, VectorSet target, GioConfig c) {
    GioSelector selector =
        new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));
    return selector.select(pool, target, null, c, SelectionListener.NONE);
  }
}
