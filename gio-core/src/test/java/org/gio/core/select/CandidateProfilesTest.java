package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.objective.Coverage;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.Target;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;

/**
 * The greedy loop's per-candidate profiles give the values a fresh computation gives, bit for bit,
 * and the loop chooses the same rows on any number of threads.
 */
class CandidateProfilesTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops),
          new BlockedNeighbourTableBuilder(ops));
  private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

  @Test
  void profiledChangesAndPenaltiesEqualFreshOnesBitForBitAsWGrows() {
    profiledValuesEqualFreshOnes(CandidateProfiles.BUDGET);
  }

  @Test
  void listsDroppedOverTheBudgetAreRebuiltWithTheSameValues() {
    profiledValuesEqualFreshOnes(3000); // a few rows' lists: dropped at almost every step
  }

  private void profiledValuesEqualFreshOnes(long budget) {
    VectorSet pool = GreedySelectorTest.clusters(1500, ALL, 11);
    VectorSet x = GreedySelectorTest.clusters(120, new int[] {3, 8}, 12);
    int k = 4;
    NeighbourTable table = GainTables.of(ops, pool, x, 64);
    VectorSet listed = table.listed();
    Target target = Target.of(x, k, new ExactKthNeighbourSearch(ops));
    ObjectiveState w = new KnnKl(ops).start(target, VectorSet.empty(x.dim()));
    GainShortlist gains = new GainShortlist(ops, table, x, k, 1, (Coverage) w, 0);
    OutlierPenalty outliers = new OutlierPenalty(ops, target, 0.5);
    DensityRatioPenalty density = new DensityRatioPenalty(ops, target, listed, 2.0, 0, false, 0.375, 0, 0);
    DensityRatioPenalty fresh = new DensityRatioPenalty(ops, target, listed, 2.0, 0, false, 0.375, 0, 0);
    int[] all = new int[listed.size()];
    java.util.Arrays.setAll(all, i -> i);
    try (CandidateProfiles profiles =
        new CandidateProfiles(ops, listed, x, gains, outliers, density, 3, all.length, budget)) {
      profiles.prepareDensityThreshold(); // three threads over the target rows
      assertEquals(fresh.threshold(), density.threshold(), 0.0);
      boolean[] used = new boolean[listed.size()];
      for (int step = 0; step < 40; step++) {
        // rows profiled at different sizes of W, so lists pruned at different times
        int phase = step;
        int[] rows = java.util.stream.IntStream.range(0, listed.size())
            .filter(r -> !used[r] && (phase % 5 == 0 || r % 23 == phase % 23)).toArray();
        profiles.prepare(rows, rows.length);
        if (w.size() + 1 >= k) {
          for (int row : rows) {
            assertEquals(Double.doubleToLongBits(gains.change(listed, row)),
                Double.doubleToLongBits(profiles.change(row)), "row " + row + " at step " + step);
            assertEquals(Double.doubleToLongBits(outliers.penalty(listed, row)),
                Double.doubleToLongBits(profiles.outlierPenalty(row)), "row " + row);
            assertEquals(Double.doubleToLongBits(fresh.penalty(row)),
                Double.doubleToLongBits(density.penalty(row)), "row " + row);
          }
        }
        int best = -1;
        for (int row = 0; row < listed.size(); row++) {
          best = !used[row] && (best < 0 || gains.gain(row) > gains.gain(best)) ? row : best;
        }
        used[best] = true;
        w.add(listed, best);
        gains.removed(best);
        profiles.release(best);
        gains.added((Coverage) w);
      }
      // the lists were pruned as ν fell: fewer entries than target rows × rows held
      long held = listed.size() - 40;
      assertTrue(profiles.entries() < x.size() * held, profiles.entries() + " entries, " + held + " rows");
      if (budget < x.size() * held) {
        assertTrue(profiles.entries() <= Math.max(budget, (long) x.size() * 2), "entries " + profiles.entries());
      }
    }
  }

  @Test
  void pruningDropsOnlyTargetRowsThatNoLongerCount() {
    VectorSet pool = GreedySelectorTest.clusters(800, ALL, 13);
    VectorSet x = GreedySelectorTest.clusters(80, new int[] {5}, 14);
    int k = 3;
    NeighbourTable table = GainTables.of(ops, pool, x, 64);
    Target target = Target.of(x, k, new ExactKthNeighbourSearch(ops));
    ObjectiveState w = new KnnKl(ops).start(target, VectorSet.empty(x.dim()));
    GainShortlist gains = new GainShortlist(ops, table, x, k, 1, (Coverage) w, 0);
    for (int row = 0; row < 12; row++) {
      w.add(table.listed(), row);
      gains.removed(row);
      gains.added((Coverage) w);
    }
    int[] t = new int[x.size()];
    double[] l = new double[x.size()];
    for (int i = 0; i < x.size(); i++) {
      t[i] = i;
      l[i] = i % 2 == 0 ? Math.log(((Coverage) w).kthDistance(i)) : -50; // at ν_k: no longer counts
    }
    int kept = gains.prune(t, l, x.size());
    assertEquals(x.size() / 2, kept);
    for (int e = 0; e < kept; e++) {
      assertEquals(2 * e + 1, t[e], "kept in order");
    }
  }

  @Test
  void theSameSelectionOnOneTwoAndThreeThreads() {
    VectorSet pool = GreedySelectorTest.clusters(6000, ALL, 15);
    VectorSet x = GreedySelectorTest.clusters(250, new int[] {1, 6, 9}, 16);
    GioConfig[] configs = {
      GioConfig.recommendedBuilder().densitySample(1500).trackExactKl(true).build(),
      GioConfig.recommendedBuilder().densityWeight(4).densitySample(0).retrievalCandidates(3)
          .trackExactKl(true).build()
    };
    for (GioConfig config : configs) {
      NeighbourTable table = selector.table(VectorSource.of(pool), x, config, 2);
      GreedySelector greedy = new GreedySelector(ops, new ExactKthNeighbourSearch(ops));
      Selection one = greedy.select(table, x, null, config.greedy(), SelectionListener.NONE, 1);
      assertTrue(one.size() > 20, "a real selection: " + one.size());
      for (int threads : new int[] {2, 3}) {
        Selection more = greedy.select(table, x, null, config.greedy(), SelectionListener.NONE, threads);
        assertArrayEquals(one.selected(), more.selected(), threads + " threads");
        assertArrayEquals(one.kl(), more.kl(), threads + " threads");
        assertArrayEquals(one.exactKl(), more.exactKl(), threads + " threads");
        assertEquals(one.stopReason(), more.stopReason());
      }
    }
  }
}
