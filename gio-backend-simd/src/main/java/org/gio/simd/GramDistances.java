package org.gio.simd;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * All-pairs squared distances between a block of rows of A and every row of B as ‖a‖² + ‖b‖² −
 * 2AB^T, the matrix product done by EJML's float dense {@code mult} against Bᵀ (transposed once,
 * so EJML takes its row-streaming "reorder" path rather than one dot product per pair).
 *
 * <p>The identity loses accuracy where a distance is small next to the norms, so results are
 * screening values: callers recompute exactly, with the kernels, any pair whose answer depends on
 * the low bits (see {@link #errorBound}).
 */
final class GramDistances {
  private final VectorSet b;
  private final FMatrixRMaj bTransposed;
  private final double[] bNorms;
  private final double maxBNorm;

  GramDistances(VectorSet b, VectorOps ops) {
    this.b = b;
    FMatrixRMaj bm = FMatrixRMaj.wrap(b.size(), b.dim(), b.data());
    this.bTransposed = CommonOps_FDRM.transpose(bm, null);
    this.bNorms = norms(b, ops);
    double max = 0;
    for (double x : bNorms) {
      max = Math.max(max, x);
    }
    this.maxBNorm = max;
  }

  static double[] norms(VectorSet s, VectorOps ops) {
    double[] n = new double[s.size()];
    for (int r = 0; r < n.length; r++) {
      n[r] = ops.dot(s.data(), s.offset(r), s.data(), s.offset(r), s.dim());
    }
    return n;
  }

  int columns() {
    return b.size();
  }

  /**
   * A bound on |screened − exact| for a row of A with squared norm {@code aNorm}: a float dot
   * product of length d errs by at most about d·2⁻²⁴·‖a‖‖b‖, doubled for the norms' own error.
   */
  double errorBound(double aNorm) {
    return 4.0 * b.dim() * 0x1p-24 * (aNorm + maxBNorm);
  }

  /**
   * Fills {@code out[(i − from)·|B| + j]} with the screened squared distance of a_i and b_j for i in
   * [from, to), clamped at zero.
   *
   * @param aNorms ‖a_i‖² for every row of A
   */
  void block(VectorSet a, double[] aNorms, int from, int to, float[] out) {
    int rows = to - from;
    int d = a.dim();
    float[] blockData = new float[rows * d];
    System.arraycopy(a.data(), from * d, blockData, 0, rows * d);
    FMatrixRMaj ab = FMatrixRMaj.wrap(rows, d, blockData);
    FMatrixRMaj product = FMatrixRMaj.wrap(rows, b.size(), out);
    CommonOps_FDRM.mult(-2f, ab, bTransposed, product);
    int cols = b.size();
    for (int i = 0; i < rows; i++) {
      double an = aNorms[from + i];
      int o = i * cols;
      for (int j = 0; j < cols; j++) {
        out[o + j] = (float) Math.max(0.0, an + bNorms[j] + out[o + j]);
      }
    }
  }
}
