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

  /** Rows per chunk of the fused gradient; fixed so results do not depend on the thread count. */
  static final int CHUNK_ROWS = 256;
  /** Rows accumulated in float before folding into the double partial: bounds float error. */
  private static final int FLUSH_ROWS = 16;
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
    // Each out[r] is written by exactly one task, so the split cannot change any value.
    int blocks = (count + CHUNK_ROWS - 1) / CHUNK_ROWS;
    chunks.forEach(
        blocks,
        (long) count * d >= PARALLEL_FLOATS,
        b -> {
          int end = Math.min(toRow, fromRow + (b + 1) * CHUNK_ROWS);
          for (int r = fromRow + b * CHUNK_ROWS; r < end; r++) {
            out[r] = squaredDistanceF(query, queryOffset, data, r * d, d);
          }
        });
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
  /** Per executing thread: the float accumulator of one chunk, reused. */
  private static final ThreadLocal<float[]> ACC = ThreadLocal.withInitial(() -> new float[0]);

  @Override
  public void relaxedKlGradientSum(float[] v, VectorSet rows, double[] logFloor, double[] out) {
    int n = rows.size();
    int d = rows.dim();
    int count = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    double[] partials = PARTIALS.get();
    if (partials.length < count * d) {
      partials = new double[count * d];
      PARTIALS.set(partials);
    }
    double[] p = partials;
    chunks.forEach(
        count,
        (long) n * d >= PARALLEL_FLOATS,
        c -> gradientChunk(v, rows, logFloor, c * CHUNK_ROWS, Math.min(n, (c + 1) * CHUNK_ROWS),
            p, c * d));
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int c = 0; c < count; c++) { // fixed order: the same bits on any number of threads
      int o = c * d;
      for (int j = 0; j < d; j++) {
        out[j] += p[o + j];
      }
    }
  }

  /** The weight 1 / (δ (δ + ε)) of one row, zero where the clip or the floor drops it. */
  private static float weight(float squared, double[] logFloor, int r) {
    double s = squared;
    if (ClippedDistance.clipped(s)) {
      return 0f; // the clip's gradient is zero
    }
    double delta = Math.sqrt(s);
    if (logFloor != null && Math.log(delta + ClippedDistance.EPS) < logFloor[r]) {
      return 0f;
    }
    return (float) (1.0 / (delta * (delta + ClippedDistance.EPS)));
  }

  /**
   * Σ w_i (v − x_i) over rows [from, to) into {@code partial[po, po + d)}. Rows go four at a time:
   * one sweep computes their four distances sharing each load of v, a second sweep (over rows now in
   * L1) adds all four weighted differences with one load and store of the accumulator.
   */
  static void gradientChunk(
      float[] v, VectorSet rows, double[] logFloor, int from, int to, double[] partial, int po) {
    float[] data = rows.data();
    int d = rows.dim();
    float[] acc = ACC.get();
    if (acc.length < d) {
      acc = new float[d];
      ACC.set(acc);
    }
    java.util.Arrays.fill(acc, 0, d, 0f);
    java.util.Arrays.fill(partial, po, po + d, 0.0);
    int pending = 0;
    int r = from;
    for (; r + 4 <= to; r += 4) {
      int o0 = r * d;
      float s0;
      float s1;
      float s2;
      float s3;
      {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        FloatVector b0 = FloatVector.zero(F);
        FloatVector b1 = FloatVector.zero(F);
        FloatVector b2 = FloatVector.zero(F);
        FloatVector b3 = FloatVector.zero(F);
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        int c = 0;
        int bound2 = d - 2 * L + 1;
        for (; c < bound2; c += 2 * L) {
          FloatVector va = FloatVector.fromArray(F, v, c);
          FloatVector vb = FloatVector.fromArray(F, v, c + L);
          FloatVector t;
          t = va.sub(FloatVector.fromArray(F, data, o0 + c));
          a0 = t.fma(t, a0);
          t = va.sub(FloatVector.fromArray(F, data, o1 + c));
          a1 = t.fma(t, a1);
          t = va.sub(FloatVector.fromArray(F, data, o2 + c));
          a2 = t.fma(t, a2);
          t = va.sub(FloatVector.fromArray(F, data, o3 + c));
          a3 = t.fma(t, a3);
          t = vb.sub(FloatVector.fromArray(F, data, o0 + c + L));
          b0 = t.fma(t, b0);
          t = vb.sub(FloatVector.fromArray(F, data, o1 + c + L));
          b1 = t.fma(t, b1);
          t = vb.sub(FloatVector.fromArray(F, data, o2 + c + L));
          b2 = t.fma(t, b2);
          t = vb.sub(FloatVector.fromArray(F, data, o3 + c + L));
          b3 = t.fma(t, b3);
        }
        if (c < d - L + 1) {
          FloatVector va = FloatVector.fromArray(F, v, c);
          FloatVector t;
          t = va.sub(FloatVector.fromArray(F, data, o0 + c));
          a0 = t.fma(t, a0);
          t = va.sub(FloatVector.fromArray(F, data, o1 + c));
          a1 = t.fma(t, a1);
          t = va.sub(FloatVector.fromArray(F, data, o2 + c));
          a2 = t.fma(t, a2);
          t = va.sub(FloatVector.fromArray(F, data, o3 + c));
          a3 = t.fma(t, a3);
          c += L;
        }
        s0 = a0.add(b0).reduceLanes(VectorOperators.ADD);
        s1 = a1.add(b1).reduceLanes(VectorOperators.ADD);
        s2 = a2.add(b2).reduceLanes(VectorOperators.ADD);
        s3 = a3.add(b3).reduceLanes(VectorOperators.ADD);
        for (; c < d; c++) {
          float vc = v[c];
          float t0 = vc - data[o0 + c];
          float t1 = vc - data[o1 + c];
          float t2 = vc - data[o2 + c];
          float t3 = vc - data[o3 + c];
          s0 = Math.fma(t0, t0, s0);
          s1 = Math.fma(t1, t1, s1);
          s2 = Math.fma(t2, t2, s2);
          s3 = Math.fma(t3, t3, s3);
        }
      }
      float w0 = weight(s0, logFloor, r);
      float w1 = weight(s1, logFloor, r + 1);
      float w2 = weight(s2, logFloor, r + 2);
      float w3 = weight(s3, logFloor, r + 3);
      if (w0 != 0f || w1 != 0f || w2 != 0f || w3 != 0f) {
        accumulate4(w0, w1, w2, w3, v, data, o0, acc, d);
        pending += 4;
        if (pending >= FLUSH_ROWS) {
          flush(acc, partial, po, d);
          pending = 0;
        }
      }
    }
    for (; r < to; r++) {
      int o = r * d;
      float w = weight(squaredDistanceF(v, 0, data, o, d), logFloor, r);
      if (w == 0f) {
        continue;
      }
      accumulateScaledDifference(w, v, data, o, acc, d);
      if (++pending >= FLUSH_ROWS) {
        flush(acc, partial, po, d);
        pending = 0;
      }
    }
    if (pending > 0) {
      flush(acc, partial, po, d);
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

  private static void flush(float[] acc, double[] partial, int po, int d) {
    for (int c = 0; c < d; c++) {
      partial[po + c] += acc[c];
      acc[c] = 0f;
    }
  }

  /** acc[c] += w · (v[c] − x[o + c]). */
  static void accumulateScaledDifference(float w, float[] v, float[] x, int o, float[] acc, int d) {
    FloatVector wv = FloatVector.broadcast(F, w);
    int bound = F.loopBound(d);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector diff = FloatVector.fromArray(F, v, c).sub(FloatVector.fromArray(F, x, o + c));
      diff.fma(wv, FloatVector.fromArray(F, acc, c)).intoArray(acc, c);
    }
    for (; c < d; c++) {
      acc[c] = Math.fma(w, v[c] - x[o + c], acc[c]);
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
