package org.gio.core.optimize;

import org.gio.core.objective.DifferentiableState;

/**
 * The reference update v ← v − lr · scale · ∇_v (ALGORITHM.md §3, step 6a). The point is carried
 * in double between steps and handed to the kernels as float32.
 */
public final class GradientDescent implements Optimizer {
  private final double step;
  private double[] gradient = new double[0];
  private double[] point = new double[0];

  /**
   * @param learningRate the reference's {@code lr}
   * @param scale the gradient scale, fixed or from {@link #autoScale}
   */
  public GradientDescent(double learningRate, double scale) {
    this.step = learningRate * scale;
  }

  /**
   * The reference's {@code auto} scale: ‖v‖ / ‖∇_v‖ at the first candidate, so the first step
   * moves v by lr times its own length. Falls back to 1 where the gradient vanishes.
   */
  public static double autoScale(DifferentiableState state, float[] v) {
    double[] g = new double[v.length];
    state.gradientAt(v, g);
    double gradNorm = norm(g);
    double vNorm = 0;
    for (float x : v) {
      vNorm += (double) x * x;
    }
    vNorm = Math.sqrt(vNorm);
    return gradNorm > 0 && Double.isFinite(gradNorm) ? vNorm / gradNorm : 1.0;
  }

  private static double norm(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  @Override
  public void optimize(DifferentiableState state, float[] v, int steps) {
    int d = v.length;
    if (gradient.length != d) {
      gradient = new double[d];
      point = new double[d];
    }
    for (int c = 0; c < d; c++) {
      point[c] = v[c];
    }
    for (int s = 0; s < steps; s++) {
      state.gradientAt(v, gradient);
      for (int c = 0; c < d; c++) {
        point[c] -= step * gradient[c];
        v[c] = (float) point[c];
      }
    }
  }
}
