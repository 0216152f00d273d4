package org.gio.bench.kmeans;

import java.nio.file.Path;
import org.gio.core.quantize.KMeans;
import org.gio.core.quantize.KMeansInit;
import org.gio.core.quantize.KMeansResult;
import org.gio.core.vectors.VectorSet;

/** Quick probe: K-means on FashionMNIST, printing time per iteration. Args: K iters threads. */
public final class LloydTiming {
  static long lastCpu;

  static double cpu() {
    long now = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    double d = (now - lastCpu) / 1e9;
    lastCpu = now;
    return d;
  }

  public static void main(String[] args) throws Exception {
    int k = Integer.parseInt(args[0]);
    int iters = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 60000;
    VectorSet x = FashionMnist.read(FashionMnist.DEFAULT);
    if (rows < x.size()) {
      int[] idx = new int[rows];
      for (int i = 0; i < rows; i++) idx[i] = i;
      x = x.select(idx);
    }
    KMeansResult r = KMeans.builder(k).maxIter(iters).tol(0).threads(threads)
        .init(args.length > 4 && !args[4].equals("first") ? KMeansInit.parse(args[4]) : KMeansInit.KMEANS_PLUS_PLUS)
        .initialCentroids(args.length > 4 && args[4].equals("first") ? x.select(java.util.stream.IntStream.range(0, k).toArray()) : null)
        .listener((it, inertia, moved, nanos) ->
            System.out.printf("iter %d inertia %.2f moved %d %.3f s cpu %.3f s%n", it, inertia, moved, nanos / 1e9, cpu()))
        .build().fit(x);
    System.out.printf("init %.2f s, final inertia %.2f%n", r.initNanos() / 1e9, r.finalInertia());
  }
}
