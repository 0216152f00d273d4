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
    int d = target.dim();
    CentredTarget centred = CentredTarget.of(target);
    double perNorm = BlockedNeighbourScan.MARGIN_ULPS * (d + 4) * 0x1p-24;
    return new BlockedNeighbourScan(
        new BlockedNeighbourScan.Prepared(
            target, centred.mean(), centred.norms(), perNorm, ops.nearestCentroids(centred.rows()), depth));
  }
}
