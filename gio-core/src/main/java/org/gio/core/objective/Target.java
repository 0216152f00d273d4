package org.gio.core.objective;

import org.gio.core.vectors.VectorSet;

/**
 * The target sample X together with what every estimator needs from it alone: the neighbour order
 * k and ρ_k(i) for each row. Built once per run and shared by all objective states.
 */
public final class Target {
  private final VectorSet x;
  private final int k;
  private final double[] rho;
  private final double meanLogRhoEps;
  private final double meanLogRho;

  private Target(VectorSet x, int k, double[] rho) {
    this.x = x;
    this.k = k;
    this.rho = rho;
    double sumEps = 0;
    double sum = 0;
    for (double r : rho) {
      sumEps += Math.log(r + ClippedDistance.EPS);
      sum += Math.log(r);
    }
    this.meanLogRhoEps = sumEps / rho.length;
    this.meanLogRho = sum / rho.length;
  }

  /** Computes ρ_k with the given search. */
  public static Target of(VectorSet x, int k, KthNeighbourSearch search) {
    return new Target(x, k, search.kthNeighbourDistances(x, k));
  }

  public VectorSet points() {
    return x;
  }

  public int size() {
    return x.size();
  }

  public int dim() {
    return x.dim();
  }

  public int k() {
    return k;
  }

  /** ρ_k(i), the clipped distance from x_i to its k-th nearest other target row. */
  public double kthNeighbourDistance(int i) {
    return rho[i];
  }

  /** mean_i log(ρ_k(i) + ε), the target-only term of the relaxed estimator. */
  double meanLogRhoPlusEps() {
    return meanLogRhoEps;
  }

  /** mean_i log ρ_k(i), the target-only term of the exact estimator. */
  double meanLogRho() {
    return meanLogRho;
  }
}
