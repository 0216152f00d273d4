package org.gio.bench.kernels;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.DifferentiableState;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.optimize.GradientDescent;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.stop.StopRule;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The {@link GioIterationBench} and {@link GioRunBench} workloads timed by wall clock <em>and</em>
 * CPU time, for a shared machine: when other jobs hold the cores, wall time is inflated by the
 * share of the CPU we did not get, while the CPU time our threads used is much less affected (it
 * still pays for cache and memory-bandwidth contention). Not a JMH benchmark: plain warm-up then
 * timed repetitions, medians reported.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp gio-bench/target/benchmarks.jar \
 *      org.gio.bench.kernels.CpuTimeReport iteration simd 1     # ops threads [reps]
 * java ... CpuTimeReport run simd 2                              # the 300-iteration loop
 * </pre>
 *
 * For one thread the CPU figure is the calling thread's; for more it is the whole process's
 * (kernel pool threads included, plus the JIT and GC, which are quiet once warm).
 */
public final class CpuTimeReport {
  private CpuTimeReport() {}

  public static void main(String[] args) {
    String what = args.length > 0 ? args[0] : "iteration";
    String ops = args.length > 1 ? args[1] : "simd";
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : (what.equals("run") ? 3 : 40);
    VectorOps kernels = BenchData.ops(ops, threads);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(Locale.ROOT, "JVM %s, %s, kernels %s, threads %d, load average %.1f%n",
        System.getProperty("java.vm.version"), what, kernels.name(), threads, load);
    if (what.equals("run")) {
      run(kernels, threads, reps);
    } else {
      iteration(kernels, threads, reps);
    }
  }

  private static long cpu(int threads) {
    if (threads == 1) {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void iteration(VectorOps kernels, int threads, int reps) {
    int n = GioIterationBench.N;
    int d = GioIterationBench.D;
    VectorSet x = BenchData.gaussian(4, n, d);
    VectorSet pool = BenchData.gaussian(5, GioIterationBench.POOL, d);
    Target target = Target.of(x, 5, new ExactKthNeighbourSearch(kernels));
    DifferentiableState state =
        new AveragedKnnKl(kernels).start(target, BenchData.gaussian(6, 20, d));
    CandidateIndex index = new ExactCandidateIndex(pool, kernels);
    double[] m = x.mean();
    float[] mean = new float[d];
    for (int c = 0; c < d; c++) {
      mean[c] = (float) m[c];
    }
    float[] v = mean.clone();
    GradientDescent descent = new GradientDescent(0.01, GradientDescent.autoScale(state, v));
    int warm = Math.max(10, reps / 2);
    double[] wall = new double[reps];
    double[] cpu = new double[reps];
    double[] descentCpu = new double[reps];
    double[] searchCpu = new double[reps];
    int sink = 0;
    for (int i = -warm; i < reps; i++) {
      long w0 = System.nanoTime();
      long c0 = cpu(threads);
      System.arraycopy(mean, 0, v, 0, d);
      descent.optimize(state, v, GioIterationBench.STEPS);
      long ca = cpu(threads);
      int row = index.nearest(v);
      long cb = cpu(threads);
      state.add(pool, row);
      sink += row;
      long c1 = cpu(threads);
      long w1 = System.nanoTime();
      if (i >= 0) {
        wall[i] = (w1 - w0) / 1e6;
        cpu[i] = (c1 - c0) / 1e6;
        descentCpu[i] = (ca - c0) / 1e6;
        searchCpu[i] = (cb - ca) / 1e6;
      }
    }
    System.out.printf(Locale.ROOT,
        "one iteration: wall median %.2f ms (min %.2f), cpu median %.2f ms (min %.2f) [%d]%n",
        median(wall), min(wall), median(cpu), min(cpu), sink);
    System.out.printf(Locale.ROOT,
        "  of which cpu: descent median %.2f ms (min %.2f), search median %.3f ms%n",
        median(descentCpu), min(descentCpu), median(searchCpu));
  }

  private static void run(VectorOps kernels, int threads, int reps) {
    VectorSet target = BenchData.gaussian(4, GioIterationBench.N, GioIterationBench.D);
    VectorSet pool = BenchData.gaussian(5, GioIterationBench.POOL, GioIterationBench.D);
    GioSelector selector =
        new GioSelector(
            kernels, new ExactCandidateIndex.Factory(kernels), new ExactKthNeighbourSearch(kernels));
    GioConfig config = GioConfig.builder().maxIter(300).stop(StopRule.DATA_SIZE).seed(1).build();
    double[] wall = new double[reps];
    double[] cpu = new double[reps];
    int[] first = null;
    for (int i = 0; i < reps; i++) {
      long w0 = System.nanoTime();
      long c0 = cpu(threads);
      Selection s = selector.select(pool, target, null, config, SelectionListener.NONE);
      long c1 = cpu(threads);
      long w1 = System.nanoTime();
      wall[i] = (w1 - w0) / 1e6;
      cpu[i] = (c1 - c0) / 1e6;
      if (s.size() != 300) {
        throw new IllegalStateException("expected 300 points, got " + s.size());
      }
      if (first == null) {
        first = s.rows();
      } else if (!Arrays.equals(first, s.rows())) {
        throw new IllegalStateException("runs disagree");
      }
      System.out.printf(Locale.ROOT, "run %d: wall %.0f ms, cpu %.0f ms, first rows %s%n", i,
          wall[i], cpu[i], Arrays.toString(Arrays.copyOf(s.rows(), 5)));
    }
    System.out.printf(Locale.ROOT, "300 iterations: first (cold) wall %.0f ms cpu %.0f ms;"
        + " best wall %.0f ms, best cpu %.0f ms%n", wall[0], cpu[0], min(wall), min(cpu));
  }

  private static double median(double[] a) {
    double[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double min(double[] a) {
    return Arrays.stream(a).min().orElse(Double.NaN);
  }
}
