package org.gio.bench.kernels;

import java.util.concurrent.TimeUnit;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.simd.SimdKernels;
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
 * One squared distance / dot product of two in-cache vectors, scalar vs Vector API. Flops: 3d per
 * distance (sub, mul, add), 2d per dot. {@link KernelReport} turns the scores into GFLOP/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PairKernelBench {
  @Param({"64", "384", "768", "1024"})
  public int d;

  private float[] a;
  private float[] b;
  private final VectorOps scalar = new ScalarVectorOps();
  private final VectorOps simd = SimdKernels.withThreads(1);

  @Setup
  public void setup() {
    a = BenchData.gaussian(1, 1, d).data();
    b = BenchData.gaussian(2, 1, d).data();
  }

  @Benchmark
  public double distanceScalar() {
    return scalar.squaredDistance(a, 0, b, 0, d);
  }

  @Benchmark
  public double distanceSimd() {
    return simd.squaredDistance(a, 0, b, 0, d);
  }

  @Benchmark
  public double dotScalar() {
    return scalar.dot(a, 0, b, 0, d);
  }

  @Benchmark
  public double dotSimd() {
    return simd.dot(a, 0, b, 0, d);
  }
}
