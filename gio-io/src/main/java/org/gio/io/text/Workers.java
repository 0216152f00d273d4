package org.gio.io.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed number of threads for one embedder's calls: the calling thread plus {@code size - 1}
 * daemon threads, so {@code size} tasks never oversubscribe {@code size} cores.
 */
final class Workers implements AutoCloseable {
  private final int size;
  private final ExecutorService pool;

  Workers(int size) {
    this.size = size;
    this.pool = size == 1 ? null : Executors.newFixedThreadPool(size - 1, r -> {
      Thread t = new Thread(r, "gio-embed");
      t.setDaemon(true);
      return t;
    });
  }

  int size() {
    return size;
  }

  /** Runs {@code task(0) … task(tasks - 1)}, at most {@link #size()} at once; rethrows a failure. */
  void run(int tasks, IntConsumer task) {
    if (tasks <= 1 || pool == null) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    List<Future<?>> others = new ArrayList<>();
    for (int i = 1; i < tasks; i++) {
      int at = i;
      others.add(pool.submit(() -> task.accept(at)));
    }
    RuntimeException failure = null;
    try {
      task.accept(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
