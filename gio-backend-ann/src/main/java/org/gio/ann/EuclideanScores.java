package org.gio.ann;

import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Lucene's EUCLIDEAN similarity, 1 / (1 + ‖a − b‖²), read straight from a {@link VectorSet}'s
 * row-major array through the active {@link VectorOps}. Going through Lucene's {@code
 * RandomAccessVectorValues} would copy every row into its own {@code float[]} per comparison; here
 * a row is an offset.
 */
final class EuclideanScores implements RandomVectorScorerSupplier {
  private final VectorSet rows;
  private final VectorOps ops;

  EuclideanScores(VectorSet rows, VectorOps ops) {
    this.rows = rows;
    this.ops = ops;
  }

  /** The similarity Lucene ranks by; monotone decreasing in the squared distance. */
  static float similarity(double squaredDistance) {
    return (float) (1.0 / (1.0 + squaredDistance));
  }

  /** The squared distance a similarity came from (approximate: the similarity is a float). */
  static double squaredDistance(float similarity) {
    return 1.0 / similarity - 1.0;
  }

  /** Exact squared distance from a query to one row. */
  double squaredDistance(float[] query, int queryOffset, int row) {
    return ops.squaredDistance(query, queryOffset, rows.data(), rows.offset(row), rows.dim());
  }

  /** Scores every row against a query held in {@code query} from {@code offset}. */
  RandomVectorScorer query(float[] query, int offset) {
    int size = rows.size();
    return new RandomVectorScorer() {
      @Override
      public float score(int node) {
        return similarity(squaredDistance(query, offset, node));
      }

      @Override
      public int maxOrd() {
        return size;
      }
    };
  }

  @Override
  public RandomVectorScorer scorer(int ord) {
    return query(rows.data(), rows.offset(ord));
  }

  /** Stateless (VectorOps is thread-safe), so every builder thread can share this one. */
  @Override
  public RandomVectorScorerSupplier copy() {
    return this;
  }
}
