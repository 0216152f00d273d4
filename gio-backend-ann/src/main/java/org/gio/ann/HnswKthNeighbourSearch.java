package org.gio.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
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
    OnHeapHnswGraph graph = GraphBuild.build(x, scores, options);
    int topK = Math.max(k + 1, options.efSearch());
    double[] rho = new double[n];
    // Rows are independent and the built graph is only read (Lucene's on-heap searcher keeps no
    // cursor in the graph), so the answer does not depend on the number of threads.
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> rho[i] = ClippedDistance.delta(kthSquared(x, i, k, topK, scores, graph)));
    return rho;
  }

  private double kthSquared(
      VectorSet x, int i, int k, int topK, EuclideanScores scores, OnHeapHnswGraph graph) {
    NearestRows best = new NearestRows(k);
    ScoreDoc[] found;
    try {
      found =
          HnswGraphSearcher.search(
                  scores.query(x.row(i)), topK, graph, null, Integer.MAX_VALUE)
              .topDocs()
              .scoreDocs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (ScoreDoc d : found) {
      if (d.doc != i) {
        best.offer(d.doc, scores.squaredDistance(x.data(), x.offset(i), d.doc));
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
