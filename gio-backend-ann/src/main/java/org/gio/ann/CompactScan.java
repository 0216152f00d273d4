package org.gio.ann;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The exact scan once few rows remain: a contiguous copy of the rows that were available when it
 * was made (read in order instead of hopping through the whole pool: at 1M × 128 with 95 % removed
 * the hopping scan cost ~480 ns per row, 4× a sequential one), screened by a partial distance.
 *
 * <p>Screening: ‖q − x‖² is at least its sum over any subset of the dimensions, so a row whose sum
 * over the {@value #HEAD} highest-variance dimensions already exceeds the current {@code count}-th
 * best distance cannot be among the answers and is skipped without reading the rest of its row. The
 * partial sums come from a second, narrow copy ({@value #HEAD} floats per row) through the batched
 * kernel; survivors get the full distance from the same kernel as every other exact answer, so
 * results are exactly the unscreened scan's. The comparison keeps a relative margin of {@value
 * #MARGIN} for the float rounding of the two sums (which is far below it). At 1M × 128 clustered
 * with 95 % removed it raised the scan's queries per CPU-second ~1.4× with 16 head dimensions and
 * ~1.8× with 32 (gio-bench/docs/ann.md); where the head dimensions say little the screen skips
 * little and costs an extra {@value #HEAD} / d of the scan. Rows of d &lt; 4 × {@value #HEAD} are
 * scanned unscreened.
 */
final class CompactScan {
  static final int HEAD = 32;
  static final double MARGIN = 1e-3;
  private final int[] rows;
  private final VectorSet vectors;
  private final VectorSet head; // null when d is too small for screening to pay
  private final int[] headDims;
  private final double[] distances;

  private CompactScan(int[] rows, VectorSet vectors, VectorSet head, int[] headDims) {
    this.rows = rows;
    this.vectors = vectors;
    this.head = head;
    this.headDims = headDims;
    this.distances = new double[rows.length];
  }

  /** Copies the rows of {@code pool} that are available now. */
  static CompactScan of(VectorSet pool, AvailableRows available) {
    int count = available.count();
    int dim = pool.dim();
    float[] data = new float[Math.multiplyExact(count, dim)];
    int[] rows = new int[count];
    int i = 0;
    for (int row = available.next(0); row >= 0; row = available.next(row + 1), i++) {
      rows[i] = row;
      System.arraycopy(pool.data(), pool.offset(row), data, i * dim, dim);
    }
    VectorSet vectors = VectorSet.wrap(data, count, dim);
    if (dim < 4 * HEAD) {
      return new CompactScan(rows, vectors, null, null);
    }
    int[] headDims = highestVariance(vectors, HEAD);
    float[] headData = new float[count * HEAD];
    for (int r = 0; r < count; r++) {
      for (int j = 0; j < HEAD; j++) {
        headData[r * HEAD + j] = data[r * dim + headDims[j]];
      }
    }
    return new CompactScan(rows, vectors, VectorSet.wrap(headData, count, HEAD), headDims);
  }

  /** The {@code m} dimensions with the largest variance over {@code rows}, ties to the lower index. */
  static int[] highestVariance(VectorSet rows, int m) {
    int dim = rows.dim();
    double[] sum = new double[dim];
    double[] sumSquares = new double[dim];
    float[] data = rows.data();
    for (int r = 0; r < rows.size(); r++) {
      for (int j = 0; j < dim; j++) {
        double v = data[r * dim + j];
        sum[j] += v;
        sumSquares[j] += v * v;
      }
    }
    int n = Math.max(1, rows.size());
    double[] variance = new double[dim];
    for (int j = 0; j < dim; j++) {
      variance[j] = sumSquares[j] / n - (sum[j] / n) * (sum[j] / n);
    }
    return IntStream.range(0, dim)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer j) -> -variance[j]).thenComparingInt(j -> j))
        .limit(m)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Rows in the copy (available or not by now). */
  int size() {
    return rows.length;
  }

  /** Offers every still-available row of the copy that can be among the best to {@code best}. */
  void scan(float[] query, AvailableRows available, VectorOps ops, NearestRows best) {
    if (head == null) {
      ops.squaredDistances(query, 0, vectors, distances);
      for (int i = 0; i < rows.length; i++) {
        if (available.get(rows[i])) {
          best.offer(rows[i], distances[i]);
        }
      }
      return;
    }
    float[] queryHead = new float[HEAD];
    for (int j = 0; j < HEAD; j++) {
      queryHead[j] = query[headDims[j]];
    }
    ops.squaredDistances(queryHead, 0, head, distances); // partial sums
    float[] data = vectors.data();
    int dim = vectors.dim();
    double bound = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      if (distances[i] > bound || !available.get(row)) {
        continue;
      }
      best.offer(row, ops.squaredDistance(query, 0, data, i * dim, dim));
      if (best.full()) {
        bound = best.distance(best.size() - 1) * (1 + MARGIN);
      }
    }
  }
}
