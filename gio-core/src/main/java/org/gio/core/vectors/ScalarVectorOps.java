package org.gio.core.vectors;

/** The portable reference kernels: plain loops, double accumulators. */
public final class ScalarVectorOps implements VectorOps {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public double squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      double t = (double) a[aOffset + i] - b[bOffset + i];
      sum += t * t;
    }
    return sum;
  }

  @Override
  public double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (double) a[aOffset + i] * b[bOffset + i];
    }
    return sum;
  }

  @Override
  public void squaredDistances(
      float[] query, int queryOffset, VectorSet rows, int fromRow, int toRow, double[] out) {
    float[] data = rows.data();
    int dim = rows.dim();
    for (int r = fromRow; r < toRow; r++) {
      out[r] = squaredDistance(query, queryOffset, data, r * dim, dim);
    }
  }

  @Override
  public void weightedRowSum(double[] weights, VectorSet rows, double[] out) {
    float[] data = rows.data();
    int dim = rows.dim();
    java.util.Arrays.fill(out, 0, dim, 0.0);
    for (int r = 0, n = rows.size(); r < n; r++) {
      double w = weights[r];
      if (w == 0) {
        continue;
      }
      int o = r * dim;
      for (int c = 0; c < dim; c++) {
        out[c] += w * data[o + c];
      }
    }
  }
}
