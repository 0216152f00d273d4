package org.gio.bench.ann;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gio.ann.HnswCandidateIndex;
import org.gio.ann.HnswKthNeighbourSearch;
import org.gio.ann.HnswOptions;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * HNSW against the exact scan: graph build time, then recall@1 and queries/s with 0 %, 50 % and 95 %
 * of the pool removed (the same rows from both indexes), on clustered d = 128 data and on
 * FashionMNIST; optionally the ρ_k crossover. Prints a Markdown table (gio-bench/docs/ann.md).
 *
 * <p>Arguments are {@code key=value}: {@code sizes=10000,100000,1000000 dim=128 clusters=100
 * queries=200 m=16 beam=100 ef=100,200 threads=2 adaptive=true cache=DIR fashion=/usr/share/datasets/fashion-mnist
 * kth=5000,10000,20000 ops=scalar}; {@code fashion=} or {@code kth=} empty skips that part. {@code ef} may list
 * several search breadths, all measured on one graph (built once, or loaded from {@code cache}).
 */
public final class AnnBench {
  /** Kernels of the exact scan, the re-ranking and the fallback scan: {@code ops=scalar|simd}. */
  private static VectorOps OPS = new ScalarVectorOps();
  private static final double[] REMOVED = {0.0, 0.5, 0.95};

