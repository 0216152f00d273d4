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

  /** Σ values[0, n) summed per block of {@code blockSize}, blocks added in order. */
  static double sum(ForkJoinPool pool, double[] values, int n, int blockSize) {
    int blocks = blocks(n, blockSize);
    double[] partial = new double[blocks];
    forEachBlock(pool, blocks, b -> {
      double s = 0;
      for (int i = b * blockSize, end = Math.min(n, i + blockSize); i < end; i++) {
        s += values[i];
      }
      partial[b] = s;
    });
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  static int blocks(int rows, int blockSize) {
    return (rows + blockSize - 1) / blockSize;
  }
}
