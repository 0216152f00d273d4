package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.stop.StopRule;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** {@code GioConfig.Builder.budget} and {@link Retrieval}. */
class BudgetAndRetrievalTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));
  private final VectorSet target = RandomVectors.gaussian(11, 60, 2, 3, 1);
  private final VectorSet pool = RandomVectors.gaussian(12, 300, 2, 3, 1.5);

  @Test
  void aBudgetSwitchesTheEarlyStopOffInBothModes() {
    GioConfig budgeted = GioConfig.recommendedBuilder().budget(80).build();
    assertEquals(80, budgeted.budget());
    assertEquals(80, budgeted.maxIter());
    assertEquals(StopRule.DATA_SIZE, budgeted.stop());
    assertEquals(1.0, budgeted.maxDataSize());
    assertEquals(0, budgeted.patience());
    assertEquals(80, budgeted.asMap().get("budget"));
    // the recommended run stops by itself before 80 rows here; the budget takes 80
    Selection own = selector.select(pool, target, GioConfig.recommended());
    org.junit.jupiter.api.Assertions.assertTrue(own.size() < 80, own.size() + " rows");
    Selection fixed = selector.select(pool, target, budgeted);
    assertEquals(80, fixed.size());
    assertEquals(Selection.MAX_ITER, fixed.stopReason());
    assertEquals(80, Arrays.stream(fixed.selected()).distinct().count());
    assertArrayEquals(own.selected(), Arrays.copyOf(fixed.selected(), own.size()),
        "the same greedy path, just not stopped");
    Selection faithful = selector.select(pool, target, GioConfig.builder().budget(40).build());
    assertEquals(40, faithful.size());
    // 0 turns it off again
    assertEquals(0, budgeted.toBuilder().budget(0).build().budget());
    assertThrows(InvalidConfigException.class, () -> GioConfig.builder().budget(-1).build());
  }

  @Test
  void retrievalTakesEachTargetRowsNearestRowsRoundRobin() {
    float[] t = {0, 0, 10, 10};
    float[] g = {0.1f, 0, 10, 10.2f, 0.5f, 0, 10, 11, 5, 5, 0, 0.05f};
    VectorSet x = VectorSet.wrap(t, 2, 2);
    VectorSet p = VectorSet.wrap(g, 6, 2);
    // x0's neighbours: 5 (0.05), 0 (0.1), 2 (0.5), 4; x1's: 1 (0.2), 3 (1), 4, …
    assertArrayEquals(new int[] {5, 1, 0, 3, 2}, Retrieval.nearest(p, x, 5));
    Selection s = Retrieval.select(p, x, 6);
    assertEquals(6, s.size());
    assertEquals(Retrieval.BUDGET, s.stopReason());
    assertEquals(4, s.selected()[5]);
  }

  @Test
  void retrievalListsDeeperWhenTargetRowsShareTheirNeighbours() {
    // 60 target rows all near the same 10 pool rows: repeats must not cut the budget short
    VectorSet x = RandomVectors.gaussian(3, 60, 2, 0, 0.01);
    VectorSet p = RandomVectors.gaussian(4, 500, 2, 0, 1);
    int[] rows = Retrieval.nearest(p, x, 400);
    assertEquals(400, rows.length);
    assertEquals(400, Arrays.stream(rows).distinct().count());
    assertEquals(500, Retrieval.nearest(p, x, 800).length);
  }
}
