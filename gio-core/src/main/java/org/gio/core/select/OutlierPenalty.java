package org.gio.core.select;

import org.gio.core.objective.ClippedDistance;
import org.gio.core.objective.Target;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * A precision term for candidates: how far a pool row g lies outside the target cloud, measured
 * on the target's own scale,
 *
 * <pre>
 *   s(g)       = log ν^X_k(g) − log ρ_k(i*),   i* = the target row nearest g
 *   penalty(g) = λ · (d/n) · max(0, s(g))
 * </pre>
 *
 * where ν^X_k(g) is the distance from g to its k-th nearest target row and ρ_k(i*) that target
 * row's own k-th neighbour distance. Why: KL(X ‖ W) does not see selected rows where the target
 * has no mass, except through m, so a row of another class that happens to be the nearest pool row
 * to a boundary target row is as welcome as one inside the cloud. s(g) ≤ 0 for a row as deep in
 * the cloud as the target rows themselves; it grows by one per factor e that g is farther out.
 * The selector adds the penalty to the candidate's exact KL when ranking the shortlist and when
 * the stop rule compares it with KL_exact(W): this greedily minimises KL_exact(X ‖ W) + λ · (d/n)
 * · Σ_{w∈W} max(0, s(w)), and stops when that stops falling. The (d/n) scale makes λ = 1 mean "a
 * row must lower Σ_i log ν_k(i) by at least s(g) more". Cost: n·d per scored candidate.
 */
final class OutlierPenalty {
  private final VectorOps ops;
  private final Target target;
  private final double lambda;
  private final double scale;
  private final double[] squared;

  OutlierPenalty(VectorOps ops, Target target, double lambda) {
    this.ops = ops;
    this.target = target;
    this.lambda = lambda;
    this.scale = (double) target.dim() / target.size();
    this.squared = new double[target.size()];
  }

  /** s(g) for pool row {@code row} of {@code source}. */
  double outlyingness(VectorSet source, int row) {
    VectorSet x = target.points();
    ops.squaredDistances(source.data(), source.offset(row), x, squared);
    return outlyingness(squared);
  }

  /** s(g) from g's squared distances to every target row (not modified). Thread-safe. */
  double outlyingness(double[] squared) {
    int k = Math.min(target.k(), squared.length);
    // the k smallest, ascending, by insertion (k is small)
    double[] small = new double[k];
    int[] which = new int[k];
    java.util.Arrays.fill(small, Double.POSITIVE_INFINITY);
    for (int i = 0; i < squared.length; i++) {
      double s = squared[i];
      if (s < small[k - 1]) {
        int j = k - 1;
        while (j > 0 && small[j - 1] > s) {
          small[j] = small[j - 1];
          which[j] = which[j - 1];
          j--;
        }
        small[j] = s;
        which[j] = i;
      }
    }
    return Math.log(ClippedDistance.delta(small[k - 1]))
        - Math.log(target.kthNeighbourDistance(which[0]));
  }

  /** λ · (d/n) · max(0, s(g)): what the candidate adds to the penalised objective. */
  double penalty(VectorSet source, int row) {
    if (lambda == 0) {
      return 0;
    }
    return lambda * scale * Math.max(0, outlyingness(source, row));
  }

  /** {@link #penalty(VectorSet, int)} from g's squared distances to every target row. Thread-safe. */
  double penalty(double[] squared) {
    if (lambda == 0) {
      return 0;
    }
    return lambda * scale * Math.max(0, outlyingness(squared));
  }
}
