package org.gio.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * {@link VectorOps} on the Java Vector API. Only ever loaded by {@link SimdKernels} after it has
 * checked that {@code jdk.incubator.vector} is present, so no other class may refer to it.
 *
 * <p>Per row, components are accumulated in float lanes with four independent accumulators (to
 * hide FMA latency) and the remainder below one vector is done by a scalar loop rather than masks.
 * Sums across rows are kept in double (ALGORITHM.md §2 explains what is summed).
 */
final class PanamaVectorOps implements VectorOps {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int L = F.length();

  /**
   * Rows per chunk of the fused gradient; fixed so results do not depend on the thread count. A
   * chunk's weighted rows are summed in float and folded into its double partial once, at the end
   * (folding every 64 rows cost ~6 % of a pass and the 1e-5 agreement holds without it).
   */
  static final int CHUNK_ROWS = 256;
  /** Below this many floats of X a pass is too short to be worth handing to other threads. */
  static final long PARALLEL_FLOATS = 1L << 19;

  private final RowChunks chunks;

  PanamaVectorOps(int threads) {
    this.chunks = new RowChunks(threads);
  }

  static int lanes() {
    return L;
  }

  @Override
  public String name() {
    return "simd-" + F.vectorBitSize();
  }

  @Override
  public String description() {
    return name() + " (Vector API, " + lanes() + " float lanes, " + threads() + " threads)";
  }

  int threads() {
    return chunks.threads();
  }

