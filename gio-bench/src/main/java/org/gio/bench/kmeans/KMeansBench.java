package org.gio.bench.kmeans;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.Target;
import org.gio.core.quantize.KMeans;
import org.gio.core.quantize.KMeansResult;
import org.gio.core.quantize.StreamingQuantizer;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyWriter;
import org.gio.io.npy.NpySource;
import org.gio.simd.SimdKernels;

/**
 * The K-means benchmarks of issue 6 (see gio-bench/docs/kmeans.md). Plain main, not JMH: each
 * run is minutes long and is compared against scikit-learn in the same run.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp gio-bench/target/benchmarks.jar \
 *     org.gio.bench.kmeans.KMeansBench lloyd [K] [ITER] [THREADS] [simd|scalar]
 * java -cp … KMeansBench kl [ROWS]
 * java -Xmx1g -cp … KMeansBench stream [ROWS] [DIM] [K] [THREADS]
 * </pre>
 */
public final class KMeansBench {
  private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "gio-kmeans");

  public static void main(String[] args) throws Exception {
    Files.createDirectories(WORK);
    String mode = args.length > 0 ? args[0] : "lloyd";
    switch (mode) {
      case "lloyd" -> lloyd(arg(args, 1, 1500), arg(args, 2, 5), arg(args, 3, 2),
          ops(args.length > 4 ? args[4] : "simd"));
      case "kl" -> kl(arg(args, 1, 5000));
      case "group" -> group(arg(args, 1, 24));
      case "stream" -> stream(arg(args, 1, 1_000_000), arg(args, 2, 768), arg(args, 3, 1500),
          arg(args, 4, 2));
      default -> throw new IllegalArgumentException("mode: lloyd, kl or stream");
    }
  }

  /** The kernels: Vector API ones (scalar when the JVM lacks the module) or the scalar ones. */
  private static VectorOps ops(String name) {
    return name.equals("scalar") ? new ScalarVectorOps() : SimdKernels.withThreads(1);
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  /**
   * FashionMNIST 60000×784 to K centroids: the same k-means++ start (ours, seeded) and the same
   * number of Lloyd iterations (tol = 0) for both; time per iteration, wall and process CPU.
   */
  static void lloyd(int k, int iterations, int threads, VectorOps ops) throws Exception {
    VectorSet x = FashionMnist.read(FashionMnist.DEFAULT);
    Path data = WORK.resolve("fashion-mnist.npy");
    Path init = WORK.resolve("init-" + k + ".npy");
    NpyWriter.write(data, x);
    long t0 = System.nanoTime();
    long c0 = cpu();
    VectorSet start = KMeans.builder(k).seed(1).threads(threads).ops(ops).build().seed(x);
    System.out.printf("k-means++ init (ours, seed 1, %d threads, kernels %s): %.1f s wall, "
        + "%.1f s CPU%n", threads, ops.name(), (System.nanoTime() - t0) / 1e9,
        (cpu() - c0) / 1e9);
    NpyWriter.write(init, start);
    System.out.printf("init ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    long cpu0 = cpu();
    long w0 = System.nanoTime();
    KMeansResult ours = KMeans.builder(k).initialCentroids(start).maxIter(iterations).tol(0)
        .threads(threads).ops(ops)
        .listener((it, inertia, moved, nanos) -> System.out.printf(
            "  ours iteration %d: %.2f s, inertia %.1f, %d rows moved%n", it + 1, nanos / 1e9,
            inertia, moved))
        .build().fit(x);
    double ourWall = (System.nanoTime() - w0) / 1e9;
    double ourCpu = (cpu() - cpu0) / 1e9;
    int n = ours.iterations();
    long full = (long) x.size() * k;
    for (int i = 0; i < ours.scores().length; i++) {
      System.out.printf("  assignment step %d%s: %d of %d rows skipped by the global filter, "
          + "%d scores computed (%.1f %% of a full scan)%n", i + 1,
          i == n ? " (final)" : "", ours.skippedRows()[i], x.size(), ours.scores()[i],
          100.0 * ours.scores()[i] / full);
    }
    System.out.printf("ours (%s):    %d iterations, %.2f s/iteration wall, %.2f s/iteration CPU, "
        + "final inertia %.1f%n", ops.name(), n, ourWall / n, ourCpu / n, ours.finalInertia());

    List<String> cmd = List.of("/usr/bin/env", "-u", "OPENBLAS_CORETYPE", "-u",
        "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS=" + threads, "/usr/bin/python3",
        Path.of("gio-bench/docs/kmeans_sklearn.py").toString(), data.toString(), init.toString(),
        Integer.toString(iterations), Integer.toString(threads));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    System.out.println("sklearn: " + out.trim());
    Files.deleteIfExists(data);
  }

  /**
   * How to score one Yinyang group: the packed kernel over the group's centroids, or one {@code
   * VectorOps.squaredDistance} per (row, centroid). One thread, every FashionMNIST row against a
   * group of {@code size} centroids (rows spread over the file), best of five passes each.
   */
  static void group(int size) throws IOException {
    VectorSet x = FashionMnist.read(FashionMnist.DEFAULT);
    VectorOps ops = ops("simd");
    int n = x.size();
    int dim = x.dim();
    int[] pick = IntStream.range(0, size).map(i -> i * (n / size)).toArray();
    VectorSet c = x.select(pick);
    float[] out = new float[n * size];
    double[] d2 = new double[n];
    double flops = 2.0 * n * size * dim;
    double kernelBest = Double.MAX_VALUE;
    double pairBest = Double.MAX_VALUE;
    double sink = 0;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      ops.nearestCentroids(c).scores(x.data(), null, 0, n, out, 0);
      kernelBest = Math.min(kernelBest, (System.nanoTime() - t0) / 1e9);
      sink += out[rep];
      t0 = System.nanoTime();
      for (int q = 0; q < size; q++) {
        for (int i = 0; i < n; i++) {
          d2[i] = ops.squaredDistance(x.data(), i * dim, c.data(), q * dim, dim);
        }
        sink += d2[q];
      }
      pairBest = Math.min(pairBest, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf("group of %d centroids, %d rows × %d, 1 thread: packed kernel %.3f s "
        + "(%.1f GFLOP/s), squaredDistance per pair %.3f s (%.1f GFLOP/s)  [%s]%n", size, n, dim,
        kernelBest, flops / kernelBest / 1e9, pairBest, flops / pairBest / 1e9, sink != 0);
  }

  /** Paper's quantization consistency: KL(X ‖ K-means centroids of X) against K random rows. */
  static void kl(int rows) throws IOException {
    VectorSet all = FashionMnist.read(FashionMnist.DEFAULT);
    int[] pick = new SplittableRandom(3).ints(0, all.size()).distinct().limit(rows).sorted()
        .toArray();
    VectorSet x = all.select(pick);
    VectorOps ops = new ScalarVectorOps();
    Target target = Target.of(x, 5, new ExactKthNeighbourSearch(ops));
    for (int k : new int[] {50, 200, 1000}) {
      long t0 = System.nanoTime();
      KMeansResult r = KMeans.builder(k).seed(1).maxIter(100).build().fit(x);
      double klCentroids = new KnnKl(ops).start(target, r.quantization().centroids()).value();
      int[] random = new SplittableRandom(k).ints(0, x.size()).distinct().limit(k).toArray();
      double klRandom = new KnnKl(ops).start(target, x.select(random)).value();
      System.out.printf("K=%4d  KL(X||centroids)=%.3f  KL(X||%d random rows of X)=%.3f  "
          + "(%d iterations, %.1f s)%n", k, klCentroids, k, klRandom, r.iterations(),
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /** 1M × 768 rows written to disk, then assigned to K centroids in one chunked pass. */
  static void stream(int rows, int dim, int k, int threads) throws IOException {
    Path file = WORK.resolve("stream-" + rows + "x" + dim + ".npy");
    float[] centres = new float[64 * dim];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) r.nextGaussian();
    }
    long t0 = System.nanoTime();
    writeMixture(file, rows, dim, centres, r);
    System.out.printf("wrote %s (%.2f GB) in %.1f s%n", file, Files.size(file) / 1e9,
        (System.nanoTime() - t0) / 1e9);
    try {
      NpySource chunks = NpySource.open(file);
      // Centroids: K rows of the first chunk, as if fitted on a sample; the pass costs the same.
      VectorSet[] first = new VectorSet[1];
      chunks.forEachChunk(k, (f, c) -> {
        if (f == 0) {
          first[0] = c.select(IntStream.range(0, k).toArray());
        }
      });
      resetPeaks();
      long w0 = System.nanoTime();
      int[] assignment = StreamingQuantizer.assign(chunks, first[0], threads, ops("simd"));
      double s = (System.nanoTime() - w0) / 1e9;
      System.out.printf("assigned %d × %d rows to K=%d in %.1f s: %.0f rows/s (%d threads); "
          + "peak heap %.0f MB (max heap %.0f MB); assignment[0..3]=%d,%d,%d%n", rows, dim, k,
          s, rows / s, threads, peakHeap() / 1e6, Runtime.getRuntime().maxMemory() / 1e6,
          assignment[0], assignment[1], assignment[2]);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void writeMixture(Path file, int rows, int dim, float[] centres,
      SplittableRandom r) throws IOException {
    // Written in slices through a channel so the generator never holds the whole file either.
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + dim
        + "), }";
    int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    try (var ch = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer pre = java.nio.ByteBuffer.allocate(10 + header.length())
          .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      pre.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0)
          .putShort((short) header.length()).put(header.getBytes());
      pre.flip();
      ch.write(pre);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(4096 * dim * 4)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (int row = 0; row < rows; row++) {
        int c = r.nextInt(centres.length / dim);
        for (int j = 0; j < dim; j++) {
          buf.putFloat(centres[c * dim + j] + 0.3f * (float) r.nextGaussian());
        }
        if (!buf.hasRemaining() || row == rows - 1) {
          buf.flip();
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          buf.clear();
        }
      }
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
