package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.Target;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.stop.StopRule;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** The options of issue 7: exact stop with patience, exact re-ranking, empty start, presets. */
class QualityOptionsTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  private static VectorSet cloud(int n, int d, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n * d];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (shift + r.nextDouble() * 2 - 1);
    }
    return VectorSet.wrap(a, n, d);
  }

  /** Pool: half near the target, half far away. */
  private static VectorSet pool(int d) {
    return cloud(150, d, 0, 11).concat(cloud(150, d, 6, 12));
  }

  private ObjectiveState exactOf(VectorSet target, VectorSet w, int k) {
    Target t = Target.of(target, k, new ExactKthNeighbourSearch(ops));
    return new KnnKl(ops).start(t, w);
  }

  @Test
  void builderDefaultsStayTheReferences() {
    GioConfig c = GioConfig.builder().build();
    assertEquals(ObjectiveKind.AVERAGED, c.objective());
    assertEquals(1, c.candidates());
    assertEquals(0, c.patience());
    assertEquals(StartMode.UNIFORM, c.start());
    assertEquals(StopRule.INCREASE, c.stop());
    GioConfig r = GioConfig.recommended();
    assertEquals(StopRule.EXACT_INCREASE, r.stop());
    assertEquals(StartMode.EMPTY, r.start());
  }

  @Test
  void exactStopFiresExactlyWhenExactKlStopsFalling() {
    int d = 3;
    VectorSet target = cloud(60, d, 0, 1);
    VectorSet pool = pool(d);
    GioConfig config =
        GioConfig.builder()
            .stop(StopRule.EXACT_INCREASE)
            .start(StartMode.EMPTY)
            .maxIter(Integer.MAX_VALUE)
            .gradDescIter(5)
            .vInit(VInit.JUMP)
            .build();
    List<SelectionListener.Iteration> its = new ArrayList<>();
    Selection s = selector.select(pool, target, null, config, listener(its));
    assertEquals("exact_increase", s.stopReason());
    assertTrue(s.size() > config.k(), "selected " + s.size());
    // every accepted row from the (k+1)-th on lowered KL_exact
    double[] ex = s.exactKl();
    for (int i = config.k(); i < ex.length; i++) {
      assertTrue(ex[i] < ex[i - 1], "row " + i + " raised KL_exact: " + ex[i - 1] + " -> " + ex[i]);
    }
    // and the stopping candidate would not have lowered it
    SelectionListener.Iteration last = its.get(its.size() - 1);
    assertEquals(SelectionListener.Outcome.STOPPED, last.outcome());
    ObjectiveState exact = exactOf(target, pool.select(s.rows()), config.k());
    assertEquals(ex[ex.length - 1], exact.value(), 1e-9);
    assertTrue(exact.valueIfAdded(pool, last.row()) >= exact.value());
  }

  @Test
  void patienceRejectsThatManyBeforeStopping() {
    int d = 3;
    VectorSet target = cloud(60, d, 0, 1);
    VectorSet pool = pool(d);
    GioConfig config =
        GioConfig.recommendedBuilder().patience(3).gradDescIter(5).build();
    List<SelectionListener.Iteration> its = new ArrayList<>();
    Selection s = selector.select(pool, target, null, config, listener(its));
    assertEquals("exact_increase", s.stopReason());
    int rejectedAtEnd = 0;
    for (int i = its.size() - 2; i >= 0 && its.get(i).outcome() == SelectionListener.Outcome.REJECTED; i--) {
      rejectedAtEnd++;
    }
    assertEquals(3, rejectedAtEnd);
    // a rejected row is never selected
    for (SelectionListener.Iteration it : its) {
      if (it.outcome() == SelectionListener.Outcome.REJECTED) {
        int row = it.row();
        assertTrue(Arrays.stream(s.rows()).noneMatch(r -> r == row));
      }
    }
  }

  @Test
  void reRankingTakesTheBestOfTheNearestC() {
    int d = 3;
    int k = 3;
    VectorSet target = cloud(40, d, 0, 3);
    VectorSet pool = cloud(200, d, 0.3, 4);
    VectorSet initial = cloud(k + 2, d, 0.1, 5); // the exact estimator is defined from the start
    double[] mean = target.mean();
    float[] v = new float[d];
    for (int c = 0; c < d; c++) {
      v[c] = (float) mean[c];
    }
    for (int c : new int[] {1, 2, 8, 30}) {
      // v stays at the target mean (no descent): the shortlist is the c rows nearest the mean
      GioConfig config =
          GioConfig.builder()
              .k(k)
              .candidates(c)
              .gradDescIter(0)
              .maxIter(1)
              .stop(StopRule.DATA_SIZE)
              .build();
      Selection s = selector.select(pool, target, initial, config, SelectionListener.NONE);
      int[] nearest = new int[c];
      new ExactCandidateIndex(pool, ops).nearest(v, c, nearest);
      ObjectiveState exact = exactOf(target, initial, k);
      int best = nearest[0];
      for (int row : nearest) {
        if (exact.valueIfAdded(pool, row) < exact.valueIfAdded(pool, best)) {
          best = row;
        }
      }
      assertEquals(best, s.rows()[0], "c = " + c);
      if (c == 1) {
        assertEquals(nearest[0], s.rows()[0]);
      }
    }
  }

  @Test
  void emptyStartSelectsFromNothing() {
    int d = 3;
    VectorSet target = cloud(60, d, 0, 1);
    Selection s = selector.select(pool(d), target, GioConfig.recommended());
    assertTrue(Double.isNaN(s.initialExactKl()));
    assertTrue(s.size() >= 5);
    long near = Arrays.stream(s.rows()).filter(r -> r < 150).count();
    assertTrue(near >= 0.95 * s.size(), near + " of " + s.size() + " near the target");
  }

  @Test
  void gainShortlistStopsExactlyWhenThePenalisedEstimatorStopsFalling() {
    // orders = 1: the estimator is KL_exact itself; orders = k: its mean over the orders 1..k
    int d = 8;
    VectorSet target = cloud(200, d, 0, 1);
    VectorSet pool = pool(d);
    int[][] cases = {{1, 0}, {5, 0}, {5, 1}};
    for (int[] c : cases) {
      int orders = c[0];
      double lambda = c[1];
      GioConfig config =
          GioConfig.recommendedBuilder().gainOrders(orders).outlierWeight(lambda).build();
      List<SelectionListener.Iteration> its = new ArrayList<>();
      Selection s = selector.select(pool, target, null, config, listener(its));
      String name = "orders " + orders + ", λ " + lambda;
      assertEquals("exact_increase", s.stopReason());
      int k = config.k();
      if (orders == k) {
        assertTrue(s.size() > 2 * k, name + ": selected " + s.size());
      }
      Target t = Target.of(target, k, new ExactKthNeighbourSearch(ops));
      OutlierPenalty penalty = new OutlierPenalty(ops, t, lambda);
      ObjectiveState[] perOrder = new ObjectiveState[orders];
      for (int j = 0; j < orders; j++) {
        perOrder[j] = exactOf(target, pool.select(new int[0]), k - j);
      }
      int accepted = 0;
      for (SelectionListener.Iteration it : its) {
        double change = penalty.penalty(pool, it.row());
        for (ObjectiveState o : perOrder) {
          change += (o.valueIfAdded(pool, it.row()) - o.value()) / orders;
        }
        if (accepted >= k) {
          boolean falls = change < 0;
          assertEquals(
              it.outcome() == SelectionListener.Outcome.ACCEPTED,
              falls,
              name + ", iteration " + it.number() + ": change " + change + ", " + it.outcome());
        }
        if (it.outcome() == SelectionListener.Outcome.ACCEPTED) {
          for (ObjectiveState o : perOrder) {
            o.add(pool, it.row());
          }
          accepted++;
        }
      }
      assertEquals(SelectionListener.Outcome.STOPPED, its.get(its.size() - 1).outcome());
      double[] ex = s.exactKl();
      assertEquals(
          ex[ex.length - 1], exactOf(target, pool.select(s.rows()), k).value(), 1e-9);
    }
  }

  @Test
  void gainShortlistTakesTheBestOfItsC() {
    int d = 3;
    int k = 3;
    VectorSet target = cloud(40, d, 0, 3);
    VectorSet pool = cloud(200, d, 0.3, 4);
    VectorSet initial = cloud(k + 2, d, 0.1, 5); // the exact estimator is defined from the start
    for (int c : new int[] {1, 2, 8, 30}) {
      GioConfig config =
          GioConfig.recommendedBuilder()
              .k(k)
              .gainOrders(1)
              .outlierWeight(0)
              .densityWeight(0)
              .candidates(c)
              .maxIter(1)
              .stop(StopRule.DATA_SIZE)
              .build();
      Selection s = selector.select(pool, target, initial, config, SelectionListener.NONE);
      ObjectiveState exact = exactOf(target, initial, k);
      org.gio.core.table.NeighbourTable table =
          GainTables.of(ops, pool, target, GainShortlist.depth(c, pool.size()));
      GainShortlist gains =
          new GainShortlist(ops, table, target, k, k, (org.gio.core.objective.Coverage) exact, initial.size());
      int[] top = new int[c];
      int found = gains.top(c, top);
      for (int j = 0; j < found; j++) {
        top[j] = (int) table.listedId(top[j]); // listed index → pool row
      }
      int best = top[0];
      for (int j = 0; j < found; j++) {
        if (exact.valueIfAdded(pool, top[j]) < exact.valueIfAdded(pool, best)) {
          best = top[j];
        }
      }
      assertEquals(best, s.rows()[0], "c = " + c);
    }
  }

  private static SelectionListener listener(List<SelectionListener.Iteration> out) {
    return new SelectionListener() {
      @Override
      public void iteration(Iteration iteration) {
        out.add(iteration);
      }
    };
  }
}
