package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.objective.Coverage;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.Target;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.testing.RandomVectors;
import org.junit.jupiter.api.Test;

/** The gain table against the exact estimator it estimates (ALGORITHM.md §1). */
class GainShortlistTest {
  private final VectorOps ops = new ScalarVectorOps();
  private static final int K = 3;

  private static VectorSet gaussian(int n, int d, double shift, long seed) {
    return RandomVectors.gaussian(seed, n, d, shift, 1.0);
  }

  private final VectorSet target = gaussian(40, 3, 0, 1);
  private final VectorSet pool = gaussian(120, 3, 0.2, 2);

  private ObjectiveState exact(int k) {
    return new KnnKl(ops).start(Target.of(target, k, new ExactKthNeighbourSearch(ops)), pool.select(new int[0]));
  }

  @Test
  void completeListsGiveTheExactDecreaseIncrementally() {
    // depth = pool size: no pool row is missing from any list, so the kept gain is exact
    ObjectiveState w = exact(K);
    GainShortlist gains =
        new GainShortlist(ops, GainTables.of(ops, pool, target, pool.size()), target, K, K, (Coverage) w, 0);
    int[] order = {5, 17, 33, 2, 90, 64, 71, 8, 101, 45};
    double scale = (double) target.dim() / target.size();
    for (int step = 0; step < order.length; step++) {
      if (w.size() >= K) {
        for (int row = 0; row < pool.size(); row++) {
          double exactChange = w.valueIfAdded(pool, row) - w.value();
          double cost = Math.log((double) (w.size() + 1) / w.size());
          assertEquals(exactChange, -scale * gains.gain(row) + cost, 1e-9, "row " + row);
          assertEquals(exactChange, gains.change(pool, row), 1e-9, "change of row " + row);
        }
      }
      w.add(pool, order[step]);
      gains.removed(order[step]);
      gains.added((Coverage) w);
    }
  }

  @Test
  void allOrdersAverageTheEstimatorsOfEachOrder() {
    ObjectiveState[] perOrder = new ObjectiveState[K];
    for (int j = 1; j <= K; j++) {
      perOrder[j - 1] = exact(j);
    }
    ObjectiveState w = perOrder[K - 1];
    GainShortlist gains = new GainShortlist(ops, GainTables.of(ops, pool, target, pool.size()), target, K, 1, (Coverage) w, 0);
    int[] order = {5, 17, 33, 2, 90, 64, 71};
    for (int row : order) {
      for (ObjectiveState s : perOrder) {
        s.add(pool, row);
      }
      gains.removed(row);
      gains.added((Coverage) w);
    }
    for (int row = 0; row < pool.size(); row += 7) {
      double mean = 0;
      for (ObjectiveState s : perOrder) {
        mean += (s.valueIfAdded(pool, row) - s.value()) / K;
      }
      assertEquals(mean, gains.change(pool, row), 1e-9, "row " + row);
    }
  }

  @Test
  void topListsTheLargestGainsOfAvailableRowsBestFirst() {
    ObjectiveState w = exact(K);
    for (int row : new int[] {1, 2, 3, 4}) {
      w.add(pool, row);
    }
    GainShortlist gains = new GainShortlist(ops, GainTables.of(ops, pool, target, pool.size()), target, K, K, (Coverage) w, 4);
    for (int row : new int[] {1, 2, 3, 4}) {
      gains.removed(row);
    }
    int[] out = new int[6];
    assertEquals(6, gains.top(6, out));
    double lowestListed = gains.gain(out[5]);
    for (int j = 1; j < 6; j++) {
      assertTrue(gains.gain(out[j - 1]) >= gains.gain(out[j]));
    }
    for (int row = 0; row < pool.size(); row++) {
      boolean listed = false;
      for (int r : out) {
        listed |= r == row;
      }
      if (!listed && row > 4) {
        assertTrue(gains.gain(row) <= lowestListed, "row " + row + " beats the shortlist");
      }
      if (row >= 1 && row <= 4) {
        assertTrue(!listed, "removed row " + row + " listed");
      }
    }
    gains.removed(out[0]);
    int[] again = new int[6];
    gains.top(6, again);
    assertEquals(out[1], again[0]);
  }

  /**
   * The retrieval candidates are, for the r target rows with the largest log ν_k(i) − log ρ_k(i),
   * each one's nearest pool row still available, in that order, without duplicates, after the rows
   * already in the shortlist (checked by brute force).
   */
  @Test
  void retrievalCandidatesAreTheNearestAvailableRowsOfTheWorstCoveredTargetRows() {
    Target t = Target.of(target, K, new ExactKthNeighbourSearch(ops));
    ObjectiveState w = exact(K);
    GainShortlist gains = new GainShortlist(ops, GainTables.of(ops, pool, target, pool.size()), target, K, 1, (Coverage) w, 0);
    boolean[] gone = new boolean[pool.size()];
    int[] order = {5, 17, 33, 2, 90, 64, 71};
    for (int row : order) {
      w.add(pool, row);
      gains.removed(row);
      gains.added((Coverage) w);
      gone[row] = true;
    }
    for (int row : new int[] {3, 4, 11}) { // rejected rows leave the pool too
      gains.removed(row);
      gone[row] = true;
    }
    double[] logRho = new double[target.size()];
    Integer[] byGap = new Integer[target.size()];
    double[] gap = new double[target.size()];
    for (int i = 0; i < target.size(); i++) {
      logRho[i] = Math.log(t.kthNeighbourDistance(i));
      gap[i] = Math.log(((Coverage) w).kthDistance(i)) - logRho[i];
      byGap[i] = i;
    }
    java.util.Arrays.sort(byGap, (a, b) -> gap[a] != gap[b] ? Double.compare(gap[b], gap[a]) : a - b);
    int r = 6;
    java.util.List<Integer> expected = new java.util.ArrayList<>();
    expected.add(-7); // a row already in the shortlist stays first
    for (int w2 = 0; w2 < r; w2++) {
      int best = nearest(byGap[w2], gone);
      if (!expected.contains(best)) {
        expected.add(best);
      }
    }
    int[] out = new int[1 + r];
    out[0] = -7;
    int length = gains.nearestOfWorst(r, logRho, out, 1);
    assertEquals(expected.size(), length);
    for (int j = 0; j < length; j++) {
      assertEquals(expected.get(j), out[j], "entry " + j);
      assertTrue(out[j] < 0 || !gone[out[j]], "entry " + j + " is available");
    }
    // an entry already in the shortlist is not repeated
    int[] again = new int[1 + r];
    again[0] = expected.get(1);
    assertEquals(length - 1, gains.nearestOfWorst(r, logRho, again, 1));
    // once the worst row's nearest row is taken, its next nearest is offered
    int taken = expected.get(1);
    gains.removed(taken);
    int[] next = new int[r];
    gains.nearestOfWorst(1, logRho, next, 0);
    assertTrue(next[0] != taken, "the taken row is not offered again");
    gains.refilled();
    gains.nearestOfWorst(1, logRho, next, 0);
    assertEquals(
        nearest(byGap[0], new boolean[pool.size()]), next[0], "after a refill every row is back");
  }

  /** Brute force: the pool row nearest target row i among those not {@code gone}. */
  private int nearest(int i, boolean[] gone) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int g = 0; g < pool.size(); g++) {
      double dd = 0;
      for (int c = 0; c < target.dim(); c++) {
        double diff = target.get(i, c) - pool.get(g, c);
        dd += diff * diff;
      }
      if (!gone[g] && dd < bestD) {
        bestD = dd;
        best = g;
      }
    }
    return best;
  }
}
