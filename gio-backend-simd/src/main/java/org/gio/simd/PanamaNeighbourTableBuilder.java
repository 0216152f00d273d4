package org.gio.simd;

import org.gio.core.table.CentredTarget;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.vectors.VectorSet;

/**
 * The {@code simd} backend's neighbour-table builder: core's blocked scan with the filter fused
 * into the Vector API micro-kernel ({@link PanamaNeighbourScan}). Same tables as core's {@code
 * BlockedNeighbourTableBuilder}, bit for bit.
 */
final class PanamaNeighbourTableBuilder implements NeighbourTableBuilder {
  /**
   * Units of (d + 4)·2⁻²⁴ in the screening margin, as core's BlockedNeighbourScan.MARGIN_ULPS
   * (the bound on |screened − exact| after centring, doubled).
   */
  static final double MARGIN_ULPS = 8;
  /** Units of 2⁻²⁴ added for the fused test's own float roundings (PanamaNeighbourScan). */
  static final double COMPARE_ULPS = 16;

  @Override
  public String name() {
    return "fused-simd-" + FloatLanes.SPECIES.vectorBitSize();
  }

  @Override
  public Scan start(VectorSet target, int depth) {
    int d = target.dim();
    CentredTarget c = CentredTarget.of(target);
    double slope = (MARGIN_ULPS * (d + 4) + COMPARE_ULPS) * 0x1p-24;
    PanamaNearestCentroids kernel = new PanamaNearestCentroids(c.rows());
    return new PanamaNeighbourScan(
        new PanamaNeighbourScan.Prepared(target, c.centred(), c.mean(), c.norms(), slope, kernel, depth));
  }
}
