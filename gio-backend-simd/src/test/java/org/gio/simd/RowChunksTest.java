package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RowChunksTest {
  private static final int WIDTH = 3;

  /** Chunk c of pass p writes p·1000 + c·10 + i at position i, only up to {@code end}. */
  private static RowChunks.ChunkKernel kernel(int passId, int offset, int end) {
    return (c, out, at) -> {
      int length = Math.min(WIDTH, end - (offset + c * WIDTH));
      for (int i = 0; i < length; i++) {
        out[at + i] = passId * 1000 + c * 10 + i;
      }
    };
  }

  private static double[] expected(int passId, int chunks, int offset, int end, int size) {
    double[] e = new double[size];
    Arrays.fill(e, -1);
    kernelInto(passId, chunks, offset, end, e);
    return e;
  }

  private static void kernelInto(int passId, int chunks, int offset, int end, double[] e) {
    RowChunks.ChunkKernel k = kernel(passId, offset, end);
    for (int c = 0; c < chunks; c++) {
      k.compute(c, e, offset + c * WIDTH);
    }
  }

  private static boolean onHelper() {
    return Thread.currentThread().getName().startsWith("gio-simd-");
  }

  @Test
  void everyChunkLandsInItsSlotAndNothingOutsideIsTouched() {
    for (int threads : new int[] {1, 2, 4}) {
      RowChunks team = new RowChunks(threads);
      for (int chunks = 1; chunks <= 9; chunks++) {
        int offset = 2;
        int end = offset + chunks * WIDTH - 1; // the last chunk is one short
        double[] dest = new double[end + 2];
        Arrays.fill(dest, -1);
        for (int pass = 0; pass < 20; pass++) {
          team.run(chunks, WIDTH, true, kernel(pass, offset, end), dest, offset, end);
          assertArrayEquals(expected(pass, chunks, offset, end, dest.length), dest,
              threads + " threads, " + chunks + " chunks, pass " + pass);
        }
      }
    }
  }

  @Test
  void aStalledHelperNeitherStallsThePassNorWritesIntoALaterOne() throws Exception {
    RowChunks team = new RowChunks(2);
    int chunks = 6;
    int end = chunks * WIDTH;
    CountDownLatch helperIn = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch helperOut = new CountDownLatch(1);
    RowChunks.ChunkKernel first = kernel(1, 0, end);
    RowChunks.ChunkKernel stalling =
        (c, out, at) -> {
          if (onHelper()) {
            helperIn.countDown();
            try {
              release.await(10, TimeUnit.SECONDS); // a helper descheduled for a long time
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            first.compute(c, out, at);
            helperOut.countDown();
            return;
          }
          if (c == 0) {
            try {
              helperIn.await(5, TimeUnit.SECONDS); // let the helper claim a chunk first
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          first.compute(c, out, at);
        };
    double[] dest = new double[end];
    assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> team.run(chunks, WIDTH, true, stalling, dest, 0, end));
    assertEquals(0, helperIn.getCount(), "the helper never claimed a chunk: scenario not tested");
    assertArrayEquals(expected(1, chunks, 0, end, end), dest);

    // A later pass runs while the stale helper still holds pass 1's chunk, then the helper
    // finishes: its late result must not land in pass 2's output.
    team.run(chunks, WIDTH, false, kernel(2, 0, end), dest, 0, end);
    release.countDown();
    assertTrue(helperOut.await(5, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertArrayEquals(expected(2, chunks, 0, end, end), dest);
  }

  @Test
  void aChunkThatFailsOnlyOnAHelperIsRecomputedByTheCaller() {
    RowChunks team = new RowChunks(2);
    int chunks = 8;
    int end = chunks * WIDTH;
    RowChunks.ChunkKernel good = kernel(3, 0, end);
    AtomicInteger helperFailures = new AtomicInteger();
    RowChunks.ChunkKernel flaky =
        (c, out, at) -> {
          if (onHelper()) {
            helperFailures.incrementAndGet();
            throw new IllegalStateException("helper failure");
          }
          good.compute(c, out, at);
        };
    double[] dest = new double[end];
    for (int pass = 0; pass < 50; pass++) {
      Arrays.fill(dest, 0);
      team.run(chunks, WIDTH, true, flaky, dest, 0, end);
      assertArrayEquals(expected(3, chunks, 0, end, end), dest);
    }
  }

  @Test
  void aFailureOnTheCallerPropagates() {
    RowChunks team = new RowChunks(2);
    RowChunks.ChunkKernel failing =
        (c, out, at) -> {
          throw new IllegalArgumentException("bad chunk " + c);
        };
    double[] dest = new double[12];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> team.run(4, WIDTH, true, failing, dest, 0, 12));
    assertTrue(e.getMessage().startsWith("bad chunk"));
    // The team still works afterwards.
    team.run(4, WIDTH, true, kernel(4, 0, 12), dest, 0, 12);
    assertArrayEquals(expected(4, 4, 0, 12, 12), dest);
  }

  @Test
  void aPassStartedFromInsideAChunkRunsOnTheCallingThread() {
    RowChunks team = new RowChunks(2);
    AtomicReference<Thread> caller = new AtomicReference<>();
    AtomicBoolean nested = new AtomicBoolean();
    double[] inner = new double[12];
    int chunks = 16;
    int end = chunks * WIDTH;
    RowChunks.ChunkKernel nesting =
        (c, out, at) -> {
          if (Thread.currentThread() == caller.get() && nested.compareAndSet(false, true)) {
            team.run(4, WIDTH, true, kernel(6, 0, 12), inner, 0, 12);
          } else if (onHelper()) {
            try {
              Thread.sleep(1); // so the caller surely computes chunks itself
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          kernel(5, 0, end).compute(c, out, at);
        };
    double[] dest = new double[end];
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          caller.set(Thread.currentThread()); // assertTimeoutPreemptively runs this on its own thread
          team.run(chunks, WIDTH, true, nesting, dest, 0, end);
        });
    assertTrue(nested.get());
    assertArrayEquals(expected(5, chunks, 0, end, end), dest);
    assertArrayEquals(expected(6, 4, 0, 12, 12), inner);
  }

  @Test
  void aFinishedPassKeepsNothingOfItsInputsReachable() throws Exception {
    RowChunks team = new RowChunks(2);
    java.lang.ref.WeakReference<double[]> input = runPassReadingALargeInput(team);
    for (int i = 0; i < 50 && input.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertTrue(input.get() == null, "the team still holds the last pass's kernel and its inputs");
  }

  /** Runs a pass whose kernel alone refers to a large array; returns a weak reference to it. */
  private static java.lang.ref.WeakReference<double[]> runPassReadingALargeInput(RowChunks team) {
    double[] large = new double[1 << 20];
    RowChunks.ChunkKernel reading =
        (c, out, at) -> kernel((int) large[0], 0, 12).compute(c, out, at);
    team.run(4, WIDTH, true, reading, new double[12], 0, 12);
    return new java.lang.ref.WeakReference<>(large);
  }

  @Test
  void idleHelpersExitAndARestartedTeamStillComputesEverything() throws Exception {
    RowChunks team = new RowChunks(3, TimeUnit.MILLISECONDS.toNanos(1));
    double[] dest = new double[30];
    team.run(10, WIDTH, true, kernel(7, 0, 30), dest, 0, 30);
    assertArrayEquals(expected(7, 10, 0, 30, 30), dest);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (team.liveHelpers() > 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(0, team.liveHelpers(), "idle helpers should have exited");
    team.run(10, WIDTH, true, kernel(8, 0, 30), dest, 0, 30);
    assertArrayEquals(expected(8, 10, 0, 30, 30), dest);
  }
}
