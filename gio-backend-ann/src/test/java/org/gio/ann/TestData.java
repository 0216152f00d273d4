package org.gio.ann;

import java.util.SplittableRandom;
import org.gio.core.vectors.VectorSet;

/** Seeded clustered data: Gaussian blobs around random centres, as ANN benchmarks use. */
final class TestData {
  private TestData() {}

  static VectorSet clustered(int rows, int dim, int clusters, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) (random.nextDouble() * 10 - 5);
      }
    }
    float[] data = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      float[] c = centres[random.nextInt(clusters)];
      for (int j = 0; j < dim; j++) {
        data[r * dim + j] = c[j] + (float) gaussian(random);
      }
    }
    return VectorSet.wrap(data, rows, dim);
  }

  static float[] query(VectorSet near, SplittableRandom random) {
    float[] q = near.row(random.nextInt(near.size()));
    for (int j = 0; j < q.length; j++) {
      q[j] += (float) (0.5 * gaussian(random));
    }
    return q;
  }

  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
