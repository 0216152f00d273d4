package org.gio.ann;

import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Lucene's EUCLIDEAN similarity, 1 / (1 + ‖a − b‖²), for the graph, and exact squared distances
 * for re-ranking. Navigating the graph only needs a good order, so it takes the fastest float
 * kernel at hand: the active {@link VectorOps} when it is a vectorised one (the simd backend is
 * 3–5× faster than Lucene's portable loop on Java 17, where Lucene does not vectorise), else
 * Lucene's own ({@link VectorUtil#squareDistance}), which beats the double-accumulating scalar
 * reference; that one wants one array per row, so the rows are then copied once (the pool's size
 * again in memory). Exact answers always go through the active {@link VectorOps}, so re-ranked
 * results agree with the exact scan.
 */
final class EuclideanScores implements RandomVectorScorerSupplier {
  private final VectorSet rows;
  private final float[][] rowArrays;
  private final VectorOps ops;

  EuclideanScores(VectorSet rows, VectorOps ops) {
    this.rows = rows;
    this.ops = ops;
    if (ops instanceof ScalarVectorOps) {
      this.rowArrays = new float[rows.size()][];
      for (int r = 0; r < rowArrays.length; r++) {
        rowArrays[r] = rows.row(r);
      }
    } else {
      this.rowArrays = null;
    }
  }

  VectorSet rows() {
    return rows;
  }

  /** One array per row when navigation uses Lucene's kernel, else null. */
  float[][] rowArrays() {
    return rowArrays;
  }

  VectorOps ops() {
    return ops;
  }

  /** The squared distance a similarity came from (approximate: the similarity is a float). */
  static double squaredDistance(float similarity) {
    return 1.0 / similarity - 1.0;
  }

  /** Exact squared distance from a query to one row. */
  double squaredDistance(float[] query, int queryOffset, int row) {
    return ops.squaredDistance(query, queryOffset, rows.data(), rows.offset(row), rows.dim());
  }

  /** Scores every row against a query of exactly {@code dim} components. */
  RandomVectorScorer query(float[] query) {
    int size = rows.size();
    float[][] arrays = rowArrays;
    if (arrays == null) {
      float[] data = rows.data();
      int dim = rows.dim();
      return new RandomVectorScorer() {
        @Override
        public float score(int node) {
          return (float) (1.0 / (1.0 + ops.squaredDistance(query, 0, data, node * dim, dim)));
        }

        @Override
        public int maxOrd() {
          return size;
        }
      };
    }
    return new RandomVectorScorer() {
      @Override
      public float score(int node) {
        return 1f / (1f + VectorUtil.squareDistance(query, arrays[node]));
      }

      @Override
      public int maxOrd() {
        return size;
      }
    };
  }

  @Override
  public RandomVectorScorer scorer(int ord) {
    return query(rowArrays != null ? rowArrays[ord] : rows.row(ord));
  }

  /** Read-only after construction (VectorOps is thread-safe), so every builder thread can share this one. */
  @Override
  public RandomVectorScorerSupplier copy() {
    return this;
  }
}
