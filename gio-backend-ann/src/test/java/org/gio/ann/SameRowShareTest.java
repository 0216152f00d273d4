package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioSelector;
import org.gio.core.select.SelectionListener;
import org.gio.core.testing.ParityCase;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per parity fixture, the share of iterations on which the HNSW index picks the same row as the
 * exact scan would from the same state (the target: ≥ 99 %). Each query goes to both; the
 * run follows HNSW's answer, so this measures the HNSW run itself, iteration by iteration.
 */
class SameRowShareTest {
  private static final VectorOps OPS = new ScalarVectorOps();

  @TestFactory
  Stream<DynamicTest> defaults() {
    return cases("defaults", HnswOptions.DEFAULTS);
  }

  @TestFactory
  Stream<DynamicTest> graphOnly() {
    return cases("graph only", HnswGraphOnlyParityTest.GRAPH_ONLY);
  }

  private static Stream<DynamicTest> cases(String label, HnswOptions options) {
    return ParityCase.selectionCases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name,
                    () -> {
                      Shadow shadow = new Shadow(options);
                      GioSelector selector =
                          new GioSelector(OPS, shadow, new ExactKthNeighbourSearch(OPS));
                      selector.select(c.pool, c.target, c.init, c.config, SelectionListener.NONE);
                      double share = shadow.same / (double) shadow.queries;
                      shadow.graphAnswers =
                          shadow.indexes.stream().mapToLong(HnswCandidateIndex::graphAnswers).sum();
                      System.out.printf(
                          "same-row share [%s] %-20s %d/%d = %.4f (graph answered %d)%n",
                          label, c.name, shadow.same, shadow.queries, share, shadow.graphAnswers);
                      assertTrue(share >= 0.99, c.name + ": " + share);
                    }));
  }

  /** Asks HNSW and the exact scan every query; answers with HNSW's row. */
  private static final class Shadow implements CandidateIndexFactory {
    private final HnswOptions options;
    int queries;
    int same;
    long graphAnswers;

    final java.util.List<HnswCandidateIndex> indexes = new java.util.ArrayList<>();

    Shadow(HnswOptions options) {
      this.options = options;
    }

    @Override
    public String name() {
      return "hnsw+exact";
    }

    @Override
    public CandidateIndex build(VectorSet pool) {
      HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, options);
      ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
      indexes.add(hnsw);
      return new CandidateIndex() {
        @Override
        public int size() {
          return pool.size();
        }

        @Override
        public int available() {
          return hnsw.available();
        }

        @Override
        public int nearest(float[] query) {
          int row = hnsw.nearest(query);
          queries++;
          same += row == exact.nearest(query) ? 1 : 0;
          return row;
        }

        @Override
        public int nearest(float[] query, int count, int[] out) {
          return hnsw.nearest(query, count, out);
        }

        @Override
        public void remove(int row) {
          hnsw.remove(row);
          exact.remove(row);
        }

        @Override
        public void refill() {
          hnsw.refill();
          exact.refill();
        }
      };
    }
  }
}
