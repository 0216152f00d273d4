package org.gio.bench.kernels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the kernel benchmarks and prints the tables of {@code gio-bench/docs/simd.md}: GFLOP/s and
 * the ratio to scalar measured in the same run. Arguments: benchmark class simple names to run
 * (default: all four).
 */
public final class KernelReport {
  private KernelReport() {}

  public static void main(String[] args) throws RunnerException {
    List<String> which =
        args.length > 0
            ? List.of(args)
            : List.of("PairKernelBench", "AllPairsBench", "GioIterationBench", "GioRunBench");
    System.out.println("JVM " + System.getProperty("java.vm.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cpus");
    for (String name : which) {
      Options options =
          new OptionsBuilder().include(KernelReport.class.getPackageName() + "." + name + ".").build();
      Collection<RunResult> results = new Runner(options).run();
      switch (name) {
        case "PairKernelBench":
          pairTable(results);
          break;
        case "AllPairsBench":
          allPairsTable(results);
          break;
        default:
          timeTable(results);
      }
    }
  }

  private static String method(RunResult r) {
    String b = r.getParams().getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static void pairTable(Collection<RunResult> results) {
    Map<Integer, Map<String, Double>> byD = new TreeMap<>();
    for (RunResult r : results) {
      int d = Integer.parseInt(r.getParams().getParam("d"));
      byD.computeIfAbsent(d, x -> new TreeMap<>()).put(method(r), r.getPrimaryResult().getScore());
    }
    System.out.println("\n| d | distance scalar GFLOP/s | distance SIMD GFLOP/s | ratio | dot scalar"
        + " GFLOP/s | dot SIMD GFLOP/s | ratio |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Map.Entry<Integer, Map<String, Double>> e : byD.entrySet()) {
      int d = e.getKey();
      Map<String, Double> s = e.getValue();
      // Scores are calls per µs: GFLOP/s = calls/µs · flops / 1000.
      double ds = s.get("distanceScalar") * 3 * d / 1000;
      double dv = s.get("distanceSimd") * 3 * d / 1000;
      double ps = s.get("dotScalar") * 2 * d / 1000;
      double pv = s.get("dotSimd") * 2 * d / 1000;
      System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f× | %.1f | %.1f | %.1f× |%n",
          d, ds, dv, dv / ds, ps, pv, pv / ps);
    }
  }

  private static void allPairsTable(Collection<RunResult> results) {
    Map<Integer, Map<String, Double>> byD = new TreeMap<>();
    for (RunResult r : results) {
      int d = Integer.parseInt(r.getParams().getParam("d"));
      byD.computeIfAbsent(d, x -> new TreeMap<>()).put(method(r), r.getPrimaryResult().getScore());
    }
    int n = AllPairsBench.N;
    System.out.println("\n| d | ρ_k n=" + n + " scalar ms | SIMD ms | EJML ms | scalar GFLOP/s |"
        + " SIMD GFLOP/s | EJML GFLOP/s | SIMD/scalar | EJML/scalar | winner |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<Integer, Map<String, Double>> e : byD.entrySet()) {
      int d = e.getKey();
      Map<String, Double> s = e.getValue();
      double flops = 3.0 * d * n * n;
      double sc = s.get("rhoScalar");
      double si = s.get("rhoSimd");
      double ej = s.get("rhoEjml");
      System.out.printf(Locale.ROOT,
          "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f× | %s |%n",
          d, sc, si, ej, flops / sc / 1e6, flops / si / 1e6, flops / ej / 1e6, sc / si, sc / ej,
          si <= ej ? "SIMD" : "EJML");
    }
  }

  private static void timeTable(Collection<RunResult> results) {
    List<String> lines = new ArrayList<>();
    for (RunResult r : results) {
      StringBuilder params = new StringBuilder();
      for (String key : r.getParams().getParamsKeys()) {
        params.append(key).append('=').append(r.getParams().getParam(key)).append(' ');
      }
      lines.add(String.format(Locale.ROOT, "| %s | %s| %.2f %s |", method(r), params,
          r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreUnit()));
    }
    System.out.println("\n| benchmark | params | time |");
    System.out.println("|---|---|---|");
    lines.forEach(System.out::println);
  }
}
