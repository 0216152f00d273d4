package org.gio.io.plot;

import org.gio.core.vectors.VectorSet;

/**
 * The plane of a sample's first two principal components, found by subspace (block power)
 * iteration on the centred rows: two orthonormal vectors, repeatedly multiplied by the covariance
 * (as Xᵀ(X v), never forming the d × d matrix) and re-orthonormalised. It needs O(n·d) memory
 * and time per step, where an eigendecomposition of the covariance would need d² doubles (134 MB
 * at d = 4,096), and it is a few dozen lines, so gio-io takes no matrix library for a picture.
 * Deterministic: a fixed start, a fixed number of steps.
 */
final class PrincipalPlane {
  private static final int STEPS = 60;

  private final double[] mean;
  private final double[][] axes; // two unit rows of length d (the second is zero for d = 1)

  private PrincipalPlane(double[] mean, double[][] axes) {
    this.mean = mean;
    this.axes = axes;
  }

  /** The plane of {@code rows}' first two principal components (rows.size() ≥ 1). */
  static PrincipalPlane of(VectorSet rows) {
    int d = rows.dim();
    double[] mean = new double[d];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < d; c++) {
        mean[c] += rows.get(r, c);
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= rows.size();
    }
    double[][] v = new double[2][d];
    for (int c = 0; c < d; c++) { // a fixed start that is not orthogonal to typical components
      v[0][c] = 1 + c % 3;
      v[1][c] = (c % 2 == 0 ? 1 : -1) * (1 + c % 5);
    }
    orthonormalise(v);
    for (int step = 0; step < STEPS; step++) {
      v = covarianceTimes(rows, mean, v);
      orthonormalise(v);
    }
    return new PrincipalPlane(mean, v);
  }

  /** C·v for both vectors, C the (unnormalised) covariance: Σ_r (x_r − μ)((x_r − μ)·v). */
  private static double[][] covarianceTimes(VectorSet rows, double[] mean, double[][] v) {
    int d = rows.dim();
    double[][] out = new double[2][d];
    double[] centred = new double[d];
    for (int r = 0; r < rows.size(); r++) {
      double p0 = 0;
      double p1 = 0;
      for (int c = 0; c < d; c++) {
        centred[c] = rows.get(r, c) - mean[c];
        p0 += centred[c] * v[0][c];
        p1 += centred[c] * v[1][c];
      }
      for (int c = 0; c < d; c++) {
        out[0][c] += centred[c] * p0;
        out[1][c] += centred[c] * p1;
      }
    }
    return out;
  }

  /** Gram–Schmidt on the two rows; a vector that vanishes (no variance left) becomes zero. */
  private static void orthonormalise(double[][] v) {
    normalise(v[0]);
    double dot = 0;
    for (int c = 0; c < v[1].length; c++) {
      dot += v[0][c] * v[1][c];
    }
    for (int c = 0; c < v[1].length; c++) {
      v[1][c] -= dot * v[0][c];
    }
    normalise(v[1]);
  }

  private static void normalise(double[] x) {
    double norm = 0;
    for (double e : x) {
      norm += e * e;
    }
    norm = Math.sqrt(norm);
    for (int c = 0; c < x.length; c++) {
      x[c] = norm > 1e-12 ? x[c] / norm : 0;
    }
  }

  /** Coordinates of {@code rows} in the plane: [0] along the first component, [1] the second. */
  double[][] project(VectorSet rows) {
    double[][] xy = new double[2][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < mean.length; c++) {
        double centred = rows.get(r, c) - mean[c];
        xy[0][r] += centred * axes[0][c];
        xy[1][r] += centred * axes[1][c];
      }
    }
    return xy;
  }

  /** The unit direction of component {@code i} (0 or 1). */
  double[] axis(int i) {
    return axes[i].clone();
  }
}