  @Override
  public double squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
    return squaredDistanceF(a, aOffset, b, bOffset, length);
  }

  @Override
  public double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    return dotF(a, aOffset, b, bOffset, length);
  }

  @Override
  public void squaredDistances(
      float[] query, int queryOffset, VectorSet rows, int fromRow, int toRow, double[] out) {
    float[] data = rows.data();
    int d = rows.dim();
    int count = toRow - fromRow;
    int blocks = (count + CHUNK_ROWS - 1) / CHUNK_ROWS;
    chunks.run(
        blocks,
        CHUNK_ROWS,
        (long) count * d >= PARALLEL_FLOATS,
        (b, o, at) -> {
          int from = fromRow + b * CHUNK_ROWS;
          int end = Math.min(toRow, from + CHUNK_ROWS);
          for (int r = from; r < end; r++) {
            o[at + r - from] = squaredDistanceF(query, queryOffset, data, r * d, d);
          }
        },
        out,
        fromRow,
        toRow);
  }

  /** The sgemm-shaped Vector API assignment kernel ({@link PanamaNearestCentroids}). */
  @Override
  public org.gio.core.vectors.NearestCentroidKernel nearestCentroids(VectorSet centroids) {
    return new PanamaNearestCentroids(centroids);
  }

  @Override
  public void weightedRowSum(double[] weights, VectorSet rows, double[] out) {
    // Not on the hot path (the fused gradient replaces it): plain double loop, exact as scalar.
    float[] data = rows.data();
    int d = rows.dim();
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int r = 0, n = rows.size(); r < n; r++) {
      double w = weights[r];
      if (w != 0) {
        int o = r * d;
        for (int c = 0; c < d; c++) {
          out[c] += w * data[o + c];
        }
      }
    }
  }

  /** Per calling thread: the per-chunk double partials of the fused gradient, reused. */
  private static final ThreadLocal<double[]> PARTIALS = ThreadLocal.withInitial(() -> new double[0]);
  /** Per executing thread: the float accumulator of one chunk and four dot products, reused. */
  private static final ThreadLocal<float[]> ACC = ThreadLocal.withInitial(() -> new float[0]);

  /**
   * Below this ratio ‖v − x‖² / (‖v‖² + ‖x‖²) the expanded form loses too many digits to
   * cancellation, and the row's distance is recomputed directly.
   */
  static final double EXPANSION_GUARD = 1.0 / 16;

  /**
   * Σ_i w_i (v − x_i) with the distances from the expansion ‖v − x_i‖² = ‖v‖² + ‖x_i‖² − 2 v·x_i
   * and the set's cached row norms, so the distance sweep is one FMA per lane (a dot product)
   * instead of a subtraction and an FMA; see gio-bench's docs/simd.md for the measurements. Rows
   * where the expansion would cancel badly fall back to the direct distance. The weighted sum
   * itself stays in the direct form w_i (v − x_i): v·Σw − Σ w_i x_i cancels catastrophically
   * when a few near rows carry huge weights.
   */
  @Override
  public void relaxedKlGradientSum(float[] v, VectorSet rows, double[] logFloor, double[] out) {
    int n = rows.size();
    int d = rows.dim();
    int count = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    double[] norms = rows.squaredNorms();
    double vv = 0;
    for (int c = 0; c < d; c++) {
      vv += (double) v[c] * v[c];
    }
    double vNorm = vv; // effectively final, for the chunk tasks
    double[] partials = PARTIALS.get();
    if (partials.length < count * d) {
      partials = new double[count * d];
      PARTIALS.set(partials);
    }
    double[] p = partials;
    chunks.run(
        count,
        d,
        (long) n * d >= PARALLEL_FLOATS,
        (c, o, at) -> gradientChunk(v, vNorm, rows, norms, logFloor, c * CHUNK_ROWS,
            Math.min(n, (c + 1) * CHUNK_ROWS), o, at),
        p,
        0,
        count * d);
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int c = 0; c < count; c++) { // fixed order: the same bits on any number of threads
      int o = c * d;
      for (int j = 0; j < d; j++) {
        out[j] += p[o + j];
      }
    }
  }

  /** The weight 1 / (δ (δ + ε)) of one row, zero where the clip or the floor drops it. */
  private static float weight(double squared, double[] logFloor, int r) {
    if (ClippedDistance.clipped(squared)) {
      return 0f; // the clip's gradient is zero
    }
    double delta = Math.sqrt(squared);
    if (logFloor != null && Math.log(delta + ClippedDistance.EPS) < logFloor[r]) {
      return 0f;
    }
    return (float) (1.0 / (delta * (delta + ClippedDistance.EPS)));
  }

  /** ‖v − x_r‖² from the expansion, or directly where the expansion would cancel. */
  private static double squared(
      float[] v, double vv, float[] x, double[] norms, int r, int d, float dot) {
    double sum = norms[r] + vv;
    double s = sum - 2.0 * dot;
    return s >= EXPANSION_GUARD * sum ? s : squaredDistanceF(v, 0, x, r * d, d);
  }

  /**
   * Σ w_i (v − x_i) over rows [from, to) into {@code partial[po, po + d)}. Rows go four at a time:
   * one sweep takes their four dot products with v sharing each load of v, a second sweep (over
   * rows now in L1) adds the four weighted differences with one load and store of the float
   * accumulator.
   */
  static void gradientChunk(
      float[] v,
      double vv,
      VectorSet rows,
      double[] norms,
      double[] logFloor,
      int from,
      int to,
      double[] partial,
      int po) {
    float[] x = rows.data();
    int d = rows.dim();
    float[] acc = ACC.get();
    if (acc.length < d + 4) {
      acc = new float[d + 4];
      ACC.set(acc);
    }
    java.util.Arrays.fill(acc, 0, d, 0f);
    int r = from;
    for (; r + 4 <= to; r += 4) {
      dots4(v, x, r * d, d, acc, d);
      float w0 = weight(squared(v, vv, x, norms, r, d, acc[d]), logFloor, r);
      float w1 = weight(squared(v, vv, x, norms, r + 1, d, acc[d + 1]), logFloor, r + 1);
      float w2 = weight(squared(v, vv, x, norms, r + 2, d, acc[d + 2]), logFloor, r + 2);
      float w3 = weight(squared(v, vv, x, norms, r + 3, d, acc[d + 3]), logFloor, r + 3);
      if (w0 != 0f || w1 != 0f || w2 != 0f || w3 != 0f) {
        accumulate4(w0, w1, w2, w3, v, x, r * d, acc, d);
      }
    }
    for (; r < to; r++) {
      float w = weight(squaredDistanceF(v, 0, x, r * d, d), logFloor, r);
      if (w != 0f) {
        accumulate1(w, v, x, r * d, acc, d);
      }
    }
    for (int c = 0; c < d; c++) {
      partial[po + c] = acc[c];
    }
  }

  /** v · x for the four rows starting at offset o, into {@code out[at, at + 4)}. */
  static void dots4(float[] v, float[] x, int o, int d, float[] out, int at) {
    int o1 = o + d;
    int o2 = o1 + d;
    int o3 = o2 + d;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    int c = 0;
    int bound2 = d - 2 * L + 1;
    for (; c < bound2; c += 2 * L) {
      FloatVector va = FloatVector.fromArray(F, v, c);
      FloatVector vb = FloatVector.fromArray(F, v, c + L);
      a0 = FloatVector.fromArray(F, x, o + c).fma(va, a0);
      a1 = FloatVector.fromArray(F, x, o1 + c).fma(va, a1);
      a2 = FloatVector.fromArray(F, x, o2 + c).fma(va, a2);
      a3 = FloatVector.fromArray(F, x, o3 + c).fma(va, a3);
      b0 = FloatVector.fromArray(F, x, o + c + L).fma(vb, b0);
      b1 = FloatVector.fromArray(F, x, o1 + c + L).fma(vb, b1);
      b2 = FloatVector.fromArray(F, x, o2 + c + L).fma(vb, b2);
      b3 = FloatVector.fromArray(F, x, o3 + c + L).fma(vb, b3);
    }
    if (c < d - L + 1) {
      FloatVector va = FloatVector.fromArray(F, v, c);
      a0 = FloatVector.fromArray(F, x, o + c).fma(va, a0);
      a1 = FloatVector.fromArray(F, x, o1 + c).fma(va, a1);
      a2 = FloatVector.fromArray(F, x, o2 + c).fma(va, a2);
      a3 = FloatVector.fromArray(F, x, o3 + c).fma(va, a3);
      c += L;
    }
    float s0 = a0.add(b0).reduceLanes(VectorOperators.ADD);
    float s1 = a1.add(b1).reduceLanes(VectorOperators.ADD);
    float s2 = a2.add(b2).reduceLanes(VectorOperators.ADD);
    float s3 = a3.add(b3).reduceLanes(VectorOperators.ADD);
    for (; c < d; c++) {
      float vc = v[c];
      s0 = Math.fma(vc, x[o + c], s0);
      s1 = Math.fma(vc, x[o1 + c], s1);
      s2 = Math.fma(vc, x[o2 + c], s2);
      s3 = Math.fma(vc, x[o3 + c], s3);
    }
    out[at] = s0;
    out[at + 1] = s1;
    out[at + 2] = s2;
    out[at + 3] = s3;
  }

  /** acc[c] += w · (v[c] − x[o + c]). */
  static void accumulate1(float w, float[] v, float[] x, int o, float[] acc, int d) {
    FloatVector u = FloatVector.broadcast(F, w);
    int bound = F.loopBound(d);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector diff = FloatVector.fromArray(F, v, c).sub(FloatVector.fromArray(F, x, o + c));
      diff.fma(u, FloatVector.fromArray(F, acc, c)).intoArray(acc, c);
    }
    for (; c < d; c++) {
      acc[c] = Math.fma(w, v[c] - x[o + c], acc[c]);
    }
  }

  /** acc[c] += Σ_{j<4} w_j · (v[c] − x_{o + j·d + c}), the four rows starting at offset o. */
  static void accumulate4(
      float w0, float w1, float w2, float w3, float[] v, float[] x, int o, float[] acc, int d) {
    FloatVector u0 = FloatVector.broadcast(F, w0);
    FloatVector u1 = FloatVector.broadcast(F, w1);
    FloatVector u2 = FloatVector.broadcast(F, w2);
    FloatVector u3 = FloatVector.broadcast(F, w3);
    int o1 = o + d;
    int o2 = o1 + d;
    int o3 = o2 + d;
    int bound = F.loopBound(d);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector vc = FloatVector.fromArray(F, v, c);
      FloatVector a = FloatVector.fromArray(F, acc, c);
      a = vc.sub(FloatVector.fromArray(F, x, o + c)).fma(u0, a);
      a = vc.sub(FloatVector.fromArray(F, x, o1 + c)).fma(u1, a);
      a = vc.sub(FloatVector.fromArray(F, x, o2 + c)).fma(u2, a);
      a = vc.sub(FloatVector.fromArray(F, x, o3 + c)).fma(u3, a);
      a.intoArray(acc, c);
    }
    for (; c < d; c++) {
      float vc = v[c];
      float a = acc[c];
      a = Math.fma(w0, vc - x[o + c], a);
      a = Math.fma(w1, vc - x[o1 + c], a);
      a = Math.fma(w2, vc - x[o2 + c], a);
      a = Math.fma(w3, vc - x[o3 + c], a);
      acc[c] = a;
    }
  }

  /** ‖a − b‖² in float lanes, four accumulators, scalar tail. */
  static float squaredDistanceF(float[] a, int ao, float[] b, int bo, int len) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = FloatVector.zero(F);
    FloatVector s2 = FloatVector.zero(F);
    FloatVector s3 = FloatVector.zero(F);
    int i = 0;
    int bound4 = len - 4 * L + 1;
    for (; i < bound4; i += 4 * L) {
      FloatVector d0 = FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i));
      FloatVector d1 =
          FloatVector.fromArray(F, a, ao + i + L).sub(FloatVector.fromArray(F, b, bo + i + L));
      FloatVector d2 =
          FloatVector.fromArray(F, a, ao + i + 2 * L)
              .sub(FloatVector.fromArray(F, b, bo + i + 2 * L));
      FloatVector d3 =
          FloatVector.fromArray(F, a, ao + i + 3 * L)
              .sub(FloatVector.fromArray(F, b, bo + i + 3 * L));
      s0 = d0.fma(d0, s0);
      s1 = d1.fma(d1, s1);
      s2 = d2.fma(d2, s2);
      s3 = d3.fma(d3, s3);
    }
    int bound1 = len - L + 1;
    for (; i < bound1; i += L) {
      FloatVector d0 = FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i));
      s0 = d0.fma(d0, s0);
    }
    float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      float t = a[ao + i] - b[bo + i];
      sum = Math.fma(t, t, sum);
    }
    return sum;
  }

  /** a · b in float lanes, four accumulators, scalar tail. */
  static float dotF(float[] a, int ao, float[] b, int bo, int len) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = FloatVector.zero(F);
    FloatVector s2 = FloatVector.zero(F);
    FloatVector s3 = FloatVector.zero(F);
    int i = 0;
    int bound4 = len - 4 * L + 1;
    for (; i < bound4; i += 4 * L) {
      s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
      s1 = FloatVector.fromArray(F, a, ao + i + L).fma(FloatVector.fromArray(F, b, bo + i + L), s1);
      s2 =
          FloatVector.fromArray(F, a, ao + i + 2 * L)
              .fma(FloatVector.fromArray(F, b, bo + i + 2 * L), s2);
      s3 =
          FloatVector.fromArray(F, a, ao + i + 3 * L)
              .fma(FloatVector.fromArray(F, b, bo + i + 3 * L), s3);
    }
    int bound1 = len - L + 1;
    for (; i < bound1; i += L) {
      s0 = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), s0);
    }
    float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      sum = Math.fma(a[ao + i], b[bo + i], sum);
    }
    return sum;
  }
}
