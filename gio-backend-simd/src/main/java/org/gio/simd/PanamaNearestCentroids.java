package org.gio.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.VectorSet;

/**
 * The K-means assignment kernel on the Vector API, in the shape of an sgemm micro-kernel.
 *
 * <p>The centroids are packed once into panels of {@code W = 3·L} centroids (L float lanes),
 * transposed inside a panel: {@code panel[j·W + w] = c_{p·W+w}[j]}. The inner loop walks the
 * dimensions j; for each it loads the panel's three contiguous vectors and broadcasts x[j] of four
 * rows, and does twelve FMAs into twelve vector accumulators (4 rows × W centroids) that stay in
 * registers for the whole dimension. Eleven registers of loads per twelve FMAs keeps the FMA
 * units, not the loads, the limit. A sub-block of {@value #SUB} rows passes over one panel at a
 * time, so the panel (W·d floats, 75 KB at d = 784 with AVX2) and the rows stay in L2.
 *
 * <p>Each dot product is a sequential FMA chain over j (one lane), so its value depends only on the
 * row and the centroid, never on which rows or panel it was computed with. Scores ‖c‖² − 2x·c are
 * compared in centroid order with a strict less-than, so ties go to the lower index. Padding
 * centroids (K rounded up to W) have norm +∞ and never win.
 */
final class PanamaNearestCentroids implements NearestCentroidKernel {
  private static final VectorSpecies<Float> F = FloatLanes.SPECIES;
  private static final int L = F.length();
  /** Centroids per panel. */
  static final int W = 3 * L;
  /** Rows per micro-kernel call: sub-blocks are padded to a multiple of R. */
  static final int R = 4;
  /** Rows that pass over one panel before the next panel is loaded. */
  static final int SUB = 64;
  /** Dimensions per chunk: a panel's chunk is W·KC floats (24 KB with AVX2), inside L1. */
  static final int KC = 256;

  private final int k;
  private final int dim;
  final int panels;
  private final float[] packed;
  private final float[] norms; // per padded centroid; +∞ for padding

  PanamaNearestCentroids(VectorSet centroids) {
    this.k = centroids.size();
    this.dim = centroids.dim();
    this.panels = (k + W - 1) / W;
    float[] c = centroids.data();
    this.packed = new float[panels * W * dim];
    this.norms = new float[panels * W];
    Arrays.fill(norms, Float.POSITIVE_INFINITY);
    double[] squared = centroids.squaredNorms();
    for (int i = 0; i < k; i++) {
      int base = i / W * W * dim + i % W;
      for (int j = 0; j < dim; j++) {
        packed[base + j * W] = c[i * dim + j];
      }
      norms[i] = (float) squared[i];
    }
  }

