package org.gio.bench.kernels;

import java.util.Arrays;
import org.gio.core.vectors.VectorOps;
import org.gio.simd.SimdKernels;

/**
 * The SIMD pair-distance kernel at each of the eight 4-byte start offsets of one operand, so that
 * one of them starts on a 32-byte boundary. Java gives no control over (or view of) an array's
 * address, so {@link PairKernelBench} measures whatever alignment the allocator produced; this
 * probe separates the kernel's own speed (fastest offset: no load crosses a cache line) from the
 * cost of misaligned rows (the other offsets). Its C counterpart is {@code
 * docs/native/pair_distance.c}; results in docs/simd.md. Not a JMH benchmark: best of repeated
 * timed batches, one thread.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp gio-bench/target/benchmarks.jar \
 *     org.gio.bench.kernels.PairAlignmentProbe [d ...]</pre>
 */
public final class PairAlignmentProbe {
  private static final int CALLS = 200_000;

  private PairAlignmentProbe() {}

  public static void main(String[] args) {
    int[] dims =
        args.length == 0
            ? new int[] {384, 768, 1024, 2048}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    VectorOps ops = SimdKernels.withThreads(1);
    System.out.printf(
        "JVM %s, kernels %s, one thread; ns per distance at start offsets 0..7 of a%n",
        Runtime.version(), ops.name());
    double sink = 0;
    for (int d : dims) {
      float[] a = BenchData.gaussian(1, 1, d + 8).data();
      float[] b = BenchData.gaussian(2, 1, d).data();
      double[] ns = new double[8];
      for (int round = 0; round < 3; round++) { // the first rounds warm the kernel up
        for (int offset = 0; offset < 8; offset++) {
          double best = Double.MAX_VALUE;
          for (int rep = 0; rep < 10; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
              sink += ops.squaredDistance(a, offset, b, 0, d);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) CALLS);
          }
          ns[offset] = best;
        }
      }
      double[] sorted = ns.clone();
      Arrays.sort(sorted);
      StringBuilder row = new StringBuilder();
      for (double t : ns) {
        row.append(String.format(" %6.1f", t));
      }
      System.out.printf(
          "d %5d:%s | fastest %.1f ns = %.1f GFLOP/s, median %.1f ns = %.1f GFLOP/s%n",
          d, row, sorted[0], 3.0 * d / sorted[0], sorted[4], 3.0 * d / sorted[4]);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
