package org.gio.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import jakarta.inject.Inject;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Nearest available pool row on a Lucene HNSW graph built once over the whole pool. Removed rows
 * stay in the graph as stepping stones and are only filtered out of the results (an accept filter),
 * so remove and refill never touch the graph. The graph's best {@code efSearch} candidates are
 * re-ranked by exact squared distance, ties to the lowest row, as {@link
 * org.gio.core.search.ExactCandidateIndex} does; when few rows remain, or the filtered search would
 * visit more nodes than an exact scan of the available rows costs, the scan answers instead, so a
 * nearly drained pool is still searched correctly. Not thread-safe, like every CandidateIndex.
 */
public final class HnswCandidateIndex implements CandidateIndex {
  private final VectorSet pool;
  private final HnswOptions options;
  private final EuclideanScores scores;
  private final OnHeapHnswGraph graph; // null for an empty pool
  private final AvailableRows available;
  private final long buildNanos;
  private long graphAnswers;
  /**
   * Running mean of a graph search's visits scaled to a full pool (visits × available / size). A
   * filtered search has to wade through about size / available removed rows per useful one, so this
   * predicts the next search's visits; when that exceeds the available rows, the exact scan is
   * cheaper and is used without first paying for a search that would be abandoned.
   */
  private double visitsAtFullPool = -1;

  private HnswCandidateIndex(VectorSet pool, VectorOps ops, HnswOptions options) {
    this.pool = pool;
    this.options = options;
    this.scores = new EuclideanScores(pool, ops);
    this.available = new AvailableRows(pool.size());
    long start = System.nanoTime();
    this.graph =
        pool.isEmpty()
            ? null
            : options.graphCache() == null
                ? GraphBuild.build(pool, scores, options)
                : GraphCache.loadOrBuild(options.graphCache(), pool, scores, options);
    this.buildNanos = System.nanoTime() - start;
  }

  /** Builds the graph over every row of {@code pool} (all rows start available). */
  public static HnswCandidateIndex build(VectorSet pool, VectorOps ops, HnswOptions options) {
    return new HnswCandidateIndex(pool, ops, options);
  }

  /** The factory bound by {@link HnswModule}. */
  public static final class Factory implements CandidateIndexFactory {
    private final VectorOps ops;
    private final HnswOptions options;

    @Inject
    public Factory(VectorOps ops, HnswOptions options) {
      this.ops = ops;
      this.options = options;
    }

    @Override
    public String name() {
      return HnswBackend.NAME;
    }

    @Override
    public CandidateIndex build(VectorSet pool) {
      return HnswCandidateIndex.build(pool, ops, options);
    }
  }

  /** Wall time the graph build (or its load from {@link HnswOptions#graphCache()}) took. */
  public long buildNanos() {
    return buildNanos;
  }

  /** Queries the graph answered so far; the others were exact scans of the available rows. */
  public long graphAnswers() {
    return graphAnswers;
  }

  public HnswOptions options() {
    return options;
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public int available() {
    return available.count();
  }

  @Override
  public int nearest(float[] query) {
    int[] out = new int[1];
    return nearest(query, 1, out) == 1 ? out[0] : -1;
  }

  @Override
  public int nearest(float[] query, int count, int[] out) {
    int want = Math.min(count, available.count());
    if (want <= 0) {
      return 0;
    }
    NearestRows best = new NearestRows(want);
    if (available.count() > options.exactScanRows()
        && graphLooksCheaper()
        && searchGraph(query, want, best)) {
      graphAnswers++;
    } else {
      best.clear();
      scan(query, best);
    }
    for (int i = 0; i < want; i++) {
      out[i] = best.row(i);
    }
    return want;
  }

  private boolean graphLooksCheaper() {
    if (!options.scanWhenCheaper() || visitsAtFullPool < 0) {
      return true;
    }
    return visitsAtFullPool * pool.size() / available.count() < available.count();
  }

  private void learnVisits(long visited) {
    double sample = visited * (double) available.count() / pool.size();
    visitsAtFullPool = visitsAtFullPool < 0 ? sample : 0.9 * visitsAtFullPool + 0.1 * sample;
  }

  /**
   * Fills {@code best} from the graph; false when the graph cannot answer well (the visit budget
   * ran out, or fewer than {@code want} available rows were reached).
   */
  private boolean searchGraph(float[] query, int want, NearestRows best) {
    int topK = Math.max(want, options.efSearch());
    int visitLimit = options.scanWhenCheaper() ? available.count() : Integer.MAX_VALUE;
    KnnCollector collector;
    try {
      collector =
          HnswGraphSearcher.search(
              scores.query(query), topK, graph, available.all() ? null : available, visitLimit);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory scoring never throws
    }
    learnVisits(collector.visitedCount());
    if (collector.earlyTerminated()) {
      return false;
    }
    ScoreDoc[] found = collector.topDocs().scoreDocs; // best first
    if (found.length < want) {
      return false;
    }
    int rerank = options.rerank() == 0 ? 0 : Math.min(found.length, Math.max(want, options.rerank()));
    if (rerank == 0) {
      for (int i = 0; i < want; i++) {
        best.offer(found[i].doc, EuclideanScores.squaredDistance(found[i].score));
      }
    } else {
      for (int i = 0; i < rerank; i++) {
        best.offer(found[i].doc, scores.squaredDistance(query, 0, found[i].doc));
      }
    }
    return true;
  }

  /** Exact answer over the available rows only. */
  private void scan(float[] query, NearestRows best) {
    for (int row = available.next(0); row >= 0; row = available.next(row + 1)) {
      best.offer(row, scores.squaredDistance(query, 0, row));
    }
  }

  @Override
  public void remove(int row) {
    available.remove(row);
  }

  @Override
  public void refill() {
    available.refill();
  }
}
