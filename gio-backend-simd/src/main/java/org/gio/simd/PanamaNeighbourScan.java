package org.gio.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.gio.core.GioInputException;
import org.gio.core.table.CentredTarget;
import org.gio.core.table.ExactDistance;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.PartialTable;
import org.gio.core.vectors.VectorSet;

/**
 * The neighbour-table scan with the filter fused into the sgemm-shaped micro-kernel: for a
 * sub-block of pool rows and one panel of {@link PanamaNearestCentroids#W} target rows, the
 * kernel's dot products stay in a small L1 buffer and are compared right away, one vector per
 * W/3 targets, against each target's running limit; only pairs that pass compute an {@link
 * ExactDistance} and reach the {@link PartialTable}. Nothing n × block sized is written or read
 * again (the core scan's score block was two thirds of its time, gio-bench/docs/scale.md).
 *
 * <p>The test, for target t (squared norm a_t around the target mean μ) and pool row g (b = ‖g −
 * μ‖²), with s = the float dot product of the centred rows: pass when a_t + b − 2s − m ≤ B_t, B_t
 * the t-th row's current L-th exact distance and m = p·(a_t + b) the core scan's margin on
 * |screened − exact| (see core's BlockedNeighbourScan, ALGORITHM.md §8). It is
 * evaluated in float as 2s ≥ c_t + b' with c_t = (1 − p')a_t − (1 + 2⁻¹⁸)B_t rounded down and b' =
 * (1 − p')b, where p' = p + 16·2⁻²⁴ and the 2⁻¹⁸·B_t cover the three float roundings of that
 * comparison itself (each at most 2⁻²⁴ of a_t + b + B_t). So every pair the exact order could keep
 * passes, and the table is the exact top-L whatever the width, blocking or thread count.
 *
 * <p>The exact distances are core's scalar {@link ExactDistance} (eight running sums). A Vector
 * API version (4-float loads widened to 4-double vectors) was 1.5× faster alone, but a second
 * vector shape in the same hot loop nest kept C2 from intrinsifying the micro-kernel when the scan
 * compiled first: the kernel then boxed every vector and ran at 1.9 GFLOP/s instead of ~50
 * (gio-bench/docs/scale.md).
 */
final class PanamaNeighbourScan implements NeighbourTableBuilder.Scan {
  private static final VectorSpecies<Float> F = FloatLanes.SPECIES;
  private static final int L = F.length();
  private static final int W = PanamaNearestCentroids.W;
  private static final int SUB = PanamaNearestCentroids.SUB;
  /** Squared norms from this on could overflow the float kernel: rejected, as core's scan does. */
  static final double FLOAT_SAFE = CentredTarget.FLOAT_SAFE;

  /** What every scan of one target shares: read-only after construction. */
  record Prepared(VectorSet target, float[] centredTarget, float[] mean, double[] targetNorms, double slope,
      PanamaNearestCentroids kernel, int depth) {}

  /** Dimensions up to this go through {@link #lanes}: a panel's fixed costs would dominate. */
  static final int NARROW = 8;

  private final Prepared prepared;
  private final PartialTable table;
  /** c_t per padded target: −∞ while it holds fewer than L; NaN (never passes) for padding. */
  private final float[] limit;
  private final float[] centred;
  private final float[] scaledNorm = new float[SUB];
  private final int[] base = new int[SUB + PanamaNearestCentroids.R];
  private final float[] acc = new float[(SUB + PanamaNearestCentroids.R) * W];

  PanamaNeighbourScan(Prepared prepared) {
    this.prepared = prepared;
    int n = prepared.target().size();
    this.table = new PartialTable(n, prepared.depth());
    this.limit = new float[prepared.kernel().panels * W];
    Arrays.fill(limit, Float.NaN); // padding targets never pass
    for (int t = 0; t < n; t++) {
      refresh(t);
    }
    this.centred = new float[SUB * prepared.target().dim()];
  }

