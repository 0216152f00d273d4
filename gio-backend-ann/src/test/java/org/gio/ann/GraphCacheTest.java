package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCacheTest {
  private static final ScalarVectorOps OPS = new ScalarVectorOps();

  @Test
  void roundTripKeepsEveryLevelNeighbourListAndEntry(@TempDir Path dir) throws IOException {
    VectorSet pool = TestData.clustered(3000, 16, 6, 11);
    HnswOptions options = HnswOptions.builder().maxConn(8).beamWidth(40).build();
    EuclideanScores scores = new EuclideanScores(pool, OPS);
    OnHeapHnswGraph built = GraphBuild.build(pool, scores, options);
    Path file = dir.resolve("g.graph");
    GraphCache.write(built, options.maxConn(), file);
    OnHeapHnswGraph read = GraphCache.read(file, pool.size(), scores, options);

    assertTrue(built.numLevels() > 1, "test needs an upper level");
    assertEquals(built.numLevels(), read.numLevels());
    assertEquals(built.entryNode(), read.entryNode());
    assertEquals(built.size(), read.size());
    for (int level = 0; level < built.numLevels(); level++) {
      int[] nodes = HnswGraph.NodesIterator.getSortedNodes(built.getNodesOnLevel(level));
      assertArrayEquals(nodes, HnswGraph.NodesIterator.getSortedNodes(read.getNodesOnLevel(level)));
      for (int node : nodes) {
        NeighborArray a = built.getNeighbors(level, node);
        NeighborArray b = read.getNeighbors(level, node);
        assertArrayEquals(Arrays.copyOf(a.nodes(), a.size()), Arrays.copyOf(b.nodes(), b.size()),
            "neighbours of " + node + " on level " + level);
        for (int i = 0; i < a.size(); i++) {
          // Not compared with the built graph's score: a few links Lucene adds after the fact (about
          // 1 % of nodes here, e.g. when it joins components) carry the score of another pair.
          // Searching ignores stored scores; the loaded ones are the true similarities.
          assertEquals(scores.scorer(node).score(b.nodes()[i]), b.scores()[i], "score of " + node);
        }
      }
    }
  }

  @Test
  void cachedIndexAnswersLikeAFreshOneAndReusesTheFile(@TempDir Path dir) throws IOException {
    VectorSet pool = TestData.clustered(2500, 12, 5, 12);
    HnswOptions fresh = HnswOptions.builder().maxConn(8).beamWidth(40).exactScanRows(0)
        .scanWhenCheaper(false).build();
    HnswOptions cached = fresh.toBuilder().graphCache(dir).build();
    HnswCandidateIndex a = HnswCandidateIndex.build(pool, OPS, fresh);
    HnswCandidateIndex b = HnswCandidateIndex.build(pool, OPS, cached); // builds and writes
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    HnswCandidateIndex c = HnswCandidateIndex.build(pool, OPS, cached); // loads
    SplittableRandom random = new SplittableRandom(13);
    for (int q = 0; q < 200; q++) {
      float[] query = TestData.query(pool, random);
      int expected = a.nearest(query);
      assertEquals(expected, b.nearest(query));
      assertEquals(expected, c.nearest(query));
    }
  }

  @Test
  void fileNameChangesWithRowsAndBuildOptions() {
    VectorSet pool = TestData.clustered(200, 4, 2, 1);
    HnswOptions o = HnswOptions.DEFAULTS;
    String name = GraphCache.fileName(pool, o);
    assertEquals(name, GraphCache.fileName(TestData.clustered(200, 4, 2, 1), o));
    assertNotEquals(name, GraphCache.fileName(TestData.clustered(200, 4, 2, 2), o));
    assertNotEquals(name, GraphCache.fileName(pool, o.toBuilder().maxConn(8).build()));
    assertNotEquals(name, GraphCache.fileName(pool, o.toBuilder().beamWidth(50).build()));
    assertNotEquals(name, GraphCache.fileName(pool, o.toBuilder().seed(1).build()));
    assertNotEquals(name, GraphCache.fileName(pool, o.toBuilder().buildThreads(2).build()));
    // search-only settings share the graph
    assertEquals(name, GraphCache.fileName(pool, o.toBuilder().efSearch(400).build()));
  }

  @Test
  void aFileForOtherRowsFailsWithTheFix(@TempDir Path dir) throws IOException {
    VectorSet pool = TestData.clustered(500, 4, 2, 3);
    HnswOptions options = HnswOptions.builder().maxConn(8).beamWidth(20).build();
    EuclideanScores scores = new EuclideanScores(pool, OPS);
    Path file = dir.resolve("g.graph");
    GraphCache.write(GraphBuild.build(pool, scores, options), options.maxConn(), file);
    IOException e =
        assertThrows(IOException.class, () -> GraphCache.read(file, 499, scores, options));
    assertTrue(e.getMessage().contains("delete it to rebuild"), e.getMessage());
    Files.write(file, new byte[16]);
    assertThrows(IOException.class, () -> GraphCache.read(file, 500, scores, options));
  }
}
