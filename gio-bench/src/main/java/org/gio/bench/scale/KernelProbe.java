package org.gio.bench.scale;

import java.nio.file.Path;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;

/**
 * Where the scan's time goes, on one thread and the first ROWS rows of a pool: the screening
 * kernel's scores alone (what the scan cannot do without) against whole scans by each builder.
 * Times by this thread's CPU time, so a busy machine inflates them less.
 *
 * <pre>KernelProbe POOL TARGET [ROWS=20000] [L=128] [BUILDERS=blocked,simd] [KERNEL=yes|no]</pre>
 *
 * (KERNEL=no skips the kernel-alone timing, so the scan is the first to compile the kernel, as in
 * a real run.)
 */
public final class KernelProbe {
  private KernelProbe() {}

  public static void main(String[] args) throws Exception {
    Path poolFile = Path.of(args[0]);
    VectorSet target = NpyReader.read(Path.of(args[1]));
    int rows = Integer.parseInt(args.length > 2 ? args[2] : "20000");
    int depth = Integer.parseInt(args.length > 3 ? args[3] : "128");
    String[] builders = (args.length > 4 ? args[4] : "blocked,simd").split(",");
    boolean kernelAlone = !(args.length > 5 && args[5].equals("no"));
    VectorSet pool;
    try (NpySource source = NpySource.open(poolFile)) {
      VectorSet[] first = new VectorSet[1];
      source.forEachChunk(rows, (start, chunk) -> {
        if (start == 0) {
          first[0] = VectorSet.wrap(chunk.data().clone(), chunk.size(), chunk.dim());
        }
      });
      pool = first[0];
    }
    double gflop = 2.0 * target.size() * pool.size() * pool.dim() / 1e9;
    ScaleBench.header("probe: " + target.size() + " × " + pool.size() + " × " + pool.dim() + ", L = " + depth);
    VectorOps ops = org.gio.simd.SimdKernels.withThreads(1);
    NearestCentroidKernel kernel = ops.nearestCentroids(target);
    float[] scores = new float[128 * target.size()];
    for (int rep = 0; rep < 3; rep++) {
      long t0 = cpu();
      for (int from = 0; kernelAlone && from < pool.size(); from += 128) {
        kernel.scores(pool.data(), null, from, Math.min(pool.size(), from + 128), scores, 0);
      }
      double s = (cpu() - t0) / 1e9;
      System.out.printf("kernel scores only (%s): %.3f s CPU, %.1f GFLOP/s%n", ops.name(), s, gflop / s);
      for (String name : builders) {
        NeighbourTableBuilder b = ScaleBench.builder(name);
        long t1 = cpu();
        org.gio.core.table.NeighbourTables.scan(b, VectorSource.of(pool), target, depth, 1);
        double sb = (cpu() - t1) / 1e9;
        System.out.printf("scan %s: %.3f s CPU, %.1f GFLOP/s%n", b.name(), sb, gflop / sb);
      }
    }
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }
}
