package org.gio.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.stop.StopRule;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole selection loop for 300 iterations (n = 1500, pool 1500, d = 768, uniform start,
 * a stop rule that cannot fire before 300), scalar vs SIMD, on all of the machine's threads. One
 * cold shot each: the scalar run alone takes over a minute, and 300 iterations warm the JIT anyway.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class GioRunBench {
  @Param({"scalar", "simd"})
  public String ops;

  private VectorSet target;
  private VectorSet pool;
  private GioSelector selector;
  private GioConfig config;

  @Setup
  public void setup() {
    target = BenchData.gaussian(4, GioIterationBench.N, GioIterationBench.D);
    pool = BenchData.gaussian(5, GioIterationBench.POOL, GioIterationBench.D);
    VectorOps kernels = BenchData.ops(ops, Runtime.getRuntime().availableProcessors());
    selector =
        new GioSelector(
            kernels, new ExactCandidateIndex.Factory(kernels), new ExactKthNeighbourSearch(kernels));
    config = GioConfig.builder().maxIter(300).stop(StopRule.DATA_SIZE).seed(1).build();
  }

  @Benchmark
  public Selection run() {
    Selection s = selector.select(pool, target, null, config, SelectionListener.NONE);
    if (s.size() != 300) {
      throw new IllegalStateException("expected 300 points, got " + s.size() + " " + s.stopReason());
    }
    return s;
  }
}
