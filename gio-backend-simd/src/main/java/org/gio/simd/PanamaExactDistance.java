package org.gio.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.gio.core.table.ExactDistance;

/**
 * Core's {@link ExactDistance} on the Vector API, bit for bit: two 4-lane double vectors hold the
 * eight running sums (lane k of the first is sum k, of the second sum 4 + k), fed by 4-float loads
 * widened to double; subtract, multiply, add, never fused, as the definition says. The same fixed
 * shapes on any machine, so the bits never depend on the preferred width.
 */
final class PanamaExactDistance {
  private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
  private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

  private PanamaExactDistance() {}

  static double squared(float[] a, int aOffset, float[] b, int bOffset, int d) {
    DoubleVector lo = DoubleVector.zero(D4);
    DoubleVector hi = DoubleVector.zero(D4);
    int j = 0;
    // Written out, no vector crossing a call (a vector returned by a call C2 does not inline is boxed).
    for (; j + ExactDistance.LANES <= d; j += ExactDistance.LANES) {
      DoubleVector x0 = (DoubleVector) FloatVector.fromArray(F4, a, aOffset + j).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector y0 = (DoubleVector) FloatVector.fromArray(F4, b, bOffset + j).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector x1 = (DoubleVector) FloatVector.fromArray(F4, a, aOffset + j + 4).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector y1 = (DoubleVector) FloatVector.fromArray(F4, b, bOffset + j + 4).convertShape(VectorOperators.F2D, D4, 0);
      DoubleVector d0 = x0.sub(y0);
      DoubleVector d1 = x1.sub(y1);
      lo = lo.add(d0.mul(d0));
      hi = hi.add(d1.mul(d1));
    }
    double[] s = new double[ExactDistance.LANES];
    lo.intoArray(s, 0);
    hi.intoArray(s, 4);
    for (; j < d; j++) {
      double diff = (double) a[aOffset + j] - b[bOffset + j];
      s[j % ExactDistance.LANES] += diff * diff;
    }
    return ExactDistance.combine(s);
  }
}
