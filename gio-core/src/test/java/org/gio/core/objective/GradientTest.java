package org.gio.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The closed-form gradient of KL_avg(X ‖ W ∪ {v}) against central finite differences. */
class GradientTest {
  private final VectorOps ops = new ScalarVectorOps();

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void closedFormMatchesFiniteDifferences(boolean discardNearest) {
    int dim = 5;
    VectorSet x = RandomVectors.gaussian(3, 30, dim, 0, 1);
    VectorSet w = RandomVectors.gaussian(4, 12, dim, 0.5, 1);
    Target target = Target.of(x, 3, new ExactKthNeighbourSearch(ops));
    DifferentiableState state = new AveragedKnnKl(ops, discardNearest).start(target, w);
    float[] v = RandomVectors.gaussian(5, 1, dim, 0.2, 0.7).row(0);

    double[] gradient = new double[dim];
    state.gradientAt(v, gradient);
    double h = 1e-3;
    for (int c = 0; c < dim; c++) {
      double plus = valueWith(state, v, c, h);
      double minus = valueWith(state, v, c, -h);
      double numeric = (plus - minus) / (2 * h);
      assertEquals(numeric, gradient[c], 2e-3 * Math.max(1, Math.abs(numeric)), "component " + c);
    }
  }

  private static double valueWith(DifferentiableState state, float[] v, int c, double h) {
    float[] moved = v.clone();
    moved[c] = (float) (v[c] + h);
    // Evaluate with the moved component represented exactly in float.
    return state.valueIfAdded(VectorSet.wrap(moved, 1, v.length), 0) * 1.0;
  }
}
