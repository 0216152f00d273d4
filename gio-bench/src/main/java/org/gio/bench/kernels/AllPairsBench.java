package org.gio.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.simd.PairwisePath;
import org.gio.simd.SimdKernels;
import org.gio.simd.SimdKthNeighbourSearch;
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
 * The matrix-shaped work: ρ_k of X within X (n rows, all n² pairs), scalar scan vs SIMD scan vs
 * EJML Gram blocks with exact recompute. Nominal flops 3d·n² for all three, so GFLOP/s compare
 * useful work. Every variant runs on the machine's threads, as in a real run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 2, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class AllPairsBench {
  public static final int N = 1000;
  public static final int K = 5;

  @Param({"64", "384", "768", "1024"})
  public int d;

  private VectorSet x;
  private KthNeighbourSearch scalar;
  private KthNeighbourSearch simd;
  private KthNeighbourSearch ejml;

  @Setup
  public void setup() {
    x = BenchData.gaussian(3, N, d);
    scalar = new ExactKthNeighbourSearch(new ScalarVectorOps());
    simd = new SimdKthNeighbourSearch(SimdKernels.get(), PairwisePath.DIRECT);
    ejml = new SimdKthNeighbourSearch(SimdKernels.get(), PairwisePath.GRAM);
  }

  @Benchmark
  public double[] rhoScalar() {
    return scalar.kthNeighbourDistances(x, K);
  }

  @Benchmark
  public double[] rhoSimd() {
    return simd.kthNeighbourDistances(x, K);
  }

  @Benchmark
  public double[] rhoEjml() {
    return ejml.kthNeighbourDistances(x, K);
  }
}
