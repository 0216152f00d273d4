package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;

class GreedySelectorTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops),
          new BlockedNeighbourTableBuilder(ops));

  /** Rows of 12 Gaussian clusters in 16 dimensions; cluster c's centre at 4·e_(c mod 16) + c/4. */
  static VectorSet clusters(int rows, int[] clusters, long seed) {
    int d = 16;
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * d];
    for (int i = 0; i < rows; i++) {
      int c = clusters[r.nextInt(clusters.length)];
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) ((j == c % d ? 4 : 0) + 0.25 * c + r.nextGaussian());
      }
    }
    return VectorSet.wrap(x, rows, d);
  }

  private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

  /** A source that hands out small chunks (forcing many chunks and splits), ignoring maxRows. */
  static VectorSource chunked(VectorSet set, int chunk) {
    VectorSource whole = VectorSource.of(set);
    return new VectorSource() {
      @Override
      public long rows() {
        return set.size();
      }

      @Override
      public int dim() {
        return set.dim();
      }

      @Override
      public void forEachChunk(int maxRows, ChunkVisitor visitor) {
        whole.forEachChunk(chunk, visitor);
      }
    };
  }

  @Test
  void streamedPoolOnTwoThreadsSelectsWhatTheInMemoryPoolDoes() {
    VectorSet pool = clusters(9000, ALL, 1);
    VectorSet target = clusters(300, new int[] {2, 7}, 2);
    GioConfig config = GioConfig.recommendedBuilder().densitySample(2000).build();
    Selection inMemory = selector.select(pool, target, config);
    Selection streamed = selector.select(chunked(pool, 700), target, null, config, SelectionListener.NONE, 2);
    assertTrue(inMemory.size() > 10, "a real selection: " + inMemory);
    assertArrayEquals(inMemory.selected(), streamed.selected());
    assertArrayEquals(inMemory.kl(), streamed.kl());
    assertEquals(inMemory.stopReason(), streamed.stopReason());
  }

  @Test
  void theTableNamesEveryChosenRowAndHoldsNothingPoolSized() {
    VectorSet pool = clusters(9000, ALL, 3);
    VectorSet target = clusters(200, new int[] {4}, 4);
    GioConfig config = GioConfig.recommendedBuilder().densitySample(1500).build();
    NeighbourTable table = selector.table(chunked(pool, 1000), target, config, 2);
    assertEquals(1500, table.sample().size());
    assertTrue(table.listed().size() < pool.size() / 2, "listed " + table.listed().size());
    Selection s = selector.select(table, target, null, config, SelectionListener.NONE);
    for (long id : s.selected()) {
      boolean listed = false;
      for (int i = 0; i < table.listed().size() && !listed; i++) {
        listed = table.listedId(i) == id;
      }
      assertTrue(listed, "row " + id);
    }
    // a target of one cluster: nearly every chosen row lies in that cluster's region
    int near = 0;
    for (int row : s.rows()) {
      near += pool.get(row, 4) > 2 ? 1 : 0;
    }
    assertTrue(near >= 0.9 * s.size(), near + " of " + s.size());
  }

  @Test
  void aBudgetBeyondTheTableEndsWithTableExhausted() {
    VectorSet pool = clusters(3000, ALL, 5);
    VectorSet target = clusters(60, new int[] {1}, 6);
    GioConfig config = GioConfig.recommendedBuilder()
        .densityWeight(0).stop(org.gio.core.stop.StopRule.DATA_SIZE).maxDataSize(1).maxIter(3000).build();
    Selection s = selector.select(pool, target, config);
    assertEquals(GreedySelector.TABLE_EXHAUSTED, s.stopReason());
    NeighbourTable table = selector.table(VectorSource.of(pool), target, config, 1);
    assertEquals(table.listed().size(), s.size(), "every listed row taken, each once");
  }

  @Test
  void randomInitialRowsAndResetsNeedThePublishedLoop() {
    VectorSet pool = clusters(500, ALL, 7);
    VectorSet target = clusters(50, new int[] {1}, 8);
    for (GioConfig config : new GioConfig[] {
        GioConfig.recommendedBuilder().randomInitPct(0.1).build(),
        GioConfig.recommendedBuilder().resetsAllowed(true).build()}) {
      GioInputException e = assertThrows(GioInputException.class, () -> selector.select(pool, target, config));
      assertTrue(e.getMessage().contains("--faithful"), e.getMessage());
    }
  }
}
