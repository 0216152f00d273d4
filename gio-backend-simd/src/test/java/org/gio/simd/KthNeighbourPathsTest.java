package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EJML-screened ρ_k equals the direct scan's bit for bit, duplicates and wild scales included. */
class KthNeighbourPathsTest {
  private final VectorOps ops = SimdKernels.withThreads(2);

  @ParameterizedTest
  @CsvSource({"300, 7, 1", "300, 17, 5", "400, 64, 5", "257, 769, 3", "150, 1, 5"})
  void gramAndDirectAgree(int n, int d, int k) {
    SplittableRandom random = new SplittableRandom(n + d);
    VectorSet x = KernelAccuracyTest.mixedScaleRows(random, n, d);
    // Duplicates and a far-off cluster: the cases Gram screening gets wrong without a recompute.
    float[] data = x.data().clone();
    System.arraycopy(data, 0, data, 5 * d, d);
    System.arraycopy(data, 0, data, 9 * d, d);
    for (int i = 20 * d; i < 40 * d; i++) {
      data[i] += 1000f;
    }
    x = VectorSet.wrap(data, n, d);
    double[] expected = new ExactKthNeighbourSearch(ops).kthNeighbourDistances(x, k);
    assertArrayEquals(
        expected, new SimdKthNeighbourSearch(ops, PairwisePath.GRAM).kthNeighbourDistances(x, k));
    assertArrayEquals(
        expected, new SimdKthNeighbourSearch(ops, PairwisePath.DIRECT).kthNeighbourDistances(x, k));
  }
}
