package org.gio.simd;

import org.gio.core.GioInputException;
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
    int n = target.size();
    int d = target.dim();
    float[] x = target.data();
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < d; j++) {
        if (!Float.isFinite(x[target.offset(t) + j])) {
          throw new GioInputException("target row " + t + ", column " + j + " is " + x[target.offset(t) + j]
              + "; remove or repair non-finite values before selecting");
        }
      }
    }
    double[] mean64 = target.mean();
    float[] mean = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) mean64[j];
    }
    float[] centred = new float[Math.multiplyExact(n, d)];
    double[] norms = new double[n];
    for (int t = 0; t < n; t++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        float c = x[target.offset(t) + j] - mean[j];
        centred[t * d + j] = c;
        s += (double) c * c;
      }
      if (!(s < PanamaNeighbourScan.FLOAT_SAFE)) {
        throw new GioInputException("target row " + t + " is too large to square in float (a value beyond ~1e19)"
            + "; scale the vectors down");
      }
      norms[t] = s;
    }
    double slope = (MARGIN_ULPS * (d + 4) + COMPARE_ULPS) * 0x1p-24;
    PanamaNearestCentroids kernel = new PanamaNearestCentroids(VectorSet.wrap(centred, n, d));
    return new PanamaNeighbourScan(
        new PanamaNeighbourScan.Prepared(target, centred, mean, norms, slope, kernel, depth));
  }
}
