package org.gio.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class SoftMinKnnKlTest {
  private final VectorOps ops = new ScalarVectorOps();

  private static VectorSet gaussian(int n, int d, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n * d];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (shift + nextGaussian(r));
    }
    return VectorSet.wrap(a, n, d);
  }

  private static double nextGaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private Target target(VectorSet x) {
    return Target.of(x, 3, new ExactKthNeighbourSearch(ops));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    int d = 4;
    VectorSet x = gaussian(30, d, 0, 1);
    VectorSet w = gaussian(6, d, 0.5, 2);
    for (double beta : new double[] {Double.NaN, 1.5, 20}) {
      DifferentiableState state = new SoftMinKnnKl(ops, beta).start(target(x), w);
      float[] v = {0.3f, -0.2f, 0.7f, 0.1f};
      double[] grad = new double[d];
      state.gradientAt(v, grad);
      for (int c = 0; c < d; c++) {
        double numeric = numericDerivative(state, v, c);
        assertEquals(numeric, grad[c], 1e-3 * Math.max(1, Math.abs(numeric)), "β=" + beta + " coordinate " + c);
      }
    }
  }

  @Test
  void gradientOnEmptySelectionMatchesFiniteDifferences() {
    int d = 3;
    VectorSet x = gaussian(20, d, 0, 5);
    DifferentiableState state = new SoftMinKnnKl(ops, Double.NaN).start(target(x), VectorSet.empty(d));
    float[] v = {0.4f, 0.1f, -0.3f};
    double[] grad = new double[d];
    state.gradientAt(v, grad);
    for (int c = 0; c < d; c++) {
      double numeric = numericDerivative(state, v, c);
      assertEquals(numeric, grad[c], 1e-3 * Math.max(1, Math.abs(numeric)));
    }
  }

  /** Central difference of f(W ∪ {v}) in coordinate c, over the steps float32 can represent. */
  private static double numericDerivative(DifferentiableState state, float[] v, int c) {
    float[] up = v.clone();
    float[] down = v.clone();
    up[c] = v[c] + 1e-3f;
    down[c] = v[c] - 1e-3f;
    return (state.valueIfAdded(VectorSet.of(up), 0) - state.valueIfAdded(VectorSet.of(down), 0))
        / ((double) up[c] - down[c]);
  }

  @Test
  void valueIsIncrementalAndMatchesDirectFormula() {
    int d = 3;
    VectorSet x = gaussian(15, d, 0, 7);
    VectorSet w = gaussian(5, d, 0.2, 8);
    Target t = target(x);
    double beta = 2.5;
    DifferentiableState state = new SoftMinKnnKl(ops, beta).start(t, VectorSet.empty(d));
    for (int j = 0; j < w.size(); j++) {
      double predicted = state.valueIfAdded(w, j);
      state.add(w, j);
      assertEquals(predicted, state.value(), 1e-9);
    }
    double sum = 0;
    for (int i = 0; i < x.size(); i++) {
      double s = 0;
      for (int j = 0; j < w.size(); j++) {
        double sq = 0;
        for (int c = 0; c < d; c++) {
          double diff = x.get(i, c) - w.get(j, c);
          sq += diff * diff;
        }
        s += Math.pow(Math.sqrt(sq) + ClippedDistance.EPS, -beta);
      }
      sum += -Math.log(s) / beta;
    }
    double rho = 0;
    for (int i = 0; i < x.size(); i++) {
      rho += Math.log(t.kthNeighbourDistance(i) + ClippedDistance.EPS);
    }
    double expected = d * sum / x.size() - d * rho / x.size() + Math.log(5.0 / (x.size() - 1));
    assertEquals(expected, state.value(), 1e-6);
  }

  @Test
  void coveredTargetsPullLess() {
    // Two target clusters; W already covers the left one. The gradient at the midpoint must point
    // towards the uncovered right cluster (the averaged relaxation is symmetric there).
    float[][] rows = new float[20][];
    for (int i = 0; i < 10; i++) {
      rows[i] = new float[] {-5 + 0.01f * i, 0.01f * i};
      rows[10 + i] = new float[] {5 + 0.01f * i, -0.01f * i};
    }
    VectorSet x = VectorSet.of(rows);
    VectorSet w = VectorSet.of(new float[] {-5, 0}, new float[] {-5.02f, 0.03f});
    DifferentiableState soft = new SoftMinKnnKl(ops, Double.NaN).start(target(x), w);
    double[] g = new double[2];
    soft.gradientAt(new float[] {0.05f, 0}, g);
    assertTrue(g[0] < 0, "descent −∇ must move right, towards the uncovered cluster: " + g[0]);
  }
}