  @Override
  public void add(long firstId, VectorSet chunk, int from, int to) {
    check(chunk);
    int start = chunk.dim() <= NARROW ? lanes(chunk, from, to, null, firstId) : from;
    for (; start < to; start += SUB) {
      block(chunk, start, Math.min(to, start + SUB), null, firstId);
    }
  }

  @Override
  public void add(long[] ids, VectorSet chunk) {
    if (ids.length != chunk.size()) {
      throw new IllegalArgumentException(ids.length + " ids for " + chunk.size() + " rows");
    }
    check(chunk);
    int start = chunk.dim() <= NARROW ? lanes(chunk, 0, chunk.size(), ids, 0) : 0;
    for (; start < chunk.size(); start += SUB) {
      block(chunk, start, Math.min(chunk.size(), start + SUB), ids, 0);
    }
  }

  @Override
  public NeighbourTableBuilder.Scan fork() {
    return new PanamaNeighbourScan(prepared);
  }

  @Override
  public PartialTable table() {
    return table;
  }

  private void check(VectorSet chunk) {
    int d = prepared.target().dim();
    if (chunk.dim() != d) {
      throw new IllegalArgumentException("pool rows have " + chunk.dim() + " values, the target " + d);
    }
  }

  /** Rows [from, to) of the chunk (at most SUB): centre, then every panel, filter fused. */
  private void block(VectorSet chunk, int from, int to, long[] ids, long firstId) {
    int rows = to - from;
    centre(chunk, from, rows, ids, firstId);
    PanamaNearestCentroids kernel = prepared.kernel();
    int padded = kernel.rowBases(null, 0, rows, base);
    for (int p = 0; p < kernel.panels; p++) {
      kernel.panelDots(centred, base, padded, p, acc);
      for (int r = 0; r < rows; r++) {
        filter(chunk, from + r, id(ids, firstId, from + r), r, p);
      }
    }
  }

  /**
   * The narrow path (d ≤ {@value #NARROW}): pool rows in the vector lanes, one target at a time,
   * the same test as {@link #filter} (the dot product's and norm's rounding bounds hold in any
   * summation order). Groups of rows with a non-finite or huge norm, and the rows after the last
   * full group, are left to {@link #block}; returns the first row not done.
   */
  private int lanes(VectorSet chunk, int from, int to, long[] ids, long firstId) {
    int d = chunk.dim();
    float[] data = chunk.data();
    float[] mean = prepared.mean();
    float[] x = prepared.centredTarget();
    int n = prepared.target().size();
    float keep = Math.nextDown((float) (1 - prepared.slope()));
    int r0 = from;
    for (; r0 + L <= to; r0 += L) {
      if (d == 1) { // the column is contiguous
        FloatVector.fromArray(F, data, chunk.offset(r0)).sub(mean[0]).intoArray(centred, 0);
      } else {
        for (int lane = 0; lane < L; lane++) {
          int src = chunk.offset(r0 + lane);
          for (int j = 0; j < d; j++) {
            centred[j * L + lane] = data[src + j] - mean[j];
          }
        }
      }
      FloatVector norm = FloatVector.zero(F);
      for (int j = 0; j < d; j++) {
        FloatVector c = FloatVector.fromArray(F, centred, j * L);
        norm = c.fma(c, norm);
      }
      if (!norm.compare(VectorOperators.LT, (float) FLOAT_SAFE).allTrue()) { // NaN, ∞, huge: block() names it
        block(chunk, r0, r0 + L, ids, firstId);
        continue;
      }
      FloatVector b = norm.mul(keep);
      for (int t = 0; t < n; t++) {
        FloatVector dot = FloatVector.zero(F);
        for (int j = 0; j < d; j++) {
          dot = FloatVector.fromArray(F, centred, j * L).fma(FloatVector.broadcast(F, x[t * d + j]), dot);
        }
        VectorMask<Float> pass = dot.mul(2f).compare(VectorOperators.GE, b.add(limit[t]));
        if (pass.anyTrue()) {
          for (long bits = pass.toLong(); bits != 0; bits &= bits - 1) {
            int row = r0 + Long.numberOfTrailingZeros(bits);
            offer(chunk, row, id(ids, firstId, row), t, 1L);
          }
        }
      }
    }
    return r0;
  }

