package org.gio.bench.ann;

import java.util.SplittableRandom;
import org.gio.core.vectors.VectorSet;

/**
 * Synthetic clustered vectors: a mixture of isotropic unit Gaussians around centres drawn from
 * [−5, 5]^d. Queries are fresh draws from the same mixture, not perturbed pool rows, so the nearest
 * row is not trivially the one a query was made from.
 */
final class ClusteredData {
  private final float[][] centres;
  private final int dim;

  ClusteredData(int clusters, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    this.dim = dim;
    centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) (random.nextDouble() * 10 - 5);
      }
    }
  }

  VectorSet sample(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[Math.multiplyExact(rows, dim)];
    for (int r = 0; r < rows; r++) {
      float[] c = centres[random.nextInt(centres.length)];
      for (int j = 0; j < dim; j++) {
        data[r * dim + j] = c[j] + (float) gaussian(random);
      }
    }
    return VectorSet.wrap(data, rows, dim);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
