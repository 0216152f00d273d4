package org.gio.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.DifferentiableState;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.optimize.GradientDescent;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One GIO iteration at n = 1500 targets, pool 1500, d = 768: 50 descent steps on v, the exact
 * nearest pool row, and the incremental state update. {@code selected} is |W| before the
 * iteration: the cost should not depend on it (O(n·d), not O(n·m·d)).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class GioIterationBench {
  static final int N = 1500;
  static final int POOL = 1500;
  static final int D = 768;
  static final int STEPS = 50;

  @Param({"scalar", "simd"})
  public String ops;

  @Param({"1", "2"})
  public int threads;

  @Param({"20", "1000"})
  public int selected;

  private VectorSet pool;
  private DifferentiableState state;
  private CandidateIndex index;
  private GradientDescent descent;
  private float[] mean;
  private float[] v;

  @Setup(Level.Trial)
  public void setup() {
    VectorOps kernels = BenchData.ops(ops, threads);
    VectorSet x = BenchData.gaussian(4, N, D);
    pool = BenchData.gaussian(5, POOL, D);
    Target target = Target.of(x, 5, new ExactKthNeighbourSearch(kernels));
    state = new AveragedKnnKl(kernels).start(target, BenchData.gaussian(6, selected, D));
    index = new ExactCandidateIndex(pool, kernels);
    double[] m = x.mean();
    mean = new float[D];
    for (int c = 0; c < D; c++) {
      mean[c] = (float) m[c];
    }
    v = new float[D];
    System.arraycopy(mean, 0, v, 0, D);
    descent = new GradientDescent(0.01, GradientDescent.autoScale(state, v));
  }

  @Benchmark
  public int iteration() {
    System.arraycopy(mean, 0, v, 0, D);
    descent.optimize(state, v, STEPS);
    int row = index.nearest(v);
    // The state grows by one point per call; its cost does not depend on |W|, which is the point.
    state.add(pool, row);
    return row;
  }
}
