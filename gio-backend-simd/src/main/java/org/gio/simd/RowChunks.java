package org.gio.simd;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs work over fixed row chunks on a private pool of a chosen size. Chunk boundaries depend only
 * on the data shape, never on the thread count, and callers reduce per-chunk partials in chunk
 * order: that is what makes results bit-identical on any number of threads (DESIGN.md invariant 4).
 */
final class RowChunks {
  private final int threads;
  private final ForkJoinPool pool;

  RowChunks(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.pool =
        threads == 1
            ? null
            : new ForkJoinPool(
                threads,
                p -> {
                  ForkJoinWorkerThread t =
                      ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                  t.setName("gio-simd-" + t.getPoolIndex());
                  t.setDaemon(true);
                  return t;
                },
                null,
                false);
  }

  int threads() {
    return threads;
  }

  /** Calls {@code task} for every chunk index in [0, chunks), in parallel when that is allowed. */
  void forEach(int chunks, boolean parallel, IntConsumer task) {
    if (pool == null || !parallel || chunks < 2) {
      for (int c = 0; c < chunks; c++) {
        task.accept(c);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(task)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Stops the private pool's threads (they are daemons, so this is only tidiness). */
  void close() {
    if (pool != null) {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
