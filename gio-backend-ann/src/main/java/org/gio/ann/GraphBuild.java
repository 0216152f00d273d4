package org.gio.ann;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.gio.core.vectors.VectorSet;

/**
 * Builds the HNSW graph over a set of rows, kept apart from searching as in Lucene's {@code
 * util.hnsw}. One thread uses {@link HnswGraphBuilder} with our seed, so the same rows give the same
 * graph. Several threads use Lucene's {@link HnswConcurrentMergeBuilder}: faster, but which thread
 * links which node first depends on scheduling, so the graph (and, rarely, an approximate answer)
 * can differ between runs.
 */
final class GraphBuild {
  /** Below this many rows a concurrent build is not worth its threads (Lucene hands out work in batches of 2048). */
  private static final int MIN_ROWS_PER_THREAD = 2048;

  private GraphBuild() {}

  static OnHeapHnswGraph build(VectorSet rows, EuclideanScores scores, HnswOptions options) {
    int n = rows.size();
    try {
      HnswGraphBuilder single =
          HnswGraphBuilder.create(scores, options.maxConn(), options.beamWidth(), options.seed(), n);
      int threads = Math.min(options.buildThreads(), Math.max(1, n / MIN_ROWS_PER_THREAD));
      if (threads <= 1) {
        return single.build(n);
      }
      // The concurrent builder needs an empty graph sized for n; Lucene only lets us get one from
      // a builder, so the single-threaded builder above lends it.
      ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
      try {
        HnswConcurrentMergeBuilder concurrent =
            new HnswConcurrentMergeBuilder(
                new TaskExecutor(executor),
                threads,
                scores,
                options.maxConn(),
                options.beamWidth(),
                single.getGraph(),
                null);
        return concurrent.build(n);
      } finally {
        executor.shutdown();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("HNSW graph build failed", e); // in-memory: not expected
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "gio-hnsw-build-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
