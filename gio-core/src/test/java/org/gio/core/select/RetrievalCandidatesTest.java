package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** {@link GioConfig#retrievalCandidates()}: the worst-covered target row's nearest row goes first. */
class RetrievalCandidatesTest {
  private static final int K = 5;
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  @Test
  void theNearestRowOfTheWorstCoveredTargetRowIsTakenWhenItHelps() {
    int d = 2;
    VectorSet target = RandomVectors.gaussian(21, 60, d, 0, 1.0);
    VectorSet pool = RandomVectors.gaussian(22, 150, d, 0, 1.2);
    // W starts as 30 rows near the centre, so the target's outskirts are the worst covered
    VectorSet initial = RandomVectors.gaussian(23, 30, d, 0, 0.3);
    GioConfig.Builder base = GioConfig.recommendedBuilder().outlierWeight(0).maxIter(1);

    // brute force: the target row with the largest log ν_k(i) − log ρ_k(i) against W, and its
    // nearest pool row
    int n = target.size();
    int worst = -1;
    double worstGap = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double gap = Math.log(kth(target, i, initial, K, -1)) - Math.log(kth(target, i, target, K, i));
      if (gap > worstGap) {
        worstGap = gap;
        worst = i;
      }
    }
    int nearest = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int g = 0; g < pool.size(); g++) {
      double dd = squared(target, worst, pool, g);
      if (dd < best) {
        best = dd;
        nearest = g;
      }
    }
    assertTrue(change(target, initial, pool, nearest) < 0, "precondition: the row helps");

    int with =
        selector.select(pool, target, initial, base.retrievalCandidates(1).build(), SelectionListener.NONE)
            .rows()[0];
    int without =
        selector.select(pool, target, initial, base.retrievalCandidates(0).build(), SelectionListener.NONE)
            .rows()[0];
    assertEquals(nearest, with, "the worst-covered target row " + worst + "'s nearest pool row");
    assertNotEquals(with, without, "without retrieval candidates the gain's best row is taken");
    assertTrue(
        change(target, initial, pool, without) <= change(target, initial, pool, with),
        "the gain's choice lowers the averaged estimator at least as much");
  }

  /** While W has fewer than k rows the estimator is undefined and the gain's order decides. */
  @Test
  void theFirstRowsComeFromTheGainWhileTheEstimatorIsUndefined() {
    VectorSet target = RandomVectors.gaussian(31, 50, 3, 0, 1.0);
    VectorSet pool = RandomVectors.gaussian(32, 200, 3, 0.3, 1.0);
    // density filter off: it drops the retrieval rows it rejects from the pool at once, which
    // changes the gain table's refills (and so its order) compared with the run without them
    GioConfig.Builder b = GioConfig.recommendedBuilder().densityWeight(0).maxIter(K - 1);
    int[] plain = selector.select(pool, target, b.retrievalCandidates(0).build()).rows();
    int[] with = selector.select(pool, target, b.retrievalCandidates(3).build()).rows();
    assertEquals(K - 1, plain.length);
    assertEquals(Arrays.toString(plain), Arrays.toString(with));
  }

  /** A(W ∪ {g}) − A(W), A = (d/n) Σ_i mean_{j=1..k} log ν_j(i) + log(m/(n − 1)), by brute force. */
  private static double change(VectorSet x, VectorSet w, VectorSet pool, int g) {
    int n = x.size();
    double before = 0;
    double after = 0;
    for (int i = 0; i < n; i++) {
      double[] dw = new double[w.size() + 1];
      for (int j = 0; j < w.size(); j++) {
        dw[j] = Math.sqrt(squared(x, i, w, j));
      }
      dw[w.size()] = Math.sqrt(squared(x, i, pool, g));
      double[] only = Arrays.copyOf(dw, w.size());
      Arrays.sort(only);
      Arrays.sort(dw);
      for (int j = 0; j < K; j++) {
        before += Math.log(only[j]) / K;
        after += Math.log(dw[j]) / K;
      }
    }
    double scale = (double) x.dim() / n;
    return scale * (after - before) + Math.log((w.size() + 1.0) / w.size());
  }

  /** The distance from row i of a to its k-th nearest row of b (row {@code skip} of b left out). */
  private static double kth(VectorSet a, int i, VectorSet b, int k, int skip) {
    double[] dd = new double[b.size()];
    for (int j = 0; j < b.size(); j++) {
      dd[j] = j == skip ? Double.POSITIVE_INFINITY : squared(a, i, b, j);
    }
    Arrays.sort(dd);
    return Math.sqrt(dd[k - 1]);
  }

  private static double squared(VectorSet a, int i, VectorSet b, int j) {
    double s = 0;
    for (int c = 0; c < a.dim(); c++) {
      double diff = a.get(i, c) - b.get(j, c);
      s += diff * diff;
    }
    return s;
  }
}
