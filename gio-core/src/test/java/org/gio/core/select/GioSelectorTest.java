package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.stop.StopRule;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** The loop's options and the paper's consistency checks (ALGORITHM.md §3, §6). */
class GioSelectorTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  private final VectorSet target = RandomVectors.gaussian(11, 60, 2, 3, 1);
  private final VectorSet nearPool = RandomVectors.gaussian(12, 200, 2, 3, 1);

  @Test
  void selfConsistencyKlFallsAndSelectionCoversTheTarget() {
    // G drawn from X's distribution: from the uniform start the KL falls, and the chosen points
    // spread over X (their mean is X's mean, and the exact KL ends far below where it started).
    GioConfig config = GioConfig.builder().maxIter(60).stop(StopRule.MIN_KL).minKl(-1e9).build();
    Selection s = selector.select(nearPool, target, config);
    assertEquals(60, s.size());
    assertTrue(s.finalKl() < s.initialKl(), "KL falls: " + s);
    double[] exact = s.exactKl();
    assertTrue(exact[exact.length - 1] < s.initialExactKl() - 1, "exact KL falls: " + s);
    double[] tm = target.mean();
    double[] sm = nearPool.select(s.rows()).mean();
    assertEquals(tm[0], sm[0], 0.5);
    assertEquals(tm[1], sm[1], 0.5);
  }

  @Test
  void negativeConsistencyFarPoolIsRejectedAtOnce() {
    // The paper's check: X near (3, 4), G a blob at (300, 400).
    float[] t = new float[100 * 2];
    float[] g = new float[100 * 2];
    VectorSet noise = RandomVectors.gaussian(13, 200, 2, 0, 1);
    for (int i = 0; i < 100; i++) {
      t[2 * i] = 3 + noise.get(i, 0);
      t[2 * i + 1] = 4 + noise.get(i, 1);
      g[2 * i] = 300 + noise.get(100 + i, 0);
      g[2 * i + 1] = 400 + noise.get(100 + i, 1);
    }
    VectorSet x = VectorSet.wrap(t, 100, 2);
    Selection s = selector.select(VectorSet.wrap(g, 100, 2), x, x.select(new int[] {0, 1, 2, 3, 4, 5}),
        GioConfig.defaults(), SelectionListener.NONE);
    assertTrue(s.size() <= 1, "almost nothing chosen: " + s);
    assertEquals("increase", s.stopReason());
  }

  @Test
  void maxIterBoundsTheAcceptedRowsExactly() {
    GioConfig config = GioConfig.builder().maxIter(7).stop(StopRule.MIN_KL).minKl(-1e9).build();
    Selection s = selector.select(nearPool, target, config);
    assertEquals(7, s.size());
    assertEquals(Selection.MAX_ITER, s.stopReason());
    assertEquals(0, selector.select(nearPool, target, config.toBuilder().maxIter(0).build()).size());
  }

  @Test
  void drainingThePoolStopsWithPoolExhausted() {
    VectorSet small = nearPool.select(new int[] {0, 1, 2, 3, 4});
    GioConfig config = GioConfig.builder().maxIter(50).stop(StopRule.MIN_KL).minKl(-1e9).build();
    Selection s = selector.select(small, target, config);
    assertEquals(Selection.POOL_EXHAUSTED, s.stopReason());
    assertEquals(Set.of(0, 1, 2, 3, 4), toSet(s.rows()));
  }

  @Test
  void resetsRefillThePoolSoRowsCanRepeat() {
    VectorSet small = nearPool.select(new int[] {0, 1, 2, 3, 4, 5});
    GioConfig config = GioConfig.builder().maxIter(100).stop(StopRule.DATA_SIZE).maxDataSize(1.0)
        .resetsAllowed(true).maxResets(3).build();
    List<SelectionListener.Outcome> outcomes = new ArrayList<>();
    Selection s = selector.select(small, target, null, config, new SelectionListener() {
      @Override
      public void iteration(Iteration it) {
        outcomes.add(it.outcome());
      }
    });
    // data_size at 100% never fires on 6 rows; the pool drains instead.
    assertEquals(Selection.POOL_EXHAUSTED, s.stopReason());
    assertEquals(0, s.resets());
    GioConfig rising = GioConfig.builder().maxIter(30).stop(StopRule.MIN_KL).minKl(1e9)
        .resetsAllowed(true).maxResets(2).build();
    Selection r = selector.select(small, target, rising);
    assertEquals(2, r.resets(), "every candidate fires min_kl: two resets, then stop");
    assertEquals("min_kl", r.stopReason());
    assertEquals(0, r.size());
    assertEquals(3, r.iterations());
    assertTrue(outcomes.stream().allMatch(o -> o == SelectionListener.Outcome.ACCEPTED));
  }

  @Test
  void maxResetsRepeatsRowsAfterARefill() {
    GioConfig config = GioConfig.builder().maxIter(80).stop(StopRule.MAX_RESETS)
        .resetsAllowed(true).maxResets(1).randomInitPct(0.02).build();
    Selection s = selector.select(nearPool.select(EstimatorsRange.of(12)), target, config);
    assertEquals("max_resets", s.stopReason());
    assertEquals(1, s.resets());
    assertTrue(toSet(s.rows()).size() < s.size() || s.size() <= 12);
  }

  @Test
  void sameSeedSameSelectionOtherSeedOtherStart() {
    GioConfig config = GioConfig.builder().maxIter(20).stop(StopRule.MIN_KL).minKl(-1e9)
        .vInit(VInit.JUMP).randomInitPct(0.05).randomRestartProb(0.3).seed(5).build();
    Selection a = selector.select(nearPool, target, config);
    Selection b = selector.select(nearPool, target, config);
    assertArrayEquals(a.rows(), b.rows());
    assertArrayEquals(a.initialPoolRows(), b.initialPoolRows());
    Selection c = selector.select(nearPool, target, config.toBuilder().seed(6).build());
    assertFalse(java.util.Arrays.equals(a.initialPoolRows(), c.initialPoolRows()));
  }

  @Test
  void randomInitTakesTheFractionOfThePoolWithoutRepeats() {
    GioConfig config = GioConfig.builder().randomInitPct(0.1).maxIter(0).build();
    Selection s = selector.select(nearPool, target, config);
    assertEquals(20, s.initialPoolRows().length);
    assertEquals(20, java.util.Arrays.stream(s.initialPoolRows()).boxed().collect(java.util.stream.Collectors.toSet()).size());
  }

  @Test
  void uniformStartIsNormalisedAndNeverReported() {
    // A unit-norm uniform start gives a different initial KL than the raw cube.
    GioConfig on = GioConfig.builder().maxIter(3).stop(StopRule.MIN_KL).minKl(-1e9).build();
    GioConfig off = on.toBuilder().normalize(false).build();
    Selection a = selector.select(nearPool, target, on);
    Selection b = selector.select(nearPool, target, off);
    assertNotEquals(a.initialKl(), b.initialKl());
    assertEquals(3, a.size());
    assertEquals(0, a.initialPoolRows().length);
  }

  @Test
  void fixedScaleIsUsedAsGiven() {
    GioConfig config = GioConfig.builder().scaleFactor(0.25).maxIter(1).build();
    assertEquals(0.25, selector.select(nearPool, target, config).scaleFactor());
  }

  @Test
  void listenerSeesEveryIterationAndTheEnd() {
    GioConfig config = GioConfig.builder().maxIter(5).stop(StopRule.MIN_KL).minKl(-1e9).build();
    List<Integer> rows = new ArrayList<>();
    Selection[] done = new Selection[1];
    Selection s = selector.select(nearPool, target, null, config, new SelectionListener() {
      @Override
      public void iteration(Iteration it) {
        rows.add(it.row());
        assertEquals(rows.size(), it.number());
      }

      @Override
      public void finished(Selection selection) {
        done[0] = selection;
      }
    });
    assertEquals(toList(s.rows()), rows);
    assertTrue(done[0] == s);
  }

  @Test
  void badInputFailsBeforeWorkNamingTheInput() {
    GioConfig config = GioConfig.defaults();
    VectorSet wrongDim = RandomVectors.gaussian(1, 10, 3, 0, 1);
    assertMessage("pool has dimension 3 but target has 2",
        () -> selector.select(wrongDim, target, config));
    assertMessage("target: k = 5 needs more than 5 target rows",
        () -> selector.select(nearPool, target.select(new int[] {0, 1, 2}), config));
    assertMessage("pool: no rows", () -> selector.select(VectorSet.empty(2), target, config));
    float[] withNaN = nearPool.data().clone();
    withNaN[7] = Float.NaN;
    assertMessage("pool: row 3, column 1 is NaN",
        () -> selector.select(VectorSet.wrap(withNaN, 200, 2), target, config));
    assertMessage("initial set has dimension 3",
        () -> selector.select(nearPool, target, wrongDim, config, SelectionListener.NONE));
  }

  private static void assertMessage(String start, org.junit.jupiter.api.function.Executable run) {
    GioInputException e = assertThrows(GioInputException.class, run);
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private static Set<Integer> toSet(int[] rows) {
    Set<Integer> s = new HashSet<>();
    for (int r : rows) {
      s.add(r);
    }
    return s;
  }

  private static List<Integer> toList(int[] rows) {
    List<Integer> l = new ArrayList<>();
    for (int r : rows) {
      l.add(r);
    }
    return l;
  }

  /** Row ranges for sub-pools. */
  static final class EstimatorsRange {
    static int[] of(int n) {
      int[] r = new int[n];
      for (int i = 0; i < n; i++) {
        r[i] = i;
      }
      return r;
    }
  }
}
