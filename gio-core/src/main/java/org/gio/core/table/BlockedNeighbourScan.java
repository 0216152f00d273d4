package org.gio.core.table;

import org.gio.core.GioInputException;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.VectorSet;

/**
 * The blocked scan: a block of pool rows against every target row in the matrix form
 * ‖x‖² + ‖g‖² − 2x·g by the backend's sgemm-shaped kernel ({@link NearestCentroidKernel#scores},
 * the target rows playing the centroids), then, per pair, a filter against the target row's running
 * L-th exact distance widened by a rounding margin, and the exact distance ({@link ExactDistance})
 * for the few pairs that pass. Most pool rows never reach the exact distance or the heap.
 *
 * <p>Both sides are centred on the target mean first: the Gram form's rounding grows with the
 * norms, and centring makes them the spread around the target instead of the distance from the
 * origin. The margin bounds |screened − exact| (float dot products of length d, float norms, the
 * centring's own rounding): {@value #MARGIN_ULPS}·(d + 4)·2⁻²⁴·(‖x − μ‖² + ‖g − μ‖²). A pair
 * whose exact distance is within the bound therefore always passes, and the kept entries are the
 * exact top-L whatever the kernel's width or blocking.
 */
final class BlockedNeighbourScan implements NeighbourTableBuilder.Scan {
  /** Units of d·2⁻²⁴ in the margin: 2 for the dot product and norms, 2 for centring, doubled. */
  static final double MARGIN_ULPS = 8;
  /** Pool rows per kernel call: the score block is BLOCK × n floats. */
  static final int BLOCK = 128;

  private final Prepared prepared;
  private final PartialTable table;
  private final float[] centred;
  private final float[] scores;
  private final double[] poolNorms;

  /** What every scan of one target shares: the centred target, its norms and the kernel. */
  record Prepared(
      VectorSet target, float[] mean, double[] targetNorms, double marginPerNorm, NearestCentroidKernel kernel, int depth) {}

  BlockedNeighbourScan(Prepared prepared) {
    this.prepared = prepared;
    this.table = new PartialTable(prepared.target().size(), prepared.depth());
    int d = prepared.target().dim();
    this.centred = new float[BLOCK * d];
    this.scores = new float[BLOCK * prepared.target().size()];
    this.poolNorms = new double[BLOCK];
  }

  @Override
  public void add(long firstId, VectorSet chunk, int from, int to) {
    for (int start = from; start < to; start += BLOCK) {
      block(chunk, start, Math.min(to, start + BLOCK), null, firstId);
    }
  }

  @Override
  public void add(long[] ids, VectorSet chunk) {
    if (ids.length != chunk.size()) {
      throw new IllegalArgumentException(ids.length + " ids for " + chunk.size() + " rows");
    }
    for (int start = 0; start < chunk.size(); start += BLOCK) {
      block(chunk, start, Math.min(chunk.size(), start + BLOCK), ids, 0);
    }
  }

  @Override
  public NeighbourTableBuilder.Scan fork() {
    return new BlockedNeighbourScan(prepared);
  }

  @Override
  public PartialTable table() {
    return table;
  }

  /** The error for a row with a NaN or infinite value (or one whose square overflows). */
  private static GioInputException nonFinite(long id, float[] data, int offset, int d) {
    for (int j = 0; j < d; j++) {
      if (!Float.isFinite(data[offset + j])) {
        return new GioInputException("row " + id + ", column " + j + " is " + data[offset + j]
            + "; remove or repair non-finite values before selecting");
      }
    }
    return new GioInputException("row " + id + " is too large to square in float (a value beyond ~1e19)"
        + "; scale the vectors down");
  }

  /** Rows [from, to) of the chunk (at most BLOCK): centre, screen, offer the survivors exactly. */
  private void block(VectorSet chunk, int from, int to, long[] ids, long firstId) {
    VectorSet target = prepared.target();
    int d = target.dim();
    int n = target.size();
    int rows = to - from;
    if (chunk.dim() != d) {
      throw new IllegalArgumentException("pool rows have " + chunk.dim() + " values, the target " + d);
    }
    float[] mean = prepared.mean();
    float[] data = chunk.data();
    for (int r = 0; r < rows; r++) {
      int src = chunk.offset(from + r);
      int dst = r * d;
      double norm = 0;
      for (int j = 0; j < d; j++) {
        float c = data[src + j] - mean[j];
        centred[dst + j] = c;
        norm += (double) c * c;
      }
      if (!(norm < CentredTarget.FLOAT_SAFE)) { // NaN, ∞, or too large for the float kernel's squares
        throw nonFinite(ids == null ? firstId + from + r : ids[from + r], data, src, d);
      }
      poolNorms[r] = norm;
    }
    prepared.kernel().scores(centred, null, 0, rows, scores, 0);
    double[] targetNorms = prepared.targetNorms();
    double perNorm = prepared.marginPerNorm();
    float[] x = target.data();
    for (int r = 0; r < rows; r++) {
      double gNorm = poolNorms[r];
      int o = r * n;
      long id = ids == null ? firstId + from + r : ids[from + r];
      int src = chunk.offset(from + r);
      for (int t = 0; t < n; t++) {
        double screened = gNorm + scores[o + t]; // scores: ‖x−μ‖² − 2(x−μ)·(g−μ)
        double margin = perNorm * (targetNorms[t] + gNorm);
        if (screened - margin <= table.bound(t)) {
          table.offer(t, id, ExactDistance.squared(data, src, x, target.offset(t), d));
        }
      }
    }
  }
}
