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
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int L = F.length();
  private static final int W = 3 * L;
  private static final int R = 4;
  /** Rows that pass over one panel before the next panel is loaded. */
  static final int SUB = 64;

  private final int k;
  private final int dim;
  private final int panels;
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
    for (int i = 0; i < k; i++) {
      int p = i / W;
      int w = i % W;
      int base = p * W * dim + w;
      double n = 0;
      for (int j = 0; j < dim; j++) {
        float v = c[i * dim + j];
        packed[base + j * W] = v;
        n += (double) v * v;
      }
      norms[i] = (float) n;
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
    float[] scores = new float[R * W];
    float[] b = new float[SUB + R];
    float[] s = new float[SUB + R];
    int[] bi = new int[SUB + R];
    boolean wantSecond = second != null;
    for (int r0 = from; r0 < to; r0 += SUB) {
      int rn = Math.min(SUB, to - r0);
      int rnR = (rn + R - 1) / R * R;
      for (int r = 0; r < rnR; r++) {
        int row = r0 + Math.min(r, rn - 1); // padding repeats the last row; its result is dropped
        base[r] = (rowIndex == null ? row : rowIndex[row]) * dim;
      }
      Arrays.fill(b, Float.POSITIVE_INFINITY);
      Arrays.fill(s, Float.POSITIVE_INFINITY);
      Arrays.fill(bi, 0);
      for (int p = 0; p < panels; p++) {
        int pb = p * W * dim;
        FloatVector n0 = FloatVector.fromArray(F, norms, p * W);
        FloatVector n1 = FloatVector.fromArray(F, norms, p * W + L);
        FloatVector n2 = FloatVector.fromArray(F, norms, p * W + 2 * L);
        for (int r = 0; r < rnR; r += R) {
          micro(data, base[r], base[r + 1], base[r + 2], base[r + 3], pb, n0, n1, n2, scores);
          for (int q = 0; q < R && r + q < rn; q++) {
            int rq = r + q;
            float bq = b[rq];
            float sq = s[rq];
            float threshold = wantSecond ? sq : bq;
            // Most panels hold no candidate for a row: one vector test skips them.
            FloatVector m = FloatVector.fromArray(F, scores, q * W)
                .min(FloatVector.fromArray(F, scores, q * W + L))
                .min(FloatVector.fromArray(F, scores, q * W + 2 * L));
            if (!m.compare(VectorOperators.LT, threshold).anyTrue()) {
              continue;
            }
            int bq_i = bi[rq];
            for (int w = 0, o = q * W; w < W; w++) {
              float d = scores[o + w];
              if (d < bq) {
                sq = bq;
                bq = d;
                bq_i = p * W + w;
              } else if (d < sq) {
                sq = d;
              }
            }
            b[rq] = bq;
            s[rq] = sq;
            bi[rq] = bq_i;
          }
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

  /**
   * Scores ‖c‖² − 2x·c of four rows (at offsets x0..x3 of x) against the W centroids of the panel
   * at {@code pb}, into {@code scores[r·W + w]}.
   */
  private void micro(
      float[] x,
      int x0,
      int x1,
      int x2,
      int x3,
      int pb,
      FloatVector n0,
      FloatVector n1,
      FloatVector n2,
      float[] scores) {
    float[] c = packed;
    FloatVector a00 = FloatVector.zero(F);
    FloatVector a01 = FloatVector.zero(F);
    FloatVector a02 = FloatVector.zero(F);
    FloatVector a10 = FloatVector.zero(F);
    FloatVector a11 = FloatVector.zero(F);
    FloatVector a12 = FloatVector.zero(F);
    FloatVector a20 = FloatVector.zero(F);
    FloatVector a21 = FloatVector.zero(F);
    FloatVector a22 = FloatVector.zero(F);
    FloatVector a30 = FloatVector.zero(F);
    FloatVector a31 = FloatVector.zero(F);
    FloatVector a32 = FloatVector.zero(F);
    int d = dim;
    for (int j = 0, o = pb; j < d; j++, o += W) {
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
    // ‖c‖² − 2·acc: the doubling is exact, so this rounds once, like the scalar kernel.
    a00.mul(-2f).add(n0).intoArray(scores, 0);
    a01.mul(-2f).add(n1).intoArray(scores, L);
    a02.mul(-2f).add(n2).intoArray(scores, 2 * L);
    a10.mul(-2f).add(n0).intoArray(scores, W);
    a11.mul(-2f).add(n1).intoArray(scores, W + L);
    a12.mul(-2f).add(n2).intoArray(scores, W + 2 * L);
    a20.mul(-2f).add(n0).intoArray(scores, 2 * W);
    a21.mul(-2f).add(n1).intoArray(scores, 2 * W + L);
    a22.mul(-2f).add(n2).intoArray(scores, 2 * W + 2 * L);
    a30.mul(-2f).add(n0).intoArray(scores, 3 * W);
    a31.mul(-2f).add(n1).intoArray(scores, 3 * W + L);
    a32.mul(-2f).add(n2).intoArray(scores, 3 * W + 2 * L);
  }
}
