package org.gio.core.select;

import java.util.random.RandomGenerator;
import org.gio.core.vectors.VectorSet;

/**
 * The initial W (ALGORITHM.md §3, step 1): the given set D; else a random fraction of the pool;
 * else the uniform start. The uniform start is part of W but never reported as a selection.
 */
record InitialSet(VectorSet points, int[] poolRows) {

  static InitialSet choose(
      VectorSet pool, VectorSet given, GioConfig config, RandomGenerator random) {
    if (given != null) {
      return new InitialSet(given, new int[0]);
    }
    if (config.randomInitPct() > 0) {
      int count = Math.max(1, (int) (config.randomInitPct() * pool.size()));
      int[] rows = sampleWithoutReplacement(pool.size(), count, random);
      return new InitialSet(pool.select(rows), rows);
    }
    if (config.start() == StartMode.EMPTY) {
      return new InitialSet(VectorSet.empty(pool.dim()), new int[0]);
    }
    return new InitialSet(uniformStart(pool.dim(), config, random), new int[0]);
  }

  private static int[] sampleWithoutReplacement(int n, int count, RandomGenerator random) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, count);
  }

  private static VectorSet uniformStart(int dim, GioConfig config, RandomGenerator random) {
    int size = config.uniformStartSize();
    float[] data = new float[size * dim];
    double low = config.uniformLow();
    double width = config.uniformHigh() - low;
    for (int r = 0; r < size; r++) {
      double norm = 0;
      for (int c = 0; c < dim; c++) {
        double x = low + width * random.nextDouble();
        data[r * dim + c] = (float) x;
        norm += x * x;
      }
      if (config.normalize() && norm > 0) {
        double inv = 1 / Math.sqrt(norm);
        for (int c = 0; c < dim; c++) {
          data[r * dim + c] = (float) (data[r * dim + c] * inv);
        }
      }
    }
    return VectorSet.wrap(data, size, dim);
  }
}
