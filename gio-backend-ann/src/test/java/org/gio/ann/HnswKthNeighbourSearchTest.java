package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class HnswKthNeighbourSearchTest {
  private static final VectorOps OPS = new ScalarVectorOps();
  private static final HnswOptions ALWAYS_GRAPH = HnswOptions.builder().kthGraphMinRows(0).build();

  @Test
  void graphRhoMatchesExactOnSeededData() {
    VectorSet x = TestData.clustered(4000, 16, 10, 21);
    double[] exact = new ExactKthNeighbourSearch(OPS).kthNeighbourDistances(x, 5);
    double[] graph = new HnswKthNeighbourSearch(OPS, ALWAYS_GRAPH).kthNeighbourDistances(x, 5);
    int same = 0;
    for (int i = 0; i < exact.length; i++) {
      assertTrue(graph[i] >= exact[i] - 1e-12, "never below the true k-th distance, row " + i);
      same += graph[i] == exact[i] ? 1 : 0;
    }
    assertTrue(same >= 0.99 * exact.length, same + " of " + exact.length + " exact");
  }

  @Test
  void duplicatesCountAsNeighboursButNotTheRowItself() {
    // Rows 0..2 identical: each has two neighbours at distance 0, the third is elsewhere.
    VectorSet x =
        VectorSet.of(
            new float[] {1, 1}, new float[] {1, 1}, new float[] {1, 1},
            new float[] {4, 5}, new float[] {10, 10});
    double[] graph = new HnswKthNeighbourSearch(OPS, ALWAYS_GRAPH).kthNeighbourDistances(x, 2);
    double[] exact = new ExactKthNeighbourSearch(OPS).kthNeighbourDistances(x, 2);
    assertArrayEquals(exact, graph);
    assertEquals(1e-5, graph[0], 1e-12); // the clip: sqrt(1e-10)
  }

  @Test
  void smallTargetsUseTheExactSearch() {
    VectorSet x = TestData.clustered(500, 8, 3, 22);
    assertArrayEquals(
        new ExactKthNeighbourSearch(OPS).kthNeighbourDistances(x, 3),
        new HnswKthNeighbourSearch(OPS, HnswOptions.DEFAULTS).kthNeighbourDistances(x, 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HnswKthNeighbourSearch(OPS, ALWAYS_GRAPH).kthNeighbourDistances(x, 500));
  }
}