  private AnnBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    if (a.getOrDefault("ops", "scalar").equals("simd")) {
      OPS = org.gio.simd.SimdKernels.get();
    }
    int dim = Integer.parseInt(a.getOrDefault("dim", "128"));
    int clusters = Integer.parseInt(a.getOrDefault("clusters", "100"));
    int queries = Integer.parseInt(a.getOrDefault("queries", "200"));
    HnswOptions options =
        HnswOptions.builder()
            .maxConn(Integer.parseInt(a.getOrDefault("m", "16")))
            .beamWidth(Integer.parseInt(a.getOrDefault("beam", "100")))
            .buildThreads(Integer.parseInt(a.getOrDefault("threads", "2")))
            .efFollowsAvailable(Boolean.parseBoolean(a.getOrDefault("adaptive", "true")))
            .graphCache(a.getOrDefault("cache", "").isBlank() ? null : Path.of(a.get("cache")))
            .build();
    int[] efs =
        Arrays.stream(a.getOrDefault("ef", "100").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    System.out.println("# " + options + ", kernels " + OPS.name() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, " + queries + " queries");
    System.out.println();
    System.out.println("| data | rows × d | ef | build s (CPU s) | removed | recall@1 | far misses | hnsw q/CPU-s | exact q/CPU-s | speed-up (CPU) | hnsw q/s | exact q/s | speed-up (wall) | graph answered | graph visits per answer |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");

    ClusteredData model = new ClusteredData(clusters, dim, 1);
    for (String s : a.getOrDefault("sizes", "10000,100000").split(",")) {
      if (!s.isBlank()) {
        int n = Integer.parseInt(s.trim());
        run("clustered", model.sample(n, 2), model.sample(queries, 3), options, efs);
      }
    }
    String fashion = a.getOrDefault("fashion", "/usr/share/datasets/fashion-mnist");
    if (!fashion.isBlank()) {
      Path dir = Path.of(fashion);
      Path train = dir.resolve("train-images-idx3-ubyte.gz");
      Path test = dir.resolve("t10k-images-idx3-ubyte.gz");
      if (Files.isReadable(train) && Files.isReadable(test)) {
        run("FashionMNIST", IdxImages.read(train, Integer.MAX_VALUE), IdxImages.read(test, queries), options, efs);
      } else {
        System.out.println("| FashionMNIST | skipped: no IDX files in " + dir
            + " (apt-get install dataset-fashion-mnist) | | | | | | | |");
      }
    }
    String kth = a.getOrDefault("kth", "");
    if (!kth.isBlank()) {
      kthCrossover(model, kth.split(","), options);
    }
  }

  private static void run(String name, VectorSet pool, VectorSet queries, HnswOptions options, int[] efs) {
    // The exact scan first: its answers are the truth for every ef, at every removal level.
    ExactCandidateIndex exact = new ExactCandidateIndex(pool, OPS);
    int[] order = new SplittableRandom(4).ints(0, pool.size()).distinct().limit(pool.size()).toArray();
    int q = queries.size();
    int[][] truth = new int[REMOVED.length][q];
    double[] exactQps = new double[REMOVED.length];
    double[] exactCpuQps = new double[REMOVED.length];
    int removed = 0;
    for (int level = 0; level < REMOVED.length; level++) {
      for (int target = (int) (REMOVED[level] * pool.size()); removed < target; removed++) {
        exact.remove(order[removed]);
      }
      warmUp(exact, queries, Math.min(q, 10));
      long e0 = System.nanoTime();
      long ec = cpu();
      for (int i = 0; i < q; i++) {
        truth[level][i] = exact.nearest(queries.row(i));
      }
      exactQps[level] = q / ((System.nanoTime() - e0) / 1e9);
      exactCpuQps[level] = q / ((cpu() - ec) / 1e9);
    }
    hardness(name, pool, queries, exact);
    exact = null;
    for (int ef : efs) {
      HnswOptions o = options.toBuilder().efSearch(ef).rerank(-1).exactScanRows(-1).build();
      long t0 = System.nanoTime();
      long c0 = cpu();
      HnswCandidateIndex hnsw = HnswCandidateIndex.build(pool, OPS, o);
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      double buildCpu = (cpu() - c0) / 1e9;
      removed = 0;
      for (int level = 0; level < REMOVED.length; level++) {
        for (int target = (int) (REMOVED[level] * pool.size()); removed < target; removed++) {
          hnsw.remove(order[removed]);
        }
        warmUp(hnsw, queries, Math.min(q, 20));
        long graphBefore = hnsw.graphAnswers();
        long visitsBefore = hnsw.graphVisits();
        int[] got = new int[q];
        long h0 = System.nanoTime();
        long hc = cpu();
        for (int i = 0; i < q; i++) {
          got[i] = hnsw.nearest(queries.row(i));
        }
        double hnswQps = q / ((System.nanoTime() - h0) / 1e9);
        double hnswCpuQps = q / ((cpu() - hc) / 1e9);
        int hits = 0;
        int far = 0; // misses more than 10 % farther than the truth: a wrong region, not a near tie
        for (int i = 0; i < q; i++) {
          if (got[i] == truth[level][i]) {
            hits++;
          } else if (distance(pool, queries, i, got[i]) > 1.21 * distance(pool, queries, i, truth[level][i])) {
            far++;
          }
        }
        System.out.printf(Locale.ROOT,
            "| %s | %d × %d | %d | %.1f (%.1f) | %.0f %% | %.4f | %d | %.0f | %.1f | %.1f× | %.0f | %.1f | %.1f× | %.0f %% | %.0f |%n",
            name, pool.size(), pool.dim(), ef, buildSeconds, buildCpu, REMOVED[level] * 100,
            hits / (double) q, far, hnswCpuQps, exactCpuQps[level], hnswCpuQps / exactCpuQps[level],
            hnswQps, exactQps[level], hnswQps / exactQps[level],
            100.0 * (hnsw.graphAnswers() - graphBefore) / q,
            (hnsw.graphVisits() - visitsBefore) / (double) Math.max(1, hnsw.graphAnswers() - graphBefore));
      }
    }
  }

  /**
   * How hard the nearest-neighbour problem is, untimed, on up to 100 queries with every row
   * available: the local intrinsic dimension (Levina–Bickel MLE over the 20 nearest rows; high means
   * distances concentrate and graph search needs more breadth) and the median relative gap between
   * the 2nd and the 1st nearest distance (recall@1 must resolve it).
   */
  private static void hardness(String name, VectorSet pool, VectorSet queries, ExactCandidateIndex exact) {
    exact.refill();
    int k = 20;
    int n = Math.min(100, queries.size());
    double lidSum = 0;
    double[] gaps = new double[n];
    int[] out = new int[k];
    for (int i = 0; i < n; i++) {
      exact.nearest(queries.row(i), k, out);
      double dk = Math.sqrt(distance(pool, queries, i, out[k - 1]));
      double logSum = 0;
      for (int j = 0; j < k - 1; j++) {
        logSum += Math.log(dk / Math.sqrt(distance(pool, queries, i, out[j])));
      }
      lidSum += (k - 1) / logSum;
      gaps[i] = Math.sqrt(distance(pool, queries, i, out[1]) / distance(pool, queries, i, out[0])) - 1;
    }
    Arrays.sort(gaps);
    System.out.printf(Locale.ROOT,
        "| %s | %d × %d | hardness: local intrinsic dimension ≈ %.1f (MLE, 20-NN), median 2nd/1st NN distance gap %.2f %% | | | | | | | | | | | | |%n",
        name, pool.size(), pool.dim(), lidSum / n, 100 * gaps[n / 2]);
  }

  private static double distance(VectorSet pool, VectorSet queries, int query, int row) {
    return OPS.squaredDistance(queries.data(), queries.offset(query), pool.data(), pool.offset(row), pool.dim());
  }

  /**
   * CPU time of the whole process: on a machine shared with other jobs wall time mostly measures
   * the neighbours, CPU time the work (the exact scan runs on all cores, HNSW queries on one).
   */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void warmUp(org.gio.core.search.CandidateIndex index, VectorSet queries, int count) {
    for (int i = 0; i < count; i++) {
      index.nearest(queries.row(i));
    }
  }

  /** ρ_k (k = 5) exact all-pairs against the graph, to place HnswOptions.kthGraphMinRows. */
  private static void kthCrossover(ClusteredData model, String[] sizes, HnswOptions options) {
    System.out.println();
    System.out.println("| target rows × d | exact ρ_k CPU s | hnsw ρ_k CPU s | rows with identical ρ_k |");
    System.out.println("|---|---|---|---|");
    HnswOptions always = options.toBuilder().kthGraphMinRows(0).build();
    for (String s : sizes) {
      VectorSet x = model.sample(Integer.parseInt(s.trim()), 5);
      long t0 = cpu();
      double[] exact = new ExactKthNeighbourSearch(OPS).kthNeighbourDistances(x, 5);
      long t1 = cpu();
      double[] graph = new HnswKthNeighbourSearch(OPS, always).kthNeighbourDistances(x, 5);
      long t2 = cpu();
      int same = 0;
      for (int i = 0; i < exact.length; i++) {
        same += exact[i] == graph[i] ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "| %d × %d | %.1f | %.1f | %.2f %% |%n",
          x.size(), x.dim(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, 100.0 * same / exact.length);
    }
  }
}
