package org.gio.core.vectors;

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
}
