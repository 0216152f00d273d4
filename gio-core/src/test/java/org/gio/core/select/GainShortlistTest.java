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
        new GainShortlist(ops, pool, target, K, K, pool.size(), (Coverage) w, 0);
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
    GainShortlist gains = new GainShortlist(ops, pool, target, K, 1, 16, (Coverage) w, 0);
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
    GainShortlist gains = new GainShortlist(ops, pool, target, K, K, pool.size(), (Coverage) w, 4);
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
}
