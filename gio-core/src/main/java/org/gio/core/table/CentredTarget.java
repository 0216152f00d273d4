package org.gio.core.table;

import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;

/**
 * The target as every neighbour-table scan screens it: rows centred on the target mean in float,
 * with their squared norms (ALGORITHM.md §8: centring keeps the Gram form's rounding small). The
 * one preparation both the core and the Vector API scans share, with the checks that keep the
 * float kernel's squares finite. Immutable once built.
 *
 * @param mean the target mean, rounded to float (pool rows are centred on the same floats)
 * @param centred row-major n × d centred rows
 * @param norms ‖x_t − μ‖² of each centred row, in double
 */
public record CentredTarget(float[] mean, float[] centred, double[] norms) {
  /** Squared norms from this on could overflow the float Gram form. */
  public static final double FLOAT_SAFE = 1e37;

  /**
   * @throws GioInputException for a target row with a NaN or infinite value, or one too large to
   *     square in float
   */
  public static CentredTarget of(VectorSet target) {
    int n = target.size();
    int d = target.dim();
    float[] x = target.data();
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < d; j++) {
        if (!Float.isFinite(x[target.offset(t) + j])) {
          throw new GioInputException("target row " + t + ", column " + j + " is " + x[target.offset(t) + j]
              + "; remove or repair non-finite values before selecting");
        }
      }
    }
    double[] mean64 = target.mean();
    float[] mean = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) mean64[j];
    }
    float[] centred = new float[Math.multiplyExact(n, d)];
    double[] norms = new double[n];
    for (int t = 0; t < n; t++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        float c = x[target.offset(t) + j] - mean[j];
        centred[t * d + j] = c;
        s += (double) c * c;
      }
      if (!(s < FLOAT_SAFE)) {
        throw new GioInputException("target row " + t + " is too large to square in float (a value beyond ~1e19)"
            + "; scale the vectors down");
      }
      norms[t] = s;
    }
    return new CentredTarget(mean, centred, norms);
  }

  /** The centred rows as a set (shares the array). */
  public VectorSet rows() {
    return VectorSet.wrap(centred, norms.length, mean.length);
  }
}
