package org.gio.core.quantize;

import java.util.Arrays;
import org.gio.core.vectors.VectorSet;

/**
 * Nearest and second-nearest centroid for blocks of rows, in the matrix form ‖x‖² + ‖c‖² − 2x·c.
 *
 * <p>Why this shape: the dot products of a block of rows with a tile of centroids are accumulated
 * as axpy updates {@code acc[r][0..T) += x[r][j] · cᵀ[j][0..T)} over a transposed centroid tile.
 * The innermost loop is a plain element-wise multiply-add over contiguous floats, which HotSpot's
 * superword pass turns into SIMD instructions without the Vector API; a tile of {@value #TILE}
 * centroids stays in L2 and the accumulators of {@value #ROWS} rows in L1. A per-pair distance
 * (one reduction per pair) cannot be vectorised that way and is several times slower.
 *
 * <p>The result for a row depends only on the row and the centroids, never on which block or
 * thread computed it. Immutable after construction; {@link #assign} is thread-safe given its own
 * scratch.
 */
final class NearestCentroids {
  static final int TILE = 64;
  static final int ROWS = 32;

  private final int k;
  private final int dim;
  private final float[][] tiles; // tile t holds centroids [t·TILE, t·TILE + TILE) transposed
  private final float[] norms; // ‖c‖², padded with +∞ so padding never wins

  NearestCentroids(VectorSet centroids) {
    this.k = centroids.size();
    this.dim = centroids.dim();
    int tileCount = (k + TILE - 1) / TILE;
    this.tiles = new float[tileCount][dim * TILE];
    this.norms = new float[tileCount * TILE];
    Arrays.fill(norms, Float.POSITIVE_INFINITY);
    float[] c = centroids.data();
    for (int i = 0; i < k; i++) {
      float[] tile = tiles[i / TILE];
      int col = i % TILE;
      double n = 0;
      for (int j = 0; j < dim; j++) {
        float v = c[i * dim + j];
        tile[j * TILE + col] = v;
        n += (double) v * v;
      }
      norms[i] = (float) n;
    }
  }

  int size() {
    return k;
  }

  /** Scratch a caller passes to {@link #assign}: one per thread. */
  static float[] scratch() {
    return new float[ROWS * TILE];
  }

  /**
   * For rows {@code [from, to)} of {@code data} (or rows {@code rowIndex[from..to)} when rowIndex
   * is not null): writes, at index {@code out + (row − from)}, the
   * nearest centroid, ‖c‖² − 2x·c for it, and the same quantity for the second-nearest (pass null
   * to skip). Add ‖x‖² to get squared distances.
   */
  void assign(
      float[] data,
      int[] rowIndex,
      int from,
      int to,
      int[] nearest,
      float[] best,
      float[] second,
      int out,
      float[] acc) {
    for (int r0 = from; r0 < to; r0 += ROWS) {
      int rn = Math.min(ROWS, to - r0);
      int o = out + (r0 - from);
      Arrays.fill(best, o, o + rn, Float.POSITIVE_INFINITY);
      if (second != null) {
        Arrays.fill(second, o, o + rn, Float.POSITIVE_INFINITY);
      }
      int[] rowBase = new int[rn];
      for (int r = 0; r < rn; r++) {
        rowBase[r] = (rowIndex == null ? r0 + r : rowIndex[r0 + r]) * dim;
      }
      for (int t = 0; t < tiles.length; t++) {
        float[] ct = tiles[t];
        Arrays.fill(acc, 0, rn * TILE, 0f);
        for (int j = 0; j < dim; j++) {
          int cb = j * TILE;
          for (int r = 0; r < rn; r++) {
            float xv = data[rowBase[r] + j];
            if (xv == 0f) {
              continue; // embeddings are dense, but images and one-hot features are not
            }
            int ab = r * TILE;
            for (int c = 0; c < TILE; c++) {
              acc[ab + c] += xv * ct[cb + c];
            }
          }
        }
        int base = t * TILE;
        for (int r = 0; r < rn; r++) {
          int ab = r * TILE;
          float b = best[o + r];
          float s = second == null ? 0f : second[o + r];
          int bi = nearest[o + r];
          for (int c = 0; c < TILE; c++) {
            float d = norms[base + c] - 2f * acc[ab + c];
            if (d < b) {
              s = b;
              b = d;
              bi = base + c;
            } else if (d < s) {
              s = d;
            }
          }
          best[o + r] = b;
          nearest[o + r] = bi;
          if (second != null) {
            second[o + r] = s;
          }
        }
      }
    }
  }
}