  @Override
  public int size() {
    return k;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public int width() {
    return W;
  }

  @Override
  public void assign(
      float[] data,
      int[] rowIndex,
      int from,
      int to,
      int[] nearest,
      float[] best,
      float[] second,
      int out) {
    int[] base = new int[SUB + R];
    float[] scores = new float[W];
    float[] acc = new float[(SUB + R) * W];
    float[] b = new float[SUB + R];
    float[] s = new float[SUB + R];
    int[] bi = new int[SUB + R];
    boolean wantSecond = second != null;
    for (int r0 = from; r0 < to; r0 += SUB) {
      int rn = Math.min(SUB, to - r0);
      int rnR = rowBases(rowIndex, r0, rn, base);
      Arrays.fill(b, Float.POSITIVE_INFINITY);
      Arrays.fill(s, Float.POSITIVE_INFINITY);
      Arrays.fill(bi, 0);
      for (int p = 0; p < panels; p++) {
        panelDots(data, base, rnR, p, acc);
        FloatVector n0 = FloatVector.fromArray(F, norms, p * W);
        FloatVector n1 = FloatVector.fromArray(F, norms, p * W + L);
        FloatVector n2 = FloatVector.fromArray(F, norms, p * W + 2 * L);
        for (int rq = 0; rq < rn; rq++) {
          int o = rq * W;
          // ‖c‖² − 2·acc: the doubling is exact, so this rounds once, like the scalar kernel.
          FloatVector s0 = FloatVector.fromArray(F, acc, o).mul(-2f).add(n0);
          FloatVector s1 = FloatVector.fromArray(F, acc, o + L).mul(-2f).add(n1);
          FloatVector s2 = FloatVector.fromArray(F, acc, o + 2 * L).mul(-2f).add(n2);
          float bq = b[rq];
          float sq = s[rq];
          float threshold = wantSecond ? sq : bq;
          // Most panels hold no candidate for a row: one vector test skips them.
          if (!s0.min(s1).min(s2).compare(VectorOperators.LT, threshold).anyTrue()) {
            continue;
          }
          s0.intoArray(scores, 0);
          s1.intoArray(scores, L);
          s2.intoArray(scores, 2 * L);
          int bqi = bi[rq];
          for (int w = 0; w < W; w++) {
            float d = scores[w];
            if (d < bq) {
              sq = bq;
              bq = d;
              bqi = p * W + w;
            } else if (d < sq) {
              sq = d;
            }
          }
          b[rq] = bq;
          s[rq] = sq;
          bi[rq] = bqi;
        }
      }
      int o = out + (r0 - from);
      System.arraycopy(bi, 0, nearest, o, rn);
      System.arraycopy(b, 0, best, o, rn);
      if (wantSecond) {
        System.arraycopy(s, 0, second, o, rn);
      }
    }
  }

  @Override
  public void scores(float[] data, int[] rowIndex, int from, int to, float[] out, int outOffset) {
    int[] base = new int[SUB + R];
    float[] acc = new float[(SUB + R) * W];
    float[] tail = new float[W];
    for (int r0 = from; r0 < to; r0 += SUB) {
      int rn = Math.min(SUB, to - r0);
      int rnR = rowBases(rowIndex, r0, rn, base);
      for (int p = 0; p < panels; p++) {
        panelDots(data, base, rnR, p, acc);
        FloatVector n0 = FloatVector.fromArray(F, norms, p * W);
        FloatVector n1 = FloatVector.fromArray(F, norms, p * W + L);
        FloatVector n2 = FloatVector.fromArray(F, norms, p * W + 2 * L);
        int valid = Math.min(W, k - p * W);
        for (int rq = 0; rq < rn; rq++) {
          int o = rq * W;
          int dst = outOffset + (r0 - from + rq) * k + p * W;
          // The same rounding as assign: ‖c‖² − 2·acc, the doubling exact.
          FloatVector s0 = FloatVector.fromArray(F, acc, o).mul(-2f).add(n0);
          FloatVector s1 = FloatVector.fromArray(F, acc, o + L).mul(-2f).add(n1);
          FloatVector s2 = FloatVector.fromArray(F, acc, o + 2 * L).mul(-2f).add(n2);
          if (valid == W) {
            s0.intoArray(out, dst);
            s1.intoArray(out, dst + L);
            s2.intoArray(out, dst + 2 * L);
          } else {
            s0.intoArray(tail, 0);
            s1.intoArray(tail, L);
            s2.intoArray(tail, 2 * L);
            System.arraycopy(tail, 0, out, dst, valid);
          }
        }
      }
    }
  }

  /**
   * Offsets of the sub-block's rows [r0, r0 + rn) in the data, padded to a multiple of R by
   * repeating the last row (whose padded results are dropped); returns the padded count.
   */
  int rowBases(int[] rowIndex, int r0, int rn, int[] base) {
    int rnR = (rn + R - 1) / R * R;
    for (int r = 0; r < rnR; r++) {
      int row = r0 + Math.min(r, rn - 1);
      base[r] = (rowIndex == null ? row : rowIndex[row]) * dim;
    }
    return rnR;
  }

  /**
   * x·c of the sub-block's rows and panel p's centroids into {@code acc[r·W + w]}. The dimensions
   * go in chunks of KC: the panel's chunk (W·KC floats) stays in L1 while every row group of the
   * sub-block passes over it; partial sums wait in acc between chunks.
   */
  void panelDots(float[] data, int[] base, int rnR, int p, float[] acc) {
    int pb = p * W * dim;
    for (int j0 = 0; j0 < dim; j0 += KC) {
      int j1 = Math.min(dim, j0 + KC);
      boolean first = j0 == 0;
      for (int r = 0; r < rnR; r += R) {
        micro(data, base[r], base[r + 1], base[r + 2], base[r + 3], pb, j0, j1, first, acc, r * W);
      }
    }
  }

  /**
   * Adds x·c over dimensions [j0, j1) for four rows (at offsets x0..x3 of x) and the W centroids of
   * the panel at {@code pb} to {@code acc[ao + r·W + w]} (overwrites it when {@code first}).
   */
  private void micro(
      float[] x,
      int x0,
      int x1,
      int x2,
      int x3,
      int pb,
      int j0,
      int j1,
      boolean first,
      float[] acc,
      int ao) {
    float[] c = packed;
    FloatVector a00;
    FloatVector a01;
    FloatVector a02;
    FloatVector a10;
    FloatVector a11;
    FloatVector a12;
    FloatVector a20;
    FloatVector a21;
    FloatVector a22;
    FloatVector a30;
    FloatVector a31;
    FloatVector a32;
    if (first) {
      a00 = a01 = a02 = a10 = a11 = a12 = FloatVector.zero(F);
      a20 = a21 = a22 = a30 = a31 = a32 = FloatVector.zero(F);
    } else {
      a00 = FloatVector.fromArray(F, acc, ao);
      a01 = FloatVector.fromArray(F, acc, ao + L);
      a02 = FloatVector.fromArray(F, acc, ao + 2 * L);
      a10 = FloatVector.fromArray(F, acc, ao + W);
      a11 = FloatVector.fromArray(F, acc, ao + W + L);
      a12 = FloatVector.fromArray(F, acc, ao + W + 2 * L);
      a20 = FloatVector.fromArray(F, acc, ao + 2 * W);
      a21 = FloatVector.fromArray(F, acc, ao + 2 * W + L);
      a22 = FloatVector.fromArray(F, acc, ao + 2 * W + 2 * L);
      a30 = FloatVector.fromArray(F, acc, ao + 3 * W);
      a31 = FloatVector.fromArray(F, acc, ao + 3 * W + L);
      a32 = FloatVector.fromArray(F, acc, ao + 3 * W + 2 * L);
    }
    for (int j = j0; j < j1; j++) {
      int o = pb + j * W; // affine in j, so C2 can hoist the range checks out of the loop
      FloatVector c0 = FloatVector.fromArray(F, c, o);
      FloatVector c1 = FloatVector.fromArray(F, c, o + L);
      FloatVector c2 = FloatVector.fromArray(F, c, o + 2 * L);
      FloatVector v = FloatVector.broadcast(F, x[x0 + j]);
      a00 = c0.fma(v, a00);
      a01 = c1.fma(v, a01);
      a02 = c2.fma(v, a02);
      v = FloatVector.broadcast(F, x[x1 + j]);
      a10 = c0.fma(v, a10);
      a11 = c1.fma(v, a11);
      a12 = c2.fma(v, a12);
      v = FloatVector.broadcast(F, x[x2 + j]);
      a20 = c0.fma(v, a20);
      a21 = c1.fma(v, a21);
      a22 = c2.fma(v, a22);
      v = FloatVector.broadcast(F, x[x3 + j]);
      a30 = c0.fma(v, a30);
      a31 = c1.fma(v, a31);
      a32 = c2.fma(v, a32);
    }
    a00.intoArray(acc, ao);
    a01.intoArray(acc, ao + L);
    a02.intoArray(acc, ao + 2 * L);
    a10.intoArray(acc, ao + W);
    a11.intoArray(acc, ao + W + L);
    a12.intoArray(acc, ao + W + 2 * L);
    a20.intoArray(acc, ao + 2 * W);
    a21.intoArray(acc, ao + 2 * W + L);
    a22.intoArray(acc, ao + 2 * W + 2 * L);
    a30.intoArray(acc, ao + 3 * W);
    a31.intoArray(acc, ao + 3 * W + L);
    a32.intoArray(acc, ao + 3 * W + 2 * L);
  }
}
