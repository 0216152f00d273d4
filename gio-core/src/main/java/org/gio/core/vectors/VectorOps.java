package org.gio.core.vectors;

import org.gio.core.objective.ClippedDistance;

/**
 * The arithmetic kernels GIO spends its time in. {@link ScalarVectorOps} is the portable reference;
 * backends (for example the Vector API one in {@code gio-backend-simd}) bind a faster
 * implementation through Guice. Every implementation accumulates in at least float32 per row and
 * double across rows, so all backends choose the same rows on the parity fixtures.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface VectorOps {

  /** A short name for logs and reports, e.g. {@code scalar} or {@code simd-256}. */
  String name();

  /** The name and how it runs (lanes, threads), for {@code --verbose} and the JSON report. */
  default String description() {
    return name();
  }

  /** ‖a − b‖² over {@code length} components starting at the given offsets. */
  double squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length);

  /** a · b over {@code length} components starting at the given offsets. */
  double dot(float[] a, int aOffset, float[] b, int bOffset, int length);

  /**
   * Squared distances from one query to the rows {@code [fromRow, toRow)}: {@code out[r] = ‖q −
   * rows[r]‖²} for each r in the range (out is indexed by row, not from zero).
   *
   * @param query array holding the query's {@code rows.dim()} components from {@code queryOffset}
   */
  void squaredDistances(
      float[] query, int queryOffset, VectorSet rows, int fromRow, int toRow, double[] out);

  /** Squared distances from one query to every row: {@code out[r] = ‖q − rows[r]‖²}. */
  default void squaredDistances(float[] query, int queryOffset, VectorSet rows, double[] out) {
    squaredDistances(query, queryOffset, rows, 0, rows.size(), out);
  }

  /** A weighted sum of rows: {@code out[c] = Σ_r weights[r] · rows[r][c]} (out is overwritten). */
  void weightedRowSum(double[] weights, VectorSet rows, double[] out);

  /**
   * The pass over X the relaxed-KL gradient needs (ALGORITHM.md §2), fused so a backend can do it
   * in one sweep: {@code out[c] = Σ_i w_i · (v[c] − x_i[c])} with δ_i = δ(v, x_i) and w_i = 1 /
   * (δ_i (δ_i + ε)); w_i is zero where the clip is active and, when {@code logFloor} is not null,
   * where log(δ_i + ε) &lt; {@code logFloor[i]} (the discard-nearest variant). The caller applies
   * the d / (n·(m+1)) factor. This default is the scalar reference: distances, weights, then a
   * weighted row sum, all in double.
   *
   * @param v the candidate point, {@code rows.dim()} components
   * @param out length at least {@code rows.dim()}; overwritten
   */
  default void relaxedKlGradientSum(float[] v, VectorSet rows, double[] logFloor, double[] out) {
    int n = rows.size();
    int d = rows.dim();
    double[] squared = new double[n];
    double[] weights = new double[n];
    double[] weightedSum = new double[d];
    squaredDistances(v, 0, rows, squared);
    double weightTotal = 0;
    for (int i = 0; i < n; i++) {
      double s = squared[i];
      double w = 0;
      if (!ClippedDistance.clipped(s)) {
        double delta = Math.sqrt(s);
        if (logFloor == null || Math.log(delta + ClippedDistance.EPS) >= logFloor[i]) {
          w = 1.0 / (delta * (delta + ClippedDistance.EPS));
        }
      }
      weights[i] = w;
      weightTotal += w;
    }
    weightedRowSum(weights, rows, weightedSum);
    for (int c = 0; c < d; c++) {
      out[c] = v[c] * weightTotal - weightedSum[c];
    }
  }

  /**
   * The assignment kernel of K-means for these centroids (copied; later changes to {@code
   * centroids} are not seen): nearest and second-nearest centroid of blocks of rows in the matrix
   * form ‖x‖² + ‖c‖² − 2x·c. This default is the portable register-blocked scalar kernel; backends
   * override it with a vectorised one. See {@link NearestCentroidKernel} for the contract.
   */
  default NearestCentroidKernel nearestCentroids(VectorSet centroids) {
    return new BlockedNearestCentroids(centroids);
  }
}
