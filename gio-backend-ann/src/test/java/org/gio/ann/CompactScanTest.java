package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class CompactScanTest {
  private static final VectorOps OPS = new ScalarVectorOps();

  /** The unscreened answer: every available row by exact distance, ties to the lower row. */
  private static NearestRows bruteForce(VectorSet pool, AvailableRows available, float[] q, int want) {
    NearestRows best = new NearestRows(want);
    for (int row = available.next(0); row >= 0; row = available.next(row + 1)) {
      best.offer(row, OPS.squaredDistance(q, 0, pool.data(), pool.offset(row), pool.dim()));
    }
    return best;
  }

  private static void assertSameAnswers(VectorSet pool, long seed, double removedShare) {
    SplittableRandom random = new SplittableRandom(seed);
    AvailableRows available = new AvailableRows(pool.size());
    for (int r = 0; r < pool.size(); r++) {
      if (random.nextDouble() < removedShare) {
        available.remove(r);
      }
    }
    CompactScan scan = CompactScan.of(pool, available);
    for (int i = 0; i < 60; i++) {
      if (i == 30) { // rows removed after the copy must not come back
        for (int r = available.next(0); r >= 0 && r < pool.size() / 2; r = available.next(r + 1)) {
          available.remove(r);
        }
      }
      float[] q = TestData.query(pool, random);
      for (int want : new int[] {1, 7}) {
        NearestRows expected = bruteForce(pool, available, q, want);
        NearestRows got = new NearestRows(want);
        scan.scan(q, available, OPS, got);
        assertEquals(expected.size(), got.size());
        for (int k = 0; k < expected.size(); k++) {
          assertEquals(expected.row(k), got.row(k), "query " + i + ", rank " + k);
          assertEquals(expected.distance(k), got.distance(k));
        }
      }
    }
  }

  @Test
  void screenedScanAnswersExactlyOnClusteredData() {
    assertSameAnswers(TestData.clustered(3000, 128, 20, 41), 42, 0.7);
  }

  @Test
  void screenedScanAnswersExactlyWhenTheHeadSaysLittle() {
    // One blob: the head's partial sums rarely exceed the best distance.
    assertSameAnswers(TestData.clustered(2000, 128, 1, 43), 44, 0.5);
  }

  @Test
  void screenedScanIsExactWhenTheHeadHoldsTheWholeDistance() {
    // Only HEAD of 128 dimensions vary, and queries are 0 elsewhere too: partial sum = distance,
    // so any bound tighter than the current best would drop true answers.
    SplittableRandom random = new SplittableRandom(50);
    int step = 128 / CompactScan.HEAD;
    float[] data = new float[2000 * 128];
    for (int r = 0; r < 2000; r++) {
      for (int j = 0; j < 128; j += step) {
        data[r * 128 + j] = (float) TestData.gaussian(random);
      }
    }
    VectorSet pool = VectorSet.wrap(data, 2000, 128);
    AvailableRows available = new AvailableRows(pool.size());
    CompactScan scan = CompactScan.of(pool, available);
    for (int i = 0; i < 50; i++) {
      float[] q = pool.row(random.nextInt(2000));
      for (int j = 0; j < 128; j += step) {
        q[j] += (float) (0.3 * TestData.gaussian(random));
      }
      NearestRows expected = bruteForce(pool, available, q, 7);
      NearestRows got = new NearestRows(7);
      scan.scan(q, available, OPS, got);
      for (int k = 0; k < 7; k++) {
        assertEquals(expected.row(k), got.row(k), "query " + i + ", rank " + k);
      }
    }
  }

  @Test
  void unscreenedBelowFourHeadsOfDimensions() { // d = 16: plain batched scan
    assertSameAnswers(TestData.clustered(2000, 16, 5, 45), 46, 0.9);
  }

  @Test
  void duplicatesTieToTheLowestRow() {
    VectorSet base = TestData.clustered(300, 128, 3, 47);
    VectorSet pool = base.concat(base).concat(base); // rows i, i + 300, i + 600 identical
    AvailableRows available = new AvailableRows(pool.size());
    available.remove(5);
    CompactScan scan = CompactScan.of(pool, available);
    NearestRows best = new NearestRows(3);
    scan.scan(base.row(5), available, OPS, best);
    assertArrayEquals(new int[] {305, 605}, new int[] {best.row(0), best.row(1)});
    assertEquals(0.0, best.distance(0));
    assertSameAnswers(pool, 48, 0.3);
  }

  @Test
  void headIsTheHighestVarianceDimensions() {
    float[] data = new float[400 * 64];
    SplittableRandom random = new SplittableRandom(49);
    for (int r = 0; r < 400; r++) {
      for (int j = 0; j < 64; j++) {
        data[r * 64 + j] = (float) (TestData.gaussian(random) * (j % 8 == 3 ? 10 : 1));
      }
    }
    int[] head = CompactScan.highestVariance(VectorSet.wrap(data, 400, 64), 8);
    java.util.Arrays.sort(head);
    assertArrayEquals(new int[] {3, 11, 19, 27, 35, 43, 51, 59}, head);
  }
}
