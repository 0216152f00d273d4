package org.gio.simd;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a pass over fixed chunks of rows on the calling thread plus a small team of helper threads.
 * Chunk boundaries depend only on the data shape, never on the thread count, each chunk's output is
 * a pure function of its index, and callers reduce chunk outputs in chunk order: that is what makes
 * results bit-identical on any number of threads (DESIGN.md invariant 4).
 *
 * <p>Why not a {@code ForkJoinPool}: one descent step over X takes ~0.15 ms and GIO makes 50 in a
 * row per iteration, so waking parked pool threads for every step cost a large share of it. Here
 * the caller works on the chunks itself and helpers poll briefly between passes before parking.
 *
 * <p>Why helpers cannot stall a pass: a helper computes into its own buffer and publishes a chunk
 * only if nobody has yet (a compare-and-set per chunk), and the caller, once no chunk is left to
 * claim, waits about one chunk's time for those still in flight and then computes them itself. So a
 * helper descheduled on a busy machine costs at most one chunk, never its time slice, and a stale
 * helper that wakes up during a later pass finds its chunk published and drops its work. Completion
 * never depends on a helper: they are accelerators, started on demand and exiting when idle.
 *
 * <p>One pass runs at a time; a call from a second thread meanwhile, or from inside a chunk, runs
 * its chunks on the calling thread instead (same chunks, same bits).
 */
final class RowChunks {
  /** Output of chunk {@code c} into {@code out[offset, offset + its length)}. */
  interface ChunkKernel {
    void compute(int chunk, double[] out, int offset);
  }

  /** How long an idle helper keeps polling for the next pass before parking. */
  private static final long SPIN_NANOS = 50_000;
  /** A helper idle this long exits (restarted by the next parallel pass). */
  private static final long DEFAULT_IDLE_NANOS = 2_000_000_000L;

  private final int threads;
  private final long idleNanos;
  private final ReentrantLock running = new ReentrantLock();
  private final Thread[] helpers;
  /** The current pass, or {@link #IDLE} between passes so a finished pass's inputs can be freed. */
  private volatile Pass pass = IDLE;
  /** Passes run in parallel so far (only touched under {@link #running}). */
  private long passes;
  /** Mean nanoseconds the caller took per chunk of the last pass: how long a straggler is awaited. */
  private long chunkNanos = 20_000;

  RowChunks(int threads) {
    this(threads, DEFAULT_IDLE_NANOS);
  }

