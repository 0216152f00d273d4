package org.gio.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

/** The incremental estimators against a direct, non-incremental evaluation of ALGORITHM.md §1–2. */
class EstimatorsTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final VectorSet x = RandomVectors.gaussian(1, 40, 6, 0, 1);
  private final VectorSet w = RandomVectors.gaussian(2, 25, 6, 0.3, 1.2);
  private final int k = 4;

  private static double delta(VectorSet a, int i, VectorSet b, int j) {
    double s = 0;
    for (int c = 0; c < a.dim(); c++) {
      double t = (double) a.get(i, c) - b.get(j, c);
      s += t * t;
    }
    return Math.sqrt(Math.min(Math.max(s, 1e-10), 1e20));
  }

  private static double kth(double[] values, int k) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[k - 1];
  }

  private double bruteRho(int i) {
    double[] d = new double[x.size() - 1];
    for (int j = 0, t = 0; j < x.size(); j++) {
      if (j != i) {
        d[t++] = delta(x, i, x, j);
      }
    }
    return kth(d, k);
  }

  private double bruteAveraged(VectorSet sample) {
    int n = x.size();
    int m = sample.size();
    int d = x.dim();
    double pairs = 0;
    double rho = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        pairs += Math.log(delta(x, i, sample, j) + 1e-8);
      }
      rho += Math.log(bruteRho(i) + 1e-8);
    }
    double orders = 0;
    for (int l = 1; l <= m; l++) {
      orders += Math.log((double) k * m / (l * (n - 1.0)));
    }
    return d * pairs / (n * (double) m) - d * rho / n + orders / m;
  }

  private double bruteExact(VectorSet sample) {
    int n = x.size();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] nu = new double[sample.size()];
      for (int j = 0; j < sample.size(); j++) {
        nu[j] = delta(x, i, sample, j);
      }
      sum += Math.log(kth(nu, k) / bruteRho(i));
    }
    return x.dim() * sum / n + Math.log(sample.size() / (n - 1.0));
  }

  private Target target() {
    return Target.of(x, k, new ExactKthNeighbourSearch(ops));
  }

  @Test
  void rhoIsTheKthNeighbourExcludingTheRowItself() {
    Target t = target();
    for (int i = 0; i < x.size(); i++) {
      assertEquals(bruteRho(i), t.kthNeighbourDistance(i), 1e-9);
    }
  }

  @Test
  void averagedStateMatchesBruteForceAtEverySize() {
    ObjectiveState state = new AveragedKnnKl(ops).start(target(), VectorSet.empty(6));
    assertTrue(Double.isNaN(state.value()), "undefined for an empty selection");
    for (int j = 0; j < w.size(); j++) {
      double ifAdded = state.valueIfAdded(w, j);
      state.add(w, j);
      double want = bruteAveraged(w.select(range(j + 1)));
      assertEquals(want, state.value(), 1e-9 * Math.max(1, Math.abs(want)), "m = " + (j + 1));
      assertEquals(state.value(), ifAdded, 1e-12 * Math.max(1, Math.abs(want)));
    }
  }

  @Test
  void exactStateMatchesBruteForceAndIsUndefinedBelowK() {
    ObjectiveState state = new KnnKl(ops).start(target(), VectorSet.empty(6));
    for (int j = 0; j < w.size(); j++) {
      double ifAdded = state.valueIfAdded(w, j);
      state.add(w, j);
      if (j + 1 < k) {
        assertTrue(Double.isNaN(state.value()), "undefined with m < k");
        assertTrue(Double.isNaN(ifAdded));
      } else {
        double want = bruteExact(w.select(range(j + 1)));
        assertEquals(want, state.value(), 1e-9 * Math.max(1, Math.abs(want)), "m = " + (j + 1));
        assertEquals(state.value(), ifAdded, 1e-12 * Math.max(1, Math.abs(want)));
      }
    }
  }

  @Test
  void startingFromAnInitialSetEqualsAddingItsRows() {
    Target t = target();
    ObjectiveState whole = new AveragedKnnKl(ops).start(t, w);
    ObjectiveState grown = new AveragedKnnKl(ops).start(t, VectorSet.empty(6));
    for (int j = 0; j < w.size(); j++) {
      grown.add(w, j);
    }
    assertEquals(whole.value(), grown.value(), 0);
    assertEquals(w.size(), whole.size());
  }

  @Test
  void duplicatesGiveFiniteValues() {
    VectorSet same = VectorSet.of(x.row(0), x.row(0), x.row(0), x.row(0), x.row(0));
    Target t = target();
    assertTrue(Double.isFinite(new AveragedKnnKl(ops).start(t, same).value()));
    assertTrue(Double.isFinite(new KnnKl(ops).start(t, same).value()));
  }

  @Test
  void discardNearestDropsEachTargetRowsNearestPoint() {
    Target t = target();
    ObjectiveState state = new AveragedKnnKl(ops, true).start(t, VectorSet.empty(6));
    state.add(w, 0);
    assertTrue(Double.isNaN(state.value()), "no pairs left with one point");
    for (int j = 1; j < w.size(); j++) {
      double ifAdded = state.valueIfAdded(w, j);
      state.add(w, j);
      assertEquals(state.value(), ifAdded, 1e-12 * Math.abs(ifAdded));
    }
    int n = x.size();
    int m = w.size();
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      double[] logs = new double[m];
      for (int j = 0; j < m; j++) {
        logs[j] = Math.log(delta(x, i, w, j) + 1e-8);
      }
      Arrays.sort(logs);
      for (int j = 1; j < m; j++) {
        pairs += logs[j];
      }
    }
    double rho = 0;
    for (int i = 0; i < n; i++) {
      rho += Math.log(bruteRho(i) + 1e-8);
    }
    double orders = 0;
    for (int l = 1; l <= m; l++) {
      orders += Math.log((double) k * m / (l * (n - 1.0)));
    }
    double want = x.dim() * pairs / (n * (m - 1.0)) - x.dim() * rho / n + orders / m;
    assertEquals(want, state.value(), 1e-9 * Math.abs(want));
  }

  static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
