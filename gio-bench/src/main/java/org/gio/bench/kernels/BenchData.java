package org.gio.bench.kernels;

import java.util.SplittableRandom;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.simd.SimdKernels;

/** Seeded Gaussian data and the kernels by name, shared by the kernel benchmarks. */
final class BenchData {
  private BenchData() {}

  static VectorSet gaussian(long seed, int n, int d) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return VectorSet.wrap(data, n, d);
  }

  /** {@code scalar} or {@code simd}; simd on one thread unless {@code threads} says otherwise. */
  static VectorOps ops(String name, int threads) {
    return name.equals("scalar") ? new ScalarVectorOps() : SimdKernels.withThreads(threads);
  }
}
