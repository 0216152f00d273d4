package org.gio.ann;

import java.util.stream.IntStream;
import jakarta.inject.Inject;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * ρ_k (ALGORITHM.md §1) on an HNSW graph over the target itself: each row asks the graph for its
 * {@code max(k + 1, efSearch)} nearest rows, drops itself by index (not by distance, so a duplicate
 * still counts as a neighbour at distance 0, as in the exact search), re-ranks them exactly and
 * keeps the k-th. Targets smaller than {@link HnswOptions#kthGraphMinRows()} (default 10,000) use
 * the exact all-pairs search instead: it costs n²·d, the graph about n·(a few thousand)·d for the
 * build plus the same again for the queries. Measured at d = 128 with the scalar kernels the graph
 * wins from about 5,000 rows (gio-bench/docs/ann.md); SIMD kernels speed up the all-pairs pass
 * several times more than the graph, which moves the crossover up. 10,000 sits between, and below
 * it the exact pass takes seconds and is free of approximation.
 */
public final class HnswKthNeighbourSearch implements KthNeighbourSearch {
  /** Rows searched by one searcher (each holds an int per target row for its visited set). */
  private static final int ROWS_PER_SEARCHER = 4096;
  private final VectorOps ops;
  private final HnswOptions options;

  @Inject
  public HnswKthNeighbourSearch(VectorOps ops, HnswOptions options) {
    this.ops = ops;
    this.options = options;
  }

  @Override
  public double[] kthNeighbourDistances(VectorSet x, int k) {
    int n = x.size();
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k = " + k + " needs 1 ≤ k < n = " + n);
    }
    if (n < options.kthGraphMinRows()) {
      return new ExactKthNeighbourSearch(ops).kthNeighbourDistances(x, k);
    }
    EuclideanScores scores = new EuclideanScores(x, ops);
    FlatHnswGraph graph = FlatHnswGraph.of(GraphBuild.build(x, scores, options));
    NodeVectors vectors = NodeVectors.of(scores, graph.rows());
    int topK = Math.max(k + 1, options.efSearch());
    double[] rho = new double[n];
    // Rows are independent, the graph is only read, and a searcher's answer for a row does not
    // depend on what it searched before; so blocks of rows, each with its own searcher, give the
    // same answer on any number of threads.
    int blocks = (n + ROWS_PER_SEARCHER - 1) / ROWS_PER_SEARCHER;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              FlatHnswSearcher searcher = new FlatHnswSearcher(graph, vectors);
              float[] query = new float[x.dim()];
              for (int i = b * ROWS_PER_SEARCHER; i < Math.min(n, (b + 1) * ROWS_PER_SEARCHER); i++) {
                rho[i] = ClippedDistance.delta(kthSquared(x, i, k, topK, scores, searcher, query));
              }
            });
    return rho;
  }

  private double kthSquared(
      VectorSet x, int i, int k, int topK, EuclideanScores scores, FlatHnswSearcher searcher,
      float[] query) {
    NearestRows best = new NearestRows(k);
    System.arraycopy(x.data(), x.offset(i), query, 0, x.dim());
    searcher.search(query, topK, null, Long.MAX_VALUE);
    for (int r = 0; r < searcher.resultCount(); r++) {
      int row = searcher.resultRow(r);
      if (row != i) {
        best.offer(row, scores.squaredDistance(x.data(), x.offset(i), row));
      }
    }
    if (best.size() < k) { // the graph reached too few rows: fall back to this row's full scan
      best.clear();
      for (int j = 0; j < x.size(); j++) {
        if (j != i) {
          best.offer(j, scores.squaredDistance(x.data(), x.offset(i), j));
        }
      }
    }
    return best.distance(k - 1);
  }
}
