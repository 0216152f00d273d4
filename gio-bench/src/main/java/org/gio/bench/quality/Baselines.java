package org.gio.bench.quality;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gio.core.select.Retrieval;
import org.gio.core.table.ExactDistance;
import org.gio.core.vectors.VectorSet;

/** The non-GIO selectors the quality run compares against. */
public final class Baselines {
  private Baselines() {}

  /** {@code size} distinct pool rows uniformly at random. */
  public static int[] random(int poolSize, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] all = FashionMnist.range(poolSize);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(poolSize - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, size);
  }

  /**
   * Nearest-neighbour retrieval as {@code baselines.py}: every target row's nearest pool rows,
   * round robin; the implementation lives in gio-core ({@link Retrieval}, {@code gio select
   * --method retrieval}).
   */
  public static int[] nearest(VectorSet pool, VectorSet target, int size) {
    return Retrieval.nearest(pool, target, size);
  }

  /**
   * k-center greedy (farthest-first traversal, as used for core sets): start at the pool row nearest
   * the target mean, then repeatedly add the pool row farthest from everything chosen.
   */
  public static int[] kCenterGreedy(VectorSet pool, VectorSet target, int size) {
    double[] mean = target.mean();
    int first = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int r = 0; r < pool.size(); r++) {
      double s = 0;
      for (int c = 0; c < pool.dim(); c++) {
        double x = pool.get(r, c) - mean[c];
        s += x * x;
      }
      if (s < bestD) {
        bestD = s;
        first = r;
      }
    }
    double[] minDist = new double[pool.size()];
    Arrays.fill(minDist, Double.POSITIVE_INFINITY);
    int[] out = new int[size];
    int next = first;
    for (int k = 0; k < size; k++) {
      out[k] = next;
      final int chosen = next;
      IntStream.range(0, pool.size()).parallel().forEach(r -> {
        double s = ExactDistance.squared(pool.data(), pool.offset(r), pool.data(), pool.offset(chosen), pool.dim());
        if (s < minDist[r]) {
          minDist[r] = s;
        }
      });
      double far = -1;
      for (int r = 0; r < pool.size(); r++) {
        if (minDist[r] > far) {
          far = minDist[r];
          next = r;
        }
      }
    }
    return out;
  }
}
