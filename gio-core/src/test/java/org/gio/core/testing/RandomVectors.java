package org.gio.core.testing;

import java.util.SplittableRandom;
import org.gio.core.vectors.VectorSet;

/** Seeded random data for tests. */
public final class RandomVectors {
  private RandomVectors() {}

  /** Rows with standard-normal components times {@code scale}, shifted by {@code offset}. */
  public static VectorSet gaussian(long seed, int rows, int dim, double offset, double scale) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (offset + scale * gaussian(r));
    }
    return VectorSet.wrap(data, rows, dim);
  }

  /** A standard normal draw (Box–Muller), so tests do not depend on java.util.Random. */
  public static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
