package org.gio.io.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;

/**
 * Reads chunk k + 1 on a helper thread while the visitor computes on chunk k, through two
 * reused buffers (the visitor may keep no reference to a chunk after it returns, as {@link
 * VectorSource} says). Chunks arrive in order; a failure while reading reaches the visitor's thread
 * as the same exception, after the chunks before it. Shared by the .npy and the vecs sources.
 */
public final class ReadAhead {
  /** Fills {@code data} with chunk {@code index}'s values (rows × dim floats). */
  public interface Filler {
    void fill(long index, float[] data) throws Exception;
  }

  private record Filled(long first, int rows, float[] data, Throwable failure) {}

  private ReadAhead() {}

  /**
   * Visits {@code chunks} chunks of {@code perChunk} rows (the last one of the rest), reading each
   * with {@code filler} one chunk ahead.
   */
  public static void run(long rows, int perChunk, int dim, String name, Filler filler, VectorSource.ChunkVisitor visitor) {
    long chunks = (rows + perChunk - 1) / perChunk;
    BlockingQueue<float[]> free = new ArrayBlockingQueue<>(2);
    BlockingQueue<Filled> ready = new ArrayBlockingQueue<>(2);
    free.add(new float[perChunk * dim]);
    free.add(new float[perChunk * dim]);
    AtomicBoolean stopped = new AtomicBoolean();
    Thread reader = new Thread(() -> {
      for (long k = 0; k < chunks; k++) {
        int n = (int) Math.min(perChunk, rows - k * perChunk);
        float[] data = poll(free, stopped);
        if (data == null) {
          return; // the visitor failed: stop reading
        }
        if (n < perChunk) {
          data = new float[n * dim]; // the short last chunk: a VectorSet's array is exactly its rows
        }
        Filled next;
        try {
          filler.fill(k, data);
          next = new Filled(k * perChunk, n, data, null);
        } catch (Exception | Error e) {
          next = new Filled(0, 0, null, e);
        }
        if (!offer(ready, next, stopped) || next.failure() != null) {
          return;
        }
      }
    }, name);
    reader.setDaemon(true);
    reader.start();
    try {
      for (long k = 0; k < chunks; k++) {
        Filled f = take(ready);
        if (f.failure() != null) {
          rethrow(f.failure());
        }
        visitor.accept(f.first(), VectorSet.wrap(f.data(), f.rows(), dim));
        if (f.rows() == perChunk) {
          free.add(f.data());
        }
      }
    } finally {
      // Not an interrupt: it would close the file channel under a positioned read.
      stopped.set(true);
      try {
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T poll(BlockingQueue<T> queue, AtomicBoolean stopped) {
    try {
      T item;
      while ((item = queue.poll(20, TimeUnit.MILLISECONDS)) == null) {
        if (stopped.get()) {
          return null;
        }
      }
      return item;
    } catch (InterruptedException e) {
      return null;
    }
  }

  private static <T> boolean offer(BlockingQueue<T> queue, T item, AtomicBoolean stopped) {
    try {
      while (!queue.offer(item, 20, TimeUnit.MILLISECONDS)) {
        if (stopped.get()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static Filled take(BlockingQueue<Filled> ready) {
    try {
      return ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading ahead", e);
    }
  }

  private static void rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
