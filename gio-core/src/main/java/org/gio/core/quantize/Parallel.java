package org.gio.core.quantize;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent, fixed-size blocks of work on a pool. Block boundaries never depend on the
 * thread count, and callers combine per-block results in block order, which is what makes K-means
 * give the same centroids bit for bit on any number of threads (DESIGN.md invariant 4).
 */
final class Parallel {
  private Parallel() {}

  static void forEachBlock(ForkJoinPool pool, int blocks, IntConsumer body) {
    if (pool == null || pool.getParallelism() == 1 || blocks <= 1) {
      for (int b = 0; b < blocks; b++) {
        body.accept(b);
      }
      return;
    }
    // Submitting the parallel stream from inside the pool makes its tasks run on that pool.
    pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(body)).join();
  }

  static int blocks(int rows, int blockSize) {
    return (rows + blockSize - 1) / blockSize;
  }
}
