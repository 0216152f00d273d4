package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;

/** {@link GreedySelector#resume}: a run continued from any boundary's state is the uninterrupted run. */
class GreedyResumeTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GreedySelector greedy = new GreedySelector(ops, new ExactKthNeighbourSearch(ops));
  private final GioSelector selector = new GioSelector(
      ops, new org.gio.core.search.ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  /** Every boundary's state, in order. */
  private static final class Recorder implements GreedySelector.Checkpoints {
    final List<GreedyProgress> states = new ArrayList<>();

    @Override
    public void boundary(java.util.function.Supplier<GreedyProgress> progress) {
      states.add(progress.get());
    }
  }

  @Test
  void resumingFromAnyBoundaryGivesTheUninterruptedRunBitForBit() {
    // the density filter on (drops rows: steps that are only removals), patience, rejections
    resumesBitForBit(GioConfig.recommendedBuilder().densitySample(1000).build());
  }

  @Test
  void withRetrievalCandidatesToo() {
    // retrieval reads each target row's next available entry, a pointer the replay does not restore
    resumesBitForBit(GioConfig.recommendedBuilder().densitySample(1000).retrievalCandidates(3).build());
  }

  private void resumesBitForBit(GioConfig config) {
    VectorSet pool = GreedySelectorTest.clusters(4000, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 11);
    VectorSet target = GreedySelectorTest.clusters(150, new int[] {2, 5}, 12);
    NeighbourTable table = selector.table(VectorSource.of(pool), target, config, 1);
    Recorder whole = new Recorder();
    Selection uninterrupted = greedy.resume(table, target, null, config, SelectionListener.NONE, null, whole);
    assertTrue(uninterrupted.size() > 20, "a real selection: " + uninterrupted);
    GreedyProgress last = whole.states.get(whole.states.size() - 1);
    assertTrue(last.steps().length > last.accepted(), "some rows dropped or rejected: " + last);
    assertTrue(uninterrupted.iterations() > uninterrupted.size(), "some candidates rejected");

    int n = whole.states.size();
    for (int at : new int[] {0, 1, 3, n / 3, n / 2, n - 2, n - 1}) {
      GreedyProgress from = whole.states.get(at);
      Recorder rest = new Recorder();
      Selection resumed = greedy.resume(table, target, null, config, SelectionListener.NONE, from, rest);
      assertArrayEquals(uninterrupted.selected(), resumed.selected(), "from boundary " + at);
      assertArrayEquals(uninterrupted.kl(), resumed.kl(), "from boundary " + at);
      assertArrayEquals(uninterrupted.exactKl(), resumed.exactKl(), "from boundary " + at);
      assertEquals(Double.doubleToRawLongBits(uninterrupted.initialKl()),
          Double.doubleToRawLongBits(resumed.initialKl()));
      assertEquals(uninterrupted.stopReason(), resumed.stopReason());
      assertEquals(uninterrupted.iterations(), resumed.iterations());
      // and every later boundary's state is the uninterrupted run's, counters and doubles included
      assertEquals(n - at, rest.states.size(), "boundaries after " + at);
      for (int j = 0; j < rest.states.size(); j++) {
        assertTrue(whole.states.get(at + j).equals(rest.states.get(j)), "state at boundary " + (at + j));
      }
    }
  }

  @Test
  void aStateNamingRowsBeyondTheTableIsRefused() {
    VectorSet pool = GreedySelectorTest.clusters(600, new int[] {0, 1, 2}, 13);
    VectorSet target = GreedySelectorTest.clusters(40, new int[] {1}, 14);
    GioConfig config = GioConfig.recommendedBuilder().densitySample(300).build();
    NeighbourTable table = selector.table(VectorSource.of(pool), target, config, 1);
    GreedyProgress bad = new GreedyProgress(
        new int[] {table.listed().size()}, new double[] {1}, new double[] {1}, 1, 0, 0, 1, 1);
    GioInputException e = assertThrows(GioInputException.class, () -> greedy.resume(
        table, target, null, config, SelectionListener.NONE, bad, GreedySelector.Checkpoints.NONE));
    assertTrue(e.getMessage().startsWith("checkpoint: "), e.getMessage());
  }
}
