package org.gio.ann;

import jakarta.inject.Inject;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Nearest available pool row on an HNSW graph built once over the whole pool by Lucene and searched
 * by our own {@link FlatHnswSearcher} over a flat copy of its links ({@link FlatHnswGraph}). Removed rows
 * stay in the graph as stepping stones and are only filtered out of the results (an accept filter),
 * so remove and refill never touch the graph. The graph's best {@code efSearch} candidates are
 * re-ranked by exact squared distance, ties to the lowest row, as {@link
 * org.gio.core.search.ExactCandidateIndex} does; when few rows remain, or the filtered search would
 * visit more nodes than an exact scan of the available rows costs, the scan answers instead, so a
 * nearly drained pool is still searched correctly. Not thread-safe, like every CandidateIndex.
 */
public final class HnswCandidateIndex implements CandidateIndex {
  /** The scan works on a compact copy once at most 1 / this share of the pool is available. */
  private static final int COMPACT_SHARE = 8;
  private final VectorSet pool;
  private final HnswOptions options;
  private final EuclideanScores scores;
  private final FlatHnswSearcher searcher; // null for an empty pool
  private final AvailableRows available;
  private final long buildNanos;
  private long graphAnswers;
  private long graphVisits;
  /**
   * Running mean of a graph search's visits per unit of {@link #reach}. A filtered search has to
   * wade through about size / available removed rows per useful one, so this predicts the next
   * search's visits; when that exceeds the available rows, the exact scan is cheaper and is used
   * without first paying for a search that would be abandoned.
   */
  private double visitsPerReach = -1;
  /**
   * Once few rows remain, a screened scan over a contiguous copy of them ({@link CompactScan}).
   * Re-copied when removals have halved it, dropped on refill, so the copying stays O(1) per
   * removed row.
   */
  private CompactScan compact;

  private HnswCandidateIndex(VectorSet pool, VectorOps ops, HnswOptions options) {
    this.pool = pool;
    this.options = options;
    this.scores = new EuclideanScores(pool, ops);
    this.available = new AvailableRows(pool.size());
    long start = System.nanoTime();
    OnHeapHnswGraph graph =
        pool.isEmpty()
            ? null
            : options.graphCache() == null
                ? GraphBuild.build(pool, scores, options)
                : GraphCache.loadOrBuild(options.graphCache(), pool, scores, options);
    // Lucene's graph is only needed until its links are copied; it is not kept.
    FlatHnswGraph flat = graph == null ? null : FlatHnswGraph.of(graph);
    this.searcher =
        flat == null ? null : new FlatHnswSearcher(flat, NodeVectors.of(scores, flat.rows()));
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

  /** Nodes scored by graph searches so far (abandoned searches included): the graph's work. */
  public long graphVisits() {
    return graphVisits;
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
    int ef = queryEf(want);
    if (available.count() > options.exactScanRows()
        && graphLooksCheaper(ef)
        && searchGraph(query, want, ef, best)) {
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

  private boolean graphLooksCheaper(int ef) {
    if (!options.scanWhenCheaper() || visitsPerReach < 0) {
      return true;
    }
    return visitsPerReach * reach(ef) < available.count();
  }

  /**
   * How many graph nodes a filtered search for {@code ef} available rows has to wade through: about
   * ef × size / available, since removed rows stay in the graph as stepping stones.
   */
  private double reach(int ef) {
    return ef * (double) pool.size() / available.count();
  }

  private void learnVisits(long visited, int ef) {
    double sample = visited / reach(ef);
    visitsPerReach = visitsPerReach < 0 ? sample : 0.9 * visitsPerReach + 0.1 * sample;
  }

  /**
   * The breadth of the next search. A filtered search keeps {@code ef} <em>available</em> rows, so
   * with a share s of the pool available it already explores about ef / s nodes; scaling ef by s
   * keeps the cost from growing by 1 / s. Not below efSearch / 2: at 1M × 128 with 95 % removed an
   * ef of 15–20 dropped recall@1 to 0.95–0.96, because the re-ranked pool gets too small; at 50 %
   * removed ef / 2 kept it at 0.992 (gio-bench/docs/ann.md). With the floor, heavy removal makes
   * the graph search costlier than the (compact) scan, which then answers exactly.
   */
  int queryEf(int want) {
    int ef = options.efSearch();
    if (options.efFollowsAvailable()) {
      ef = Math.max((int) Math.ceil(ef * (double) available.count() / pool.size()), (ef + 1) / 2);
    }
    return Math.max(want, ef);
  }

  /**
   * Fills {@code best} from the graph; false when the graph cannot answer well (the visit budget
   * ran out, or fewer than {@code want} available rows were reached).
   */
  private boolean searchGraph(float[] query, int want, int topK, NearestRows best) {
    int visitLimit = options.scanWhenCheaper() ? available.count() : Integer.MAX_VALUE;
    searcher.search(query, topK, available.all() ? null : available, visitLimit);
    graphVisits += searcher.visitedCount();
    learnVisits(searcher.visitedCount(), topK);
    if (searcher.earlyTerminated()) {
      return false;
    }
    int found = searcher.resultCount();
    if (found < want) {
      return false;
    }
    int rerank = options.rerank() == 0 ? 0 : Math.min(found, Math.max(want, options.rerank()));
    if (rerank < found) { // only a prefix is used: it must be the nearest ones
      searcher.sortResults();
    }
    if (rerank == 0) {
      for (int i = 0; i < want; i++) {
        best.offer(searcher.resultRow(i), searcher.resultDistance(i));
      }
    } else {
      for (int i = 0; i < rerank; i++) {
        int row = searcher.resultRow(i);
        best.offer(row, scores.squaredDistance(query, 0, row));
      }
    }
    return true;
  }

  /** Exact answer over the available rows only. */
  private void scan(float[] query, NearestRows best) {
    int count = available.count();
    if (count <= pool.size() / COMPACT_SHARE) {
      if (compact == null || compact.size() > 2 * count) {
        compact = CompactScan.of(pool, available);
      }
      compact.scan(query, available, scores.ops(), best);
      return;
    }
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
    compact = null;
  }
}
