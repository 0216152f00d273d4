package org.gio.core.select;

import org.gio.core.vectors.VectorSet;

/** The point v that each iteration optimises, re-initialised as {@link VInit} says. */
final class CandidatePoint {
  private final VInit mode;
  private final VectorSet target;
  private final ReplayableRandom random;
  private final float[] mean;
  private final float[] point;
  private org.gio.core.objective.Coverage coverage;
  private org.gio.core.objective.Target coverageTarget;
  private java.util.BitSet exhausted;
  private int lastRow = -1;
  private boolean pending;

  CandidatePoint(VInit mode, VectorSet target, ReplayableRandom random) {
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

  /** For {@link VInit#WORST}: where to read each target row's coverage. */
  void coverage(org.gio.core.objective.Coverage c, org.gio.core.objective.Target t) {
    this.coverage = c;
    this.coverageTarget = t;
    this.exhausted = new java.util.BitSet(target.size());
    reset();
  }

  /** The candidate from the current start was rejected: do not start from that row again. */
  void rejected() {
    if (mode == VInit.WORST && lastRow >= 0) {
      exhausted.set(lastRow);
    }
  }

  /** The current point, updated in place by the optimizer. */
  float[] point() {
    return point;
  }

  /** The point and its bookkeeping between iterations, for a checkpoint. */
  PublishedProgress.Candidate saved() {
    int[] rows = exhausted == null ? new int[0] : exhausted.stream().toArray();
    return new PublishedProgress.Candidate(point.clone(), lastRow, pending, rows);
  }

  /** Puts back what {@link #saved} returned (after the set-up, on resume). */
  void restore(PublishedProgress.Candidate saved) {
    if (saved.point().length != point.length || saved.lastRow() >= target.size()
        || (saved.exhausted().length > 0 && exhausted == null)) {
      throw new org.gio.core.GioInputException("checkpoint: its candidate point does not fit this run "
          + "(dimension " + saved.point().length + "); start the run again without resuming");
    }
    System.arraycopy(saved.point(), 0, point, 0, point.length);
    lastRow = saved.lastRow();
    pending = saved.pending();
    if (exhausted != null) {
      exhausted.clear();
      for (int row : saved.exhausted()) {
        if (row < 0 || row >= target.size()) {
          throw new org.gio.core.GioInputException("checkpoint: target row " + row + " is beyond the target's "
              + target.size() + " rows; start the run again without resuming");
        }
        exhausted.set(row);
      }
    }
  }

  /** Called after each search: re-initialise unless the mode keeps the optimised point. */
  void next() {
    if (mode == VInit.WORST && coverage != null) {
      pending = true; // chosen in prepare(), once the loop knows whether W changed
    } else if (mode != VInit.PREV_OPT) {
      reset();
    }
  }

  /** Called before each descent: for {@link VInit#WORST}, pick the least covered row now. */
  void prepare() {
    if (pending) {
      pending = false;
      reset();
    }
  }

  private void reset() {
    if (mode == VInit.WORST && coverage != null) {
      int best = -1;
      double worst = Double.NEGATIVE_INFINITY;
      for (int i = exhausted.nextClearBit(0); i < target.size(); i = exhausted.nextClearBit(i + 1)) {
        double gap = Math.log(coverage.kthDistance(i)) - Math.log(coverageTarget.kthNeighbourDistance(i));
        if (gap > worst) {
          worst = gap;
          best = i;
        }
      }
      if (best >= 0 && worst != Double.POSITIVE_INFINITY) {
        lastRow = best;
        System.arraycopy(target.data(), target.offset(best), point, 0, point.length);
        return;
      }
    }
    if (mode == VInit.JUMP || mode == VInit.WORST) {
      int row = random.nextInt(target.size());
      System.arraycopy(target.data(), target.offset(row), point, 0, point.length);
    } else {
      System.arraycopy(mean, 0, point, 0, point.length);
    }
  }
}
