package org.gio.core.select;

import java.util.SplittableRandom;
import org.gio.core.vectors.VectorSet;

/** The point v that each iteration optimises, re-initialised as {@link VInit} says. */
final class CandidatePoint {
  private final VInit mode;
  private final VectorSet target;
  private final SplittableRandom random;
  private final float[] mean;
  private final float[] point;

  CandidatePoint(VInit mode, VectorSet target, SplittableRandom random) {
    this.mode = mode;
    this.target = target;
    this.random = random;
    double[] m = target.mean();
    this.mean = new float[m.length];
    for (int c = 0; c < m.length; c++) {
      mean[c] = (float) m[c];
    }
    this.point = new float[m.length];
    reset();
  }

  /** The current point, updated in place by the optimizer. */
  float[] point() {
    return point;
  }

  /** Called after each search: re-initialise unless the mode keeps the optimised point. */
  void next() {
    if (mode != VInit.PREV_OPT) {
      reset();
    }
  }

  private void reset() {
    if (mode == VInit.JUMP) {
      int row = random.nextInt(target.size());
      System.arraycopy(target.data(), target.offset(row), point, 0, point.length);
    } else {
      System.arraycopy(mean, 0, point, 0, point.length);
    }
  }
}
