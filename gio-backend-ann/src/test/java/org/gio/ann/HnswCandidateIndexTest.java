package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HnswCandidateIndexTest {
  private static final VectorOps OPS = new ScalarVectorOps();
  /** The graph answers every query: no scan fallback, so these tests exercise the graph. */
  private static final HnswOptions GRAPH_ONLY =
      HnswOptions.builder().exactScanRows(0).scanWhenCheaper(false).build();

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void drainingReturnsEveryRowExactlyOnce(boolean graphOnly) {
    VectorSet pool = TestData.clustered(1500, 8, 10, 1);
    HnswOptions options = graphOnly ? GRAPH_ONLY : HnswOptions.DEFAULTS;
    CandidateIndex index = HnswCandidateIndex.build(pool, OPS, options);
    SplittableRandom random = new SplittableRandom(2);
    for (int round = 0; round < 2; round++) { // drain, refill, drain again
      BitSet seen = new BitSet();
      for (int i = 0; i < pool.size(); i++) {
        int row = index.nearest(TestData.query(pool, random));
        assertTrue(row >= 0, "a row while " + index.available() + " are available");
        assertFalse(seen.get(row), "row " + row + " returned after it was removed");
        seen.set(row);
        index.remove(row);
        assertEquals(pool.size() - i - 1, index.available());
      }
      assertEquals(pool.size(), seen.cardinality());
      assertEquals(-1, index.nearest(new float[8]));
      assertEquals(0, index.nearest(new float[8], 5, new int[5]));
      index.refill();
      assertEquals(pool.size(), index.available());
    }
  }

  @Test
  void neverReturnsARemovedRowInTopCount() {
    VectorSet pool = TestData.clustered(2000, 16, 8, 3);
    HnswCandidateIndex index = HnswCandidateIndex.build(pool, OPS, GRAPH_ONLY);
    SplittableRandom random = new SplittableRandom(4);
    BitSet removed = new BitSet();
    for (int r = 0; r < pool.size(); r += 2) {
      index.remove(r);
      removed.set(r);
    }
    int[] out = new int[20];
    for (int q = 0; q < 100; q++) {
      int got = index.nearest(TestData.query(pool, random), 20, out);
      assertEquals(20, got);
      for (int i = 0; i < got; i++) {
        assertFalse(removed.get(out[i]), "removed row " + out[i]);
      }
    }
    assertThrows(IllegalStateException.class, () -> index.remove(0));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.95})
  void recallAtOneOnSeededDataMatchesExact(double removedShare) {
    VectorSet pool = TestData.clustered(4000, 16, 20, 5);
    HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, HnswOptions.DEFAULTS);
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    SplittableRandom random = new SplittableRandom(6);
    int toRemove = (int) (removedShare * pool.size());
    for (int r : random.ints(0, pool.size()).distinct().limit(toRemove).toArray()) {
      hnsw.remove(r);
      exact.remove(r);
    }
    int queries = 300;
    int hits = 0;
    int[] top = new int[10];
    int[] exactTop = new int[10];
    int topHits = 0;
    for (int q = 0; q < queries; q++) {
      float[] v = TestData.query(pool, random);
      hits += hnsw.nearest(v) == exact.nearest(v) ? 1 : 0;
      hnsw.nearest(v, 10, top);
      exact.nearest(v, 10, exactTop);
      for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
          topHits += top[i] == exactTop[j] ? 1 : 0;
        }
      }
    }
    double recall = hits / (double) queries;
    double recall10 = topHits / (10.0 * queries);
    System.out.printf(
        "hnsw recall@1 %.4f, recall@10 %.4f with %.0f%% removed%n",
        recall, recall10, 100 * removedShare);
    assertTrue(recall >= 0.99, "recall@1 " + recall);
    assertTrue(recall10 >= 0.98, "recall@10 " + recall10);
  }

  /**
   * With a compute backend other than the scalar reference (the simd one in practice) the graph is
   * built and navigated with that backend's kernel instead of Lucene's: recall must not suffer.
   */
  @Test
  void navigationWithAnotherBackendKeepsRecall() {
    VectorOps other = new DelegatingOps(OPS);
    VectorSet pool = TestData.clustered(4000, 16, 20, 5);
    HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, other, HnswOptions.DEFAULTS);
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    SplittableRandom random = new SplittableRandom(8);
    int queries = 300;
    int hits = 0;
    for (int q = 0; q < queries; q++) {
      float[] v = TestData.query(pool, random);
      hits += hnsw.nearest(v) == exact.nearest(v) ? 1 : 0;
    }
    assertTrue(hits >= 0.99 * queries, "recall@1 " + hits / (double) queries);
    assertTrue(hnsw.graphAnswers() > 0, "the graph answered no query");
  }

  /** A VectorOps that is not {@link ScalarVectorOps} but computes the same values. */
  private static final class DelegatingOps implements VectorOps {
    private final VectorOps inner;

    DelegatingOps(VectorOps inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return "delegating";
    }

    @Override
    public double squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
      return inner.squaredDistance(a, aOffset, b, bOffset, length);
    }

    @Override
    public double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
      return inner.dot(a, aOffset, b, bOffset, length);
    }

    @Override
    public void squaredDistances(
        float[] query, int queryOffset, VectorSet rows, int fromRow, int toRow, double[] out) {
      inner.squaredDistances(query, queryOffset, rows, fromRow, toRow, out);
    }

    @Override
    public void weightedRowSum(double[] weights, VectorSet rows, double[] out) {
      inner.weightedRowSum(weights, rows, out);
    }
  }

  @Test
  void queryBreadthFollowsTheAvailableShareAndNeverReturnsARemovedRow() {
    VectorSet pool = TestData.clustered(2000, 8, 5, 31);
    HnswOptions options = GRAPH_ONLY.toBuilder().efSearch(100).build();
    HnswCandidateIndex index = HnswCandidateIndex.build(pool, OPS, options);
    HnswCandidateIndex fixed =
        HnswCandidateIndex.build(pool, OPS, options.toBuilder().efFollowsAvailable(false).build());
    assertEquals(100, index.queryEf(1));
    SplittableRandom random = new SplittableRandom(32);
    int[] order = random.ints(0, pool.size()).distinct().limit(pool.size()).toArray();
    BitSet removed = new BitSet();
    int done = 0;
    int[] out = new int[20];
    for (int keep : new int[] {1600, 1000, 100}) {
      for (; done < pool.size() - keep; done++) {
        index.remove(order[done]);
        fixed.remove(order[done]);
        removed.set(order[done]);
      }
      int scaled = Math.max(50, (int) Math.ceil(100.0 * keep / 2000)); // 80, then the floor ef / 2
      assertEquals(scaled, index.queryEf(1));
      assertEquals(Math.max(20, scaled), index.queryEf(20));
      assertEquals(100, fixed.queryEf(1));
      for (int q = 0; q < 50; q++) {
        assertEquals(20, index.nearest(TestData.query(pool, random), 20, out));
        for (int row : out) {
          assertFalse(removed.get(row), "removed row " + row + " with " + keep + " left");
        }
      }
    }
  }

  /** Below 1/8 of the pool the scan runs on a compact copy, re-copied as removals halve it. */
  @Test
  void compactScanOfFewRowsAnswersExactlyAndNeverReturnsARemovedRow() {
    VectorSet pool = TestData.clustered(3000, 8, 6, 21);
    HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, HnswOptions.DEFAULTS);
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    SplittableRandom random = new SplittableRandom(22);
    int[] order = random.ints(0, pool.size()).distinct().limit(pool.size()).toArray();
    int[] top = new int[5];
    int[] exactTop = new int[5];
    for (int round = 0; round < 2; round++) { // the second round follows a refill
      BitSet removed = new BitSet();
      int done = 0;
      for (int keep : new int[] {400, 300, 150, 60, 7, 1}) {
        for (; done < pool.size() - keep; done++) {
          hnsw.remove(order[done]);
          exact.remove(order[done]);
          removed.set(order[done]);
        }
        for (int q = 0; q < 30; q++) {
          float[] v = TestData.query(pool, random);
          int want = Math.min(5, keep);
          assertEquals(want, hnsw.nearest(v, 5, top));
          exact.nearest(v, 5, exactTop);
          assertArrayEquals(Arrays.copyOf(exactTop, want), Arrays.copyOf(top, want), keep + " left");
          for (int i = 0; i < want; i++) {
            assertFalse(removed.get(top[i]), "removed row " + top[i]);
          }
        }
      }
      hnsw.refill();
      exact.refill();
    }
  }

  @Test
  void reRankingOrdersLikeTheExactScan() {
    VectorSet pool = TestData.clustered(3000, 16, 5, 7);
    HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, GRAPH_ONLY);
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    SplittableRandom random = new SplittableRandom(8);
    int[] a = new int[5];
    int[] b = new int[5];
    int same = 0;
    for (int q = 0; q < 100; q++) {
      float[] v = TestData.query(pool, random);
      hnsw.nearest(v, 5, a);
      exact.nearest(v, 5, b);
      same += java.util.Arrays.equals(a, b) ? 1 : 0;
    }
    assertTrue(same >= 98, same + " of 100 top-5 lists identical");
  }

  @Test
  void duplicateVectorsTieToTheLowestRow() {
    // Every vector three times (rows i, i + 200, i + 400), plus a block of 50 identical rows.
    VectorSet base = TestData.clustered(200, 8, 4, 9);
    float[] same = new float[8];
    java.util.Arrays.fill(same, 7f);
    float[][] block = new float[50][];
    java.util.Arrays.fill(block, same);
    VectorSet pool = base.concat(base).concat(base).concat(VectorSet.of(block));
    HnswCandidateIndex index = HnswCandidateIndex.build(pool, OPS, GRAPH_ONLY);
    for (int r = 0; r < 200; r += 7) {
      assertEquals(r, index.nearest(base.row(r)), "query at row " + r);
    }
    assertEquals(600, index.nearest(same));
    index.remove(600);
    assertEquals(601, index.nearest(same));
    // Draining a pool full of duplicates still returns each row once.
    BitSet seen = new BitSet();
    SplittableRandom random = new SplittableRandom(10);
    while (index.available() > 0) {
      int row = index.nearest(TestData.query(pool, random));
      assertFalse(seen.get(row));
      seen.set(row);
      index.remove(row);
    }
    assertEquals(pool.size() - 1, seen.cardinality());
  }

  @Test
  void poolOfOneRow() {
    VectorSet pool = VectorSet.of(new float[] {1, 2, 3});
    HnswCandidateIndex index = HnswCandidateIndex.build(pool, OPS, GRAPH_ONLY);
    assertEquals(1, index.size());
    assertEquals(0, index.nearest(new float[] {9, 9, 9}));
    int[] out = new int[3];
    assertEquals(1, index.nearest(new float[] {0, 0, 0}, 3, out));
    assertEquals(0, out[0]);
    index.remove(0);
    assertEquals(-1, index.nearest(new float[] {1, 2, 3}));
    index.refill();
    assertEquals(0, index.nearest(new float[] {1, 2, 3}));
  }

  @Test
  void emptyPool() {
    HnswCandidateIndex index = HnswCandidateIndex.build(VectorSet.empty(4), OPS, GRAPH_ONLY);
    assertEquals(0, index.available());
    assertEquals(-1, index.nearest(new float[4]));
  }

  @Test
  void sameSeedSameAnswers() {
    VectorSet pool = TestData.clustered(1500, 16, 10, 11);
    HnswOptions approximate = GRAPH_ONLY.toBuilder().efSearch(4).rerank(0).build();
    HnswCandidateIndex a = HnswCandidateIndex.build(pool, OPS, approximate);
    HnswCandidateIndex b = HnswCandidateIndex.build(pool, OPS, approximate);
    SplittableRandom random = new SplittableRandom(12);
    int[] ra = new int[200];
    int[] rb = new int[200];
    for (int q = 0; q < 200; q++) {
      float[] v = TestData.query(pool, random);
      ra[q] = a.nearest(v);
      rb[q] = b.nearest(v);
    }
    assertArrayEquals(ra, rb);
  }

  @Test
  void concurrentBuildKeepsRecall() {
    VectorSet pool = TestData.clustered(5000, 16, 20, 13);
    HnswOptions options = HnswOptions.builder().buildThreads(2).build();
    HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, options);
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    SplittableRandom random = new SplittableRandom(14);
    int hits = 0;
    for (int q = 0; q < 200; q++) {
      float[] v = TestData.query(pool, random);
      hits += hnsw.nearest(v) == exact.nearest(v) ? 1 : 0;
    }
    assertTrue(hits >= 198, hits + " of 200");
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> HnswOptions.builder().maxConn(0).build());
    assertThrows(IllegalArgumentException.class, () -> HnswOptions.builder().efSearch(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> HnswOptions.builder().buildThreads(0).build());
  }
}