  RowChunks(int threads, long idleNanos) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.idleNanos = idleNanos;
    this.helpers = new Thread[threads - 1];
  }

  int threads() {
    return threads;
  }

  /**
   * Fills {@code dest[offset + c·width, …)} with chunk c's output for every c in [0, chunks); the
   * last chunk's output ends at {@code end}.
   */
  void run(int chunks, int width, boolean parallel, ChunkKernel kernel, double[] dest, int offset,
      int end) {
    if (threads == 1 || !parallel || chunks < 2 || isHelper() || running.isHeldByCurrentThread()
        || !running.tryLock()) {
      for (int c = 0; c < chunks; c++) {
        kernel.compute(c, dest, offset + c * width);
      }
      return;
    }
    try {
      Pass p = new Pass(++passes, chunks, width, kernel, dest, offset, end);
      pass = p;
      wakeHelpers();
      long start = System.nanoTime();
      int own;
      try {
        own = p.claimAll(null);
      } catch (RuntimeException | Error e) {
        p.close(); // so no helper publishes into dest after we return
        throw e;
      }
      if (own > 0) {
        chunkNanos = (System.nanoTime() - start) / own;
      }
      p.finish(chunkNanos);
    } finally {
      pass = IDLE; // helpers see a pass with nothing to claim and go back to waiting
      running.unlock();
    }
  }

  private boolean isHelper() {
    return Thread.currentThread() instanceof Helper;
  }

  private void wakeHelpers() {
    for (int i = 0; i < helpers.length; i++) {
      Thread h = helpers[i];
      if (h == null || !h.isAlive()) {
        h = new Helper(this, i + 1);
        helpers[i] = h;
        h.start();
      } else {
        LockSupport.unpark(h); // sets a permit if it is still polling; wakes it if parked
      }
    }
  }

  /** Helper threads alive now (for tests of the idle exit). */
  int liveHelpers() {
    int live = 0;
    for (Thread h : helpers) {
      live += h != null && h.isAlive() ? 1 : 0;
    }
    return live;
  }

  private static final class Helper extends Thread {
    private final RowChunks team;
    private double[] buffer = new double[0];

    Helper(RowChunks team, int index) {
      super("gio-simd-" + index);
      this.team = team;
      setDaemon(true);
    }

    @Override
    public void run() {
      long seen = IDLE.number;
      while (true) {
        long next = team.awaitPass(seen);
        if (next < 0) {
          return; // idle too long
        }
        seen = next;
        help(next);
      }
    }

    /**
     * Works on pass {@code number} if it is still the current one. The pass is only held in this
     * frame, so a helper waiting for the next pass keeps none of the last one's inputs reachable.
     */
    private void help(long number) {
      Pass p = team.pass;
      if (p.number != number) {
        return;
      }
      if (buffer.length < p.width) {
        buffer = new double[p.width];
      }
      p.claimAll(buffer);
    }
  }

  /** The number of the next pass after {@code seen}, or −1 when none came within the idle time. */
  private long awaitPass(long seen) {
    long now = System.nanoTime();
    long spinUntil = now + SPIN_NANOS;
    long idleUntil = now + idleNanos;
    int polls = 0;
    long next;
    while ((next = pass.number) == seen) {
      if ((++polls & 63) != 0) {
        Thread.onSpinWait();
        continue;
      }
      now = System.nanoTime();
      if (now > idleUntil) {
        return -1;
      }
      if (now > spinUntil) {
        LockSupport.parkNanos(this, idleUntil - now);
      }
    }
    return next;
  }

  private static final Pass IDLE = new Pass(0, 0, 0, null, null, 0, 0);

  /** One pass: chunks are claimed from a shared counter; outputs are published once each. */
  private static final class Pass {
    private static final int OPEN = 0;
    private static final int COPYING = 1;
    private static final int DONE = 2;

    /** Numbers passes of one team from 1 (0 is {@link #IDLE}), so helpers need not hold one. */
    final long number;
    final int chunks;
    final int width;
    final ChunkKernel kernel;
    final double[] dest;
    final int offset;
    final int end;
    final AtomicInteger next = new AtomicInteger();
    final AtomicIntegerArray state;

    Pass(long number, int chunks, int width, ChunkKernel kernel, double[] dest, int offset,
        int end) {
      this.number = number;
      this.chunks = chunks;
      this.width = width;
      this.kernel = kernel;
      this.dest = dest;
      this.offset = offset;
      this.end = end;
      this.state = new AtomicIntegerArray(chunks);
    }

    /**
     * Claims and computes chunks until none is left to claim; returns how many. The caller ({@code
     * buffer} null) writes its claims straight into dest, as nobody else computes them; a helper
     * computes into its buffer and publishes, since the caller may be recomputing the same chunk.
     */
    int claimAll(double[] buffer) {
      int done = 0;
      for (int c; (c = next.getAndIncrement()) < chunks; done++) {
        if (buffer == null) {
          kernel.compute(c, dest, offset + c * width);
          state.set(c, DONE);
          continue;
        }
        try {
          computeAndPublish(c, buffer);
        } catch (RuntimeException | Error e) {
          return done; // the caller recomputes the chunk and meets the same exception itself
        }
      }
      return done;
    }

    private void computeAndPublish(int c, double[] buffer) {
      kernel.compute(c, buffer, 0);
      if (state.compareAndSet(c, OPEN, COPYING)) {
        int from = offset + c * width;
        System.arraycopy(buffer, 0, dest, from, Math.min(width, end - from));
        state.set(c, DONE);
      }
    }

    /**
     * Waits for chunks still in flight on helpers; one that takes longer than about a chunk's time
     * is recomputed here (its helper was most likely descheduled). A helper descheduled in the
     * middle of publishing (a copy of one chunk) is waited for.
     */
    void finish(long chunkNanos) {
      double[] buffer = null;
      for (int c = 0; c < chunks; c++) {
        long giveUp = 0;
        int s;
        while ((s = state.get(c)) != DONE) {
          if (s == OPEN) {
            long now = System.nanoTime();
            if (giveUp == 0) {
              giveUp = now + chunkNanos;
            } else if (now > giveUp) {
              if (buffer == null) {
                buffer = CALLER_BUFFER.get().ensure(width);
              }
              try {
                computeAndPublish(c, buffer);
              } catch (RuntimeException | Error e) {
                close();
                throw e;
              }
              continue;
            }
          }
          Thread.onSpinWait();
        }
      }
    }

    /** Marks every chunk done, waiting out publications in progress: nothing is written after. */
    void close() {
      for (int c = 0; c < chunks; c++) {
        while (!state.compareAndSet(c, OPEN, DONE) && state.get(c) != DONE) {
          Thread.onSpinWait();
        }
      }
    }
  }

  /** The caller's chunk buffer, reused across passes. */
  private static final ThreadLocal<Buffer> CALLER_BUFFER = ThreadLocal.withInitial(Buffer::new);

  private static final class Buffer {
    private double[] data = new double[0];

    double[] ensure(int length) {
      if (data.length < length) {
        data = new double[length];
      }
      return data;
    }
  }
}
