package org.gio.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class ExactCandidateIndexTest {
  private final ScalarVectorOps ops = new ScalarVectorOps();

  @Test
  void nearestSkipsRemovedRowsAndBreaksTiesByIndex() {
    VectorSet pool = VectorSet.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 0},
        new float[] {5, 5});
    CandidateIndex index = new ExactCandidateIndex(pool, ops);
    float[] q = {1, 0};
    assertEquals(0, index.nearest(q), "duplicate rows: the lower index wins");
    index.remove(0);
    assertEquals(2, index.nearest(q));
    index.remove(2);
    assertEquals(1, index.nearest(q));
    assertEquals(2, index.available());
    index.refill();
    assertEquals(4, index.available());
    assertEquals(0, index.nearest(q));
    index.remove(1);
    assertThrows(IllegalStateException.class, () -> index.remove(1));
  }

  @Test
  void drainingReturnsEveryRowOnceThenMinusOne() {
    VectorSet pool = RandomVectors.gaussian(3, 500, 4, 0, 1);
    CandidateIndex index = new ExactCandidateIndex(pool, ops);
    BitSet seen = new BitSet();
    float[] q = {0.1f, 0.2f, 0.3f, 0.4f};
    for (int i = 0; i < 500; i++) {
      int row = index.nearest(q);
      assertEquals(false, seen.get(row));
      seen.set(row);
      index.remove(row);
    }
    assertEquals(500, seen.cardinality());
    assertEquals(-1, index.nearest(q));
    assertEquals(0, index.nearest(q, 3, new int[3]));
  }

  @Test
  void topCountIsSortedByDistance() {
    VectorSet pool = VectorSet.of(new float[] {3}, new float[] {1}, new float[] {2},
        new float[] {0}, new float[] {4});
    CandidateIndex index = new ExactCandidateIndex(pool, ops);
    int[] out = new int[3];
    assertEquals(3, index.nearest(new float[] {0.1f}, 3, out));
    assertArrayEquals(new int[] {3, 1, 2}, out);
    index.remove(1);
    int[] all = new int[10];
    assertEquals(4, index.nearest(new float[] {0.1f}, 10, all));
    assertArrayEquals(new int[] {3, 2, 0, 4}, java.util.Arrays.copyOf(all, 4));
  }

  @Test
  void blockedParallelScanAgreesWithASingleBlock() {
    // 70k rows × 8 dims spans several blocks, so the scan runs in parallel.
    VectorSet pool = RandomVectors.gaussian(4, 70_000, 8, 0, 1);
    CandidateIndex index = new ExactCandidateIndex(pool, ops);
    float[] q = RandomVectors.gaussian(5, 1, 8, 0, 1).row(0);
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int r = 0; r < pool.size(); r++) {
      double d = ops.squaredDistance(q, 0, pool.data(), pool.offset(r), 8);
      if (d < bestD) {
        bestD = d;
        best = r;
      }
    }
    assertEquals(best, index.nearest(q));
  }
}