  private static long id(long[] ids, long firstId, int row) {
    return ids == null ? firstId + row : ids[row];
  }

  /**
   * Row r of the sub-block against panel p's W targets: one compare per vector, exact for passes.
   * Written out in one method, no vector crossing a call: a vector or mask returned from a call
   * that C2 does not inline is boxed, and the scan then allocates per pair group.
   */
  private void filter(VectorSet chunk, int row, long id, int r, int p) {
    int o = r * W;
    int c = p * W;
    FloatVector b = FloatVector.broadcast(F, scaledNorm[r]);
    VectorMask<Float> m0 = FloatVector.fromArray(F, acc, o).mul(2f) // exact doubling
        .compare(VectorOperators.GE, FloatVector.fromArray(F, limit, c).add(b));
    VectorMask<Float> m1 = FloatVector.fromArray(F, acc, o + L).mul(2f)
        .compare(VectorOperators.GE, FloatVector.fromArray(F, limit, c + L).add(b));
    VectorMask<Float> m2 = FloatVector.fromArray(F, acc, o + 2 * L).mul(2f)
        .compare(VectorOperators.GE, FloatVector.fromArray(F, limit, c + 2 * L).add(b));
    if (!m0.or(m1).or(m2).anyTrue()) {
      return;
    }
    long bits = m0.toLong() | m1.toLong() << L | m2.toLong() << (2 * L);
    offer(chunk, row, id, c, bits);
  }

  /** The exact distance for each target whose bit is set in {@code lanes} (targets first..). */
  private void offer(VectorSet chunk, int row, long id, int first, long lanes) {
    VectorSet target = prepared.target();
    int d = target.dim();
    for (long bits = lanes; bits != 0; bits &= bits - 1) {
      int t = first + Long.numberOfTrailingZeros(bits);
      double exact = ExactDistance.squared(chunk.data(), chunk.offset(row), target.data(), target.offset(t), d);
      if (exact <= table.bound(t)) {
        table.offer(t, id, exact);
        refresh(t);
      }
    }
  }

  /** Recomputes target t's c_t after its L-th distance changed. */
  private void refresh(int t) {
    double bound = table.bound(t);
    double a = prepared.targetNorms()[t];
    if (bound == Double.POSITIVE_INFINITY) {
      limit[t] = Float.NEGATIVE_INFINITY;
      return;
    }
    double c = (1 - prepared.slope()) * a - (1 + 0x1p-18) * bound;
    limit[t] = Math.nextDown((float) c);
  }

  /** The same error as core's blocked scan, so both builders fail alike. */
  static GioInputException nonFinite(long id, float[] data, int offset, int d) {
    for (int j = 0; j < d; j++) {
      if (!Float.isFinite(data[offset + j])) {
        return new GioInputException("row " + id + ", column " + j + " is " + data[offset + j]
            + "; remove or repair non-finite values before selecting");
      }
    }
    return new GioInputException("row " + id + " is too large to square in float (a value beyond ~1e19)"
        + "; scale the vectors down");
  }

  /** Copies the rows centred on the target mean, with their scaled norms; rejects non-finite rows. */
  private void centre(VectorSet chunk, int from, int rows, long[] ids, long firstId) {
    float[] mean = prepared.mean();
    float[] data = chunk.data();
    int d = mean.length;
    double keep = 1 - prepared.slope();
    for (int r = 0; r < rows; r++) {
      int src = chunk.offset(from + r);
      int dst = r * d;
      double norm = 0;
      for (int j = 0; j < d; j++) {
        float v = data[src + j] - mean[j];
        centred[dst + j] = v;
        norm += (double) v * v;
      }
      if (!(norm < FLOAT_SAFE)) { // NaN, ∞, or too large for the float kernel's squares
        throw nonFinite(id(ids, firstId, from + r), data, src, d);
      }
      // rounded down: a smaller b' only lets more pairs through
      scaledNorm[r] = Math.nextDown((float) (keep * norm));
    }
  }
}
