package org.gio.ann;

import org.apache.lucene.util.VectorUtil;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The pool's vectors in the node order of a {@link FlatHnswGraph} (node i is pool row {@code
 * rowOf[i]}), for graph navigation. A search at 1M × 128 scores some ten thousand nodes, almost all
 * in one region of the data; in pool order those rows are scattered over the whole pool (512 MB)
 * and nearly every one is a cache and TLB miss, in graph order (see {@link FlatHnswGraph}) they sit
 * in a few megabytes. With a vectorised {@link VectorOps} this is a copy of the pool (its size
 * again in memory); with the scalar reference the per-row arrays {@link EuclideanScores} already
 * holds are only re-indexed (no copy, and no locality gain).
 */
final class NodeVectors {
  private final float[] data; // node order; null when arrays is used
  private final float[][] arrays;
  private final VectorOps ops;
  private final int dim;

  private NodeVectors(float[] data, float[][] arrays, VectorOps ops, int dim) {
    this.data = data;
    this.arrays = arrays;
    this.ops = ops;
    this.dim = dim;
  }

  static NodeVectors of(EuclideanScores scores, int[] rowOf) {
    VectorSet rows = scores.rows();
    int dim = rows.dim();
    float[][] rowArrays = scores.rowArrays();
    if (rowArrays != null) {
      float[][] arrays = new float[rowOf.length][];
      for (int node = 0; node < rowOf.length; node++) {
        arrays[node] = rowArrays[rowOf[node]];
      }
      return new NodeVectors(null, arrays, scores.ops(), dim);
    }
    float[] data = new float[Math.multiplyExact(rowOf.length, dim)];
    for (int node = 0; node < rowOf.length; node++) {
      System.arraycopy(rows.data(), rows.offset(rowOf[node]), data, node * dim, dim);
    }
    return new NodeVectors(data, null, scores.ops(), dim);
  }

  /**
   * The float squared distance navigation orders by, with the kernel {@link EuclideanScores}'
   * scorer uses for the build: the active {@link VectorOps} when vectorised, else Lucene's.
   */
  float distance(float[] query, int node) {
    float[][] a = arrays;
    if (a != null) {
      return VectorUtil.squareDistance(query, a[node]);
    }
    return (float) ops.squaredDistance(query, 0, data, node * dim, dim);
  }
}
