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

  @Override
  public void relaxedKlGradientSum(float[] v, VectorSet rows, double[] logFloor, double[] out) {
    int n = rows.size();
    int d = rows.dim();
    int count = (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    double[][] partials = new double[count][];
    chunks.forEach(
        count,
        (long) n * d >= PARALLEL_FLOATS,
        c -> partials[c] = gradientChunk(v, rows, logFloor, c * CHUNK_ROWS,
            Math.min(n, (c + 1) * CHUNK_ROWS)));
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (double[] p : partials) { // fixed order: the same bits on any number of threads
      for (int c = 0; c < d; c++) {
        out[c] += p[c];
      }
    }
  }

  /** Σ w_i (v − x_i) over rows [from, to): per row one distance sweep, then one update sweep. */
  private static double[] gradientChunk(
      float[] v, VectorSet rows, double[] logFloor, int from, int to) {
    float[] data = rows.data();
    int d = rows.dim();
    double[] partial = new double[d];
    float[] acc = new float[d];
    int pending = 0;
    for (int r = from; r < to; r++) {
      int o = r * d;
      double s = squaredDistanceF(v, 0, data, o, d);
      if (ClippedDistance.clipped(s)) {
        continue; // the clip's gradient is zero
      }
      double delta = Math.sqrt(s);
      if (logFloor != null && Math.log(delta + ClippedDistance.EPS) < logFloor[r]) {
        continue;
      }
      float w = (float) (1.0 / (delta * (delta + ClippedDistance.EPS)));
      accumulateScaledDifference(w, v, data, o, acc, d);
      if (++pending == FLUSH_ROWS) {
        flush(acc, partial, d);
        pending = 0;
      }
    }
    if (pending > 0) {
      flush(acc, partial, d);
    }
    return partial;
  }

  private static void flush(float[] acc, double[] partial, int d) {
    for (int c = 0; c < d; c++) {
      partial[c] += acc[c];
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
