package org.gio.core.table;

import jakarta.inject.Inject;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The neighbour-table scan on the bound kernels: screening by {@link VectorOps#nearestCentroids}'
 * sgemm-shaped kernel (the Vector API one under the {@code simd} backend), exact distances for the
 * survivors. See {@link BlockedNeighbourScan}.
 */
public final class BlockedNeighbourTableBuilder implements NeighbourTableBuilder {
  private final VectorOps ops;

  @Inject
  public BlockedNeighbourTableBuilder(VectorOps ops) {
    this.ops = ops;
  }

  @Override
  public String name() {
    return "blocked-" + ops.name();
  }

  @Override
  public Scan start(VectorSet target, int depth) {
    int n = target.size();
    int d = target.dim();
    double[] mean64 = target.mean();
    float[] mean = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) mean64[j];
    }
    float[] centred = new float[n * d];
    double[] norms = new double[n];
    float[] x = target.data();
    for (int t = 0; t < n; t++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        float c = x[target.offset(t) + j] - mean[j];
        centred[t * d + j] = c;
        s += (double) c * c;
      }
      norms[t] = s;
    }
    VectorSet packed = VectorSet.wrap(centred, n, d);
    double perNorm = BlockedNeighbourScan.MARGIN_ULPS * (d + 4) * 0x1p-24;
    return new BlockedNeighbourScan(
        new BlockedNeighbourScan.Prepared(
            target, mean, norms, perNorm, ops.nearestCentroids(packed), depth));
  }
}
