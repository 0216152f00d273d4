package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class FlatHnswSearcherTest {
  private static final VectorOps OPS = new ScalarVectorOps();
  private static final HnswOptions OPTIONS = HnswOptions.DEFAULTS;

  private static final class Fixture {
    final VectorSet pool;
    final EuclideanScores scores;
    final OnHeapHnswGraph lucene;
    final FlatHnswGraph flat;

    Fixture(VectorSet pool) {
      this.pool = pool;
      this.scores = new EuclideanScores(pool, OPS);
      this.lucene = GraphBuild.build(pool, scores, OPTIONS);
      this.flat = FlatHnswGraph.of(lucene);
    }

    FlatHnswSearcher searcher() {
      return new FlatHnswSearcher(flat, NodeVectors.of(scores, flat.rows()));
    }
  }

  /** Rows sorted by exact distance to q (ties to the lower row), keeping only accepted ones. */
  private static int[] bruteForce(VectorSet pool, float[] q, FixedBitSet accept) {
    return java.util.stream.IntStream.range(0, pool.size())
        .filter(r -> accept == null || accept.get(r))
        .boxed()
        .sorted(
            (a, b) -> {
              int c = Double.compare(distance(pool, q, a), distance(pool, q, b));
              return c != 0 ? c : Integer.compare(a, b);
            })
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double distance(VectorSet pool, float[] q, int row) {
    return OPS.squaredDistance(q, 0, pool.data(), pool.offset(row), pool.dim());
  }

  @Test
  void flatCopyHasLucenesLinksRenumbered() {
    Fixture f = new Fixture(TestData.clustered(3000, 8, 10, 21));
    assertEquals(f.lucene.entryNode(), f.flat.row(f.flat.entryNode()));
    assertEquals(f.lucene.numLevels() - 1, f.flat.topLevel());
    assertTrue(f.flat.maxDegree0() <= 2 * OPTIONS.maxConn(), "level 0 degree " + f.flat.maxDegree0());
    int[] sortedRows = f.flat.rows().clone();
    Arrays.sort(sortedRows);
    int[] identity = new int[f.pool.size()];
    Arrays.setAll(identity, i -> i);
    assertArrayEquals(identity, sortedRows, "node order is a permutation of the rows");
    int[] links = f.flat.links0();
    for (int node = 0; node < f.pool.size(); node += 7) {
      int at = f.flat.level0At(node);
      var n = f.lucene.getNeighbors(0, f.flat.row(node));
      assertEquals(n.size(), links[at]);
      int[] rows = new int[n.size()];
      Arrays.setAll(rows, i -> f.flat.row(links[at + 1 + i]));
      assertArrayEquals(Arrays.copyOf(n.nodes(), n.size()), rows);
    }
  }

  /** Rows of one cluster end up contiguous in node order, though the pool interleaves them. */
  @Test
  void nodeOrderKeepsClustersTogether() {
    int clusters = 5;
    int dim = 8;
    VectorSet blobs = TestData.clustered(2000, dim, 1, 33); // one unit blob around a centre
    float[] data = blobs.data().clone();
    for (int r = 0; r < 2000; r++) {
      data[r * dim] += 100 * (r % clusters); // row r in cluster r % 5: far apart, interleaved
    }
    Fixture f = new Fixture(VectorSet.wrap(data, 2000, dim));
    int changes = 0;
    for (int node = 1; node < 2000; node++) {
      changes += f.flat.row(node) % clusters != f.flat.row(node - 1) % clusters ? 1 : 0;
    }
    assertTrue(changes <= 2 * clusters, changes + " cluster changes along the node order");
  }

  @Test
  void recallAgainstBruteForceAndSortedResults() {
    Fixture f = new Fixture(TestData.clustered(4000, 16, 10, 22));
    FlatHnswSearcher searcher = f.searcher();
    SplittableRandom random = new SplittableRandom(23);
    int hits = 0;
    int queries = 200;
    for (int i = 0; i < queries; i++) {
      float[] q = TestData.query(f.pool, random);
      searcher.search(q, 50, null, Long.MAX_VALUE);
      assertFalse(searcher.earlyTerminated());
      assertEquals(50, searcher.resultCount());
      searcher.sortResults();
      for (int r = 1; r < searcher.resultCount(); r++) {
        assertTrue(searcher.resultDistance(r - 1) <= searcher.resultDistance(r), "sorted, query " + i);
      }
      assertEquals(
          VectorUtil.squareDistance(q, f.pool.row(searcher.resultRow(0))), searcher.resultDistance(0));
      hits += searcher.resultRow(0) == bruteForce(f.pool, q, null)[0] ? 1 : 0;
    }
    assertTrue(hits >= 0.98 * queries, "recall@1 " + hits + " / " + queries);
  }

  /** Same algorithm as Lucene's searcher: on data without ties it keeps the same nodes. */
  @Test
  void keepsTheNodesLucenesSearcherKeeps() throws IOException {
    Fixture f = new Fixture(TestData.clustered(3000, 12, 6, 24));
    FlatHnswSearcher searcher = f.searcher();
    SplittableRandom random = new SplittableRandom(25);
    FixedBitSet half = new FixedBitSet(f.pool.size());
    for (int r = 0; r < f.pool.size(); r++) {
      if (random.nextBoolean()) {
        half.set(r);
      }
    }
    int same = 0;
    int queries = 100;
    for (int i = 0; i < queries; i++) {
      float[] q = TestData.query(f.pool, random);
      FixedBitSet accept = i % 2 == 0 ? null : half;
      ScoreDoc[] lucene =
          HnswGraphSearcher.search(f.scores.query(q), 30, f.lucene, accept, Integer.MAX_VALUE)
              .topDocs()
              .scoreDocs;
      searcher.search(q, 30, accept, Long.MAX_VALUE);
      searcher.sortResults();
      int[] ours = new int[searcher.resultCount()];
      Arrays.setAll(ours, searcher::resultRow);
      int[] theirs = Arrays.stream(lucene).mapToInt(d -> d.doc).toArray();
      Arrays.sort(ours);
      Arrays.sort(theirs);
      same += Arrays.equals(ours, theirs) ? 1 : 0;
    }
    // Lucene re-scores the entry node at level 0 and orders equal similarities its own way; on
    // continuous data neither changes which nodes are kept.
    assertEquals(queries, same, "queries whose kept nodes match Lucene's");
  }

  @Test
  void neverKeepsARejectedNodeEvenWhenMostAreRejected() {
    Fixture f = new Fixture(TestData.clustered(3000, 8, 10, 26));
    FlatHnswSearcher searcher = f.searcher();
    SplittableRandom random = new SplittableRandom(27);
    for (double keep : new double[] {0.5, 0.05, 0.002}) {
      FixedBitSet accept = new FixedBitSet(f.pool.size());
      for (int r = 0; r < f.pool.size(); r++) {
        if (random.nextDouble() < keep) {
          accept.set(r);
        }
      }
      int accepted = accept.cardinality();
      int hits = 0;
      for (int i = 0; i < 50; i++) {
        float[] q = TestData.query(f.pool, random);
        searcher.search(q, 20, accept, Long.MAX_VALUE);
        for (int r = 0; r < searcher.resultCount(); r++) {
          assertTrue(accept.get(searcher.resultRow(r)), "kept rejected node " + searcher.resultRow(r));
        }
        // rejected nodes are walked through, so the search still finds ef accepted rows
        assertEquals(Math.min(20, accepted), searcher.resultCount(), "kept at " + keep);
        searcher.sortResults();
        hits += searcher.resultRow(0) == bruteForce(f.pool, q, accept)[0] ? 1 : 0;
      }
      assertTrue(hits >= 48, "recall@1 " + hits + " / 50 with " + keep + " accepted");
    }
  }

  @Test
  void singleNodeGraph() {
    Fixture f = new Fixture(VectorSet.wrap(new float[] {1, 2, 3}, 1, 3));
    FlatHnswSearcher searcher = f.searcher();
    searcher.search(new float[] {0, 0, 0}, 10, null, Long.MAX_VALUE);
    assertEquals(1, searcher.resultCount());
    assertEquals(0, searcher.resultRow(0));
    assertEquals(14f, searcher.resultDistance(0));
    FixedBitSet none = new FixedBitSet(1);
    searcher.search(new float[] {0, 0, 0}, 10, none, Long.MAX_VALUE);
    assertEquals(0, searcher.resultCount());
    assertFalse(searcher.earlyTerminated());
  }

  @Test
  void duplicateVectorsAreDistinctResultsAtDistanceZero() {
    // Every vector three times (rows i, i + 200, i + 400), plus a block of 50 identical rows.
    VectorSet base = TestData.clustered(200, 8, 4, 32);
    float[] same = new float[8];
    Arrays.fill(same, 7f);
    float[][] block = new float[50][];
    Arrays.fill(block, same);
    Fixture f = new Fixture(base.concat(base).concat(base).concat(VectorSet.of(block)));
    FlatHnswSearcher searcher = f.searcher();
    for (int r = 0; r < 200; r += 7) {
      searcher.search(base.row(r), 20, null, Long.MAX_VALUE);
      searcher.sortResults();
      assertEquals(0f, searcher.resultDistance(0), "query at row " + r);
      assertEquals(r % 200, searcher.resultRow(0) % 200, "a copy of row " + r);
      assertDistinct(searcher);
    }
    searcher.search(same, 20, null, Long.MAX_VALUE);
    searcher.sortResults();
    assertEquals(0f, searcher.resultDistance(0));
    assertTrue(searcher.resultRow(0) >= 600, "a row of the block");
    assertDistinct(searcher);
  }

  private static void assertDistinct(FlatHnswSearcher searcher) {
    int[] nodes = new int[searcher.resultCount()];
    Arrays.setAll(nodes, searcher::resultRow);
    assertEquals(nodes.length, Arrays.stream(nodes).distinct().count(), Arrays.toString(nodes));
  }

  @Test
  void visitLimitStopsTheSearch() {
    Fixture f = new Fixture(TestData.clustered(3000, 8, 10, 28));
    FlatHnswSearcher searcher = f.searcher();
    float[] q = TestData.query(f.pool, new SplittableRandom(29));
    searcher.search(q, 100, null, Long.MAX_VALUE);
    long unlimited = searcher.visitedCount();
    assertFalse(searcher.earlyTerminated());
    searcher.search(q, 100, null, unlimited / 2);
    assertTrue(searcher.earlyTerminated());
    assertTrue(searcher.visitedCount() <= unlimited / 2, "visited " + searcher.visitedCount());
    searcher.search(q, 100, null, unlimited + 1);
    assertFalse(searcher.earlyTerminated());
    assertEquals(unlimited, searcher.visitedCount());
  }

  @Test
  void sameQuerySameAnswerWhateverCameBefore() {
    Fixture f = new Fixture(TestData.clustered(3000, 8, 10, 30));
    FlatHnswSearcher used = f.searcher();
    SplittableRandom random = new SplittableRandom(31);
    for (int i = 0; i < 20; i++) {
      used.search(TestData.query(f.pool, random), 40, null, Long.MAX_VALUE);
    }
    float[] q = TestData.query(f.pool, random);
    FlatHnswSearcher fresh = f.searcher();
    used.search(q, 40, null, Long.MAX_VALUE);
    fresh.search(q, 40, null, Long.MAX_VALUE);
    used.sortResults();
    fresh.sortResults();
    assertEquals(fresh.resultCount(), used.resultCount());
    assertEquals(fresh.visitedCount(), used.visitedCount());
    for (int i = 0; i < fresh.resultCount(); i++) {
      assertEquals(fresh.resultRow(i), used.resultRow(i));
    }
  }
}
