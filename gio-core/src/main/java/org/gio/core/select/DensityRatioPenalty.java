package org.gio.core.select;

import static org.gio.core.objective.ExactKthNeighbourSearch.kthSmallest;

import java.util.Arrays;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.objective.Target;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * A precision term for candidates from the ratio of the target's density to the pool's at the
 * candidate, by the k-NN density estimator (ALGORITHM.md §1's family):
 *
 * <pre>
 *   r(g)       = d · (log ν^G_K(g) − log ν^X_k(g)) + log((M − 1)/n) + ψ(k) − ψ(K)   ≈ log p_X(g)/p_G(g)
 *   K          = clamp(round(k · (M − 1)/n), k, M − 1)
 *   penalty(g) = λ_D · (1/n) · max(0, τ − r(g))      (λ_D = ∞: drop g if r(g) < τ)
 * </pre>
 *
 * where ν^G_K(g) is the distance from g to its K-th nearest <em>other</em> pool row, ν^X_k(g) to
 * its k-th nearest target row, M the pool size, n the target size and ψ the digamma function (the
 * Wang–Kulkarni–Verdú bias correction for unequal neighbour orders). K grows with M/n so both
 * balls hold about the same share of their sample: with K = k the two radii differ by the
 * sample-size ratio and, in 50 dimensions, the estimate is biased by −8 to −15 nats for rows of
 * the target's own classes (FashionMNIST *small*, gio-bench/docs/quality.md); with K ∝ M/n their
 * median is +6 and τ = 0 separates the classes. Why: a pool row of a class
 * the target does not have lies where the pool is dense and the target sparse (r ≪ 0), while a row
 * of a target class has r ≈ log(M·share/n) ≥ 0 when the target is a subset of the pool's classes;
 * the distance-to-target penalty ({@link OutlierPenalty}) cannot tell a boundary row of another
 * class from a boundary row of a target class, the pool's density can. The (1/n) scale puts r (a
 * log density, d times a log distance) on the estimator's (d/n)·Σ log ν scale. The selector adds
 * the penalty to a candidate's change when ranking and in the exact stop, like the outlier
 * penalty. r(g) is computed once per pool row the selector actually scores (the gain table's rows)
 * and cached: an exact scan of the pool and of the target, (M + n)·d per row. The threshold is τ,
 * r̄ + τ (relative), or the q-quantile of r at the target's own rows ({@link #threshold}); on the
 * FashionMNIST tasks the target-side distribution is the same for M/n = 12 and 120, so the
 * quantile is the relative threshold plus a constant there (gio-bench/docs/quality.md).
 *
 * <p>Reference sample ({@code sample} S &gt; 0): ν^G_K is measured against a fixed uniform random
 * subset of S pool rows (drawn once from the config seed; g itself excluded when it is in it)
 * instead of the whole pool, with M replaced by S in K and in the log term, so the K-th ball holds
 * the same expected share of the pool: each scored row then costs S·d instead of M·d, whatever
 * the pool's size. The same sample serves the target rows, so the quantile threshold is measured
 * by the same estimator. S = 0 or S ≥ M is the whole pool, exactly as before.
 */
final class DensityRatioPenalty {
  private final VectorOps ops;
  private final Target target;
  /** The rows candidates are named by: the pool, or a neighbour table's listed rows. */
  private final VectorSet pool;
  /** Candidate row → its pool id; null when candidates are the pool's own rows. */
  private final NeighbourTable table;
  /** The pool rows ν^G_K is measured against: the pool itself, or a seeded sample of it. */
  private final VectorSet reference;
  /** Pool ids of the reference rows, ascending; null when the reference is {@code pool} itself. */
  private final long[] sampled;
  private final double lambda;
  private final double tau;
  private final boolean relative;
  private final double quantile;
  private final double[] cache;
  private double[] referenceSquared;
  private double[] targetSquared;
  private double offset = Double.NaN;
  private double[] targetRatios;
  private double cutoff = Double.NaN;

  /** The absolute threshold τ, the whole pool. */
  DensityRatioPenalty(VectorOps ops, Target target, VectorSet pool, double lambda, double tau) {
    this(ops, target, pool, lambda, tau, false, Double.NaN, 0, 0);
  }

  /**
   * {@code relative}: compare r(g) − r̄ (see {@link #relativeLogRatio}) with τ instead of r(g).
   * {@code quantile} q in (0, 1): compare r(g) with the q-quantile of the same estimate at the
   * target's own rows (see {@link #threshold}) instead of with τ; NaN: use τ ({@code relative} as
   * given). {@code sample} S: measure the pool side against S pool rows drawn uniformly without
   * replacement with {@code seed} (0, or S ≥ M: the whole pool).
   */
  DensityRatioPenalty(
      VectorOps ops,
      Target target,
      VectorSet pool,
      double lambda,
      double tau,
      boolean relative,
      double quantile,
      int sample,
      long seed) {
    this(ops, target, pool, null, lambda, tau, relative, quantile,
        lambda != 0 && sample > 0 && sample < pool.size()
            ? RowSample.sorted((long) pool.size(), sample, sampleSeed(seed))
            : null);
  }

  /**
   * Candidates are {@code table}'s listed rows (by dense index) and the reference is the table's
   * density sample ({@link #sampleIds}), M its pool's row count: nothing pool-sized is held.
   */
  DensityRatioPenalty(
      VectorOps ops, Target target, NeighbourTable table, double lambda, double tau, boolean relative, double quantile) {
    this(ops, target, table.listed(), table, lambda, tau, relative, quantile, table.sampleIds());
  }

  private DensityRatioPenalty(
      VectorOps ops, Target target, VectorSet pool, NeighbourTable table, double lambda, double tau,
      boolean relative, double quantile, long[] sampled) {
    this.quantile = quantile;
    this.table = table;
    this.sampled = sampled;
    if (table != null) {
      this.reference = table.sample();
    } else if (sampled != null) {
      int[] rows = new int[sampled.length];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = (int) sampled[i];
      }
      this.reference = pool.select(rows);
    } else {
      this.reference = pool;
    }
    this.relative = relative;
    this.ops = ops;
    this.target = target;
    this.pool = pool;
    this.lambda = lambda;
    this.tau = tau;
    this.cache = lambda == 0 ? new double[0] : new double[pool.size()];
    Arrays.fill(cache, Double.NaN);
  }

  /**
   * The density sample's pool ids for a pool of {@code poolRows} rows (ascending): S rows drawn
   * with the salted config seed, every row when S = 0 or S ≥ M, none when the term is off. The one
   * draw both the in-memory and the table path use, so they measure against the same rows.
   */
  static long[] sampleIds(long poolRows, double lambda, int sample, long seed) {
    if (lambda == 0) {
      return new long[0];
    }
    if (sample == 0 || sample >= poolRows) {
      return java.util.stream.LongStream.range(0, poolRows).toArray();
    }
    return RowSample.sorted(poolRows, sample, sampleSeed(seed));
  }

  private static long sampleSeed(long seed) {
    return seed ^ SAMPLE_SALT;
  }

  /**
   * r(g) − r̄: the log ratio relative to the median r̄ of the same estimate at the target's own
   * rows (leave-one-out on the target side). Why: the k-NN estimate is biased by an amount that
   * depends on d and on M and n (+5 nats for target-class rows at d = 50 on *small*, about 0 at
   * d = 3), so an absolute τ tuned on one feature space drops every row in another; relative to
   * the target's own rows, τ = 0 means "as target-like as the median target row". Cost n·M·d once.
   */
  double relativeLogRatio(int row) {
    return logRatio(row) - median();
  }

  /** r̄: the median of r at the target's own rows. */
  private double median() {
    if (Double.isNaN(offset)) {
      double[] r = targetRatios();
      int n = r.length;
      offset = n % 2 == 1 ? r[n / 2] : 0.5 * (r[n / 2 - 1] + r[n / 2]);
    }
    return offset;
  }

  /**
   * The threshold r(g) is compared with: τ (absolute), or r̄ + τ ({@code relative}), or, with a
   * quantile q, the q-quantile of r at the target's own rows (linear interpolation between order
   * statistics, numpy's default). Why the quantile: it needs no unit at all, "keep pool rows at
   * least as target-like as the q-th percentile of target rows", whatever the dimension (r is d
   * times a log distance ratio, so its spread grows with d and a τ in nats does not carry over).
   */
  double threshold() {
    if (Double.isNaN(quantile)) {
      if (relative) {
        return median() + tau;
      }
      return tau;
    }
    double[] r = targetRatios();
    double at = quantile * (r.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(r.length - 1, lo + 1);
    return r[lo] + (at - lo) * (r[hi] - r[lo]);
  }

  /** r at every target row (leave-one-out on the target side), ascending; computed once. */
  double[] targetRatios() {
    if (targetRatios == null) {
      targetRatios = computeTargetRatios();
    }
    return targetRatios;
  }

  private double[] computeTargetRatios() {
    double[] squared = new double[reference.size()];
    double[] r = new double[target.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = targetRatio(i, squared);
    }
    Arrays.sort(r);
    return r;
  }

  /**
   * r at target row i (leave-one-out on the target side), unsorted; {@code squared} is scratch of
   * {@link #referenceSize()} doubles. Thread-safe with distinct scratch, for callers that compute
   * the target's ratios in parallel and hand them to {@link #useTargetRatios}.
   */
  double targetRatio(int i, double[] squared) {
    VectorSet x = target.points();
    ops.squaredDistances(x.data(), x.offset(i), reference, squared);
    return targetRatioFrom(i, squared);
  }

  /**
   * {@link #targetRatio} from target row i's squared distances to every reference row ({@code
   * squared}, as {@code VectorOps.squaredDistances} gives them; may be reordered). Thread-safe.
   */
  double targetRatioFrom(int i, double[] squared) {
    int n = target.size();
    int k = target.k();
    int size = reference.size();
    int bigK = poolOrder(k, size, n);
    double nuG = ClippedDistance.delta(kthSmallest(squared, Math.min(bigK, size)));
    return target.dim() * (Math.log(nuG) - Math.log(target.kthNeighbourDistance(i)))
        + Math.log((size - 1.0) / n)
        + digamma(Math.min(k, n))
        - digamma(bigK);
  }

  /** Takes r at every target row ({@link #targetRatio} of row i at [i]), unless already known. */
  void useTargetRatios(double[] r) {
    if (targetRatios == null) {
      double[] sorted = r.clone();
      Arrays.sort(sorted);
      targetRatios = sorted;
    }
  }

  /** Whether {@link #targetRatios} still has to be computed (the threshold needs it). */
  boolean needsTargetRatios() {
    return lambda != 0 && targetRatios == null
        && (!Double.isNaN(quantile) || relative);
  }

  /** Whether the term is on (λ_D ≠ 0): candidates then need {@link #prepare}. */
  boolean active() {
    return lambda != 0;
  }

  /**
   * Computes and caches r(g) for candidate {@code row} unless cached, from g's squared distances
   * to every target row ({@code targetSquared}, as {@link #logRatio} would compute them; not
   * modified) and scratch {@code referenceSquared} of {@link #referenceSize()} doubles. Thread-safe
   * for distinct rows and scratch; the result is {@link #logRatio}'s, bit for bit.
   */
  void prepare(int row, double[] targetSquared, double[] referenceSquared) {
    if (cache.length > 0 && Double.isNaN(cache[row])) {
      cache[row] = compute(row, targetSquared, referenceSquared);
    }
  }

  /** r(g) for pool row {@code row}: the estimated log of p_X(g)/p_G(g). */
  double logRatio(int row) {
    double r = cache.length == 0 ? Double.NaN : cache[row];
    if (!Double.isNaN(r)) {
      return r;
    }
    if (referenceSquared == null) {
      referenceSquared = new double[reference.size()];
      targetSquared = new double[target.size()];
    }
    ops.squaredDistances(pool.data(), pool.offset(row), target.points(), targetSquared);
    r = compute(row, targetSquared, referenceSquared);
    if (cache.length > 0) {
      cache[row] = r;
    }
    return r;
  }

  private double compute(int row, double[] targetSquared, double[] referenceSquared) {
    int size = reference.size();
    int k = target.k();
    int bigK = poolOrder(k, size, target.size());
    ops.squaredDistances(pool.data(), pool.offset(row), reference, referenceSquared);
    long id = table == null ? row : table.listedId(row);
    int self = sampled == null ? row : Arrays.binarySearch(sampled, id);
    if (self >= 0) {
      referenceSquared[self] = Double.POSITIVE_INFINITY; // "other" pool rows
    }
    int kX = Math.min(k, target.size());
    double nuG = ClippedDistance.delta(kthSmallest(referenceSquared, bigK));
    double nuX = ClippedDistance.delta(kthSmallest(targetSquared, kX));
    return target.dim() * (Math.log(nuG) - Math.log(nuX))
        + Math.log((size - 1.0) / target.size())
        + digamma(kX)
        - digamma(bigK);
  }

  /**
   * An infinite λ_D makes the term a filter: the selector drops a shortlisted row with r(g) < τ
   * from the pool before ranking, so it neither competes nor counts as a rejection for patience
   * (a finite penalty that large would end the run once every shortlisted row pays it).
   */
  boolean filters() {
    return lambda == Double.POSITIVE_INFINITY;
  }

  /** For the filter: whether pool row {@code row} may be selected, r(g) ≥ τ. */
  boolean passes(int row) {
    return logRatio(row) >= cutoff();
  }

  /** {@link #threshold()}, computed once. */
  private double cutoff() {
    if (Double.isNaN(cutoff)) {
      cutoff = threshold();
    }
    return cutoff;
  }

  /**
   * λ_D · (1/n) · max(0, τ − r(g)): what the candidate adds to the penalised objective (0 when the
   * term is off or a filter).
   */
  double penalty(int row) {
    if (lambda == 0 || filters()) {
      return 0;
    }
    return lambda / target.size() * Math.max(0, cutoff() - logRatio(row));
  }

  /** The rows ν^G_K is measured against (the density sample, or the pool itself). */
  VectorSet reference() {
    return reference;
  }

  /** How many pool rows ν^G_K is measured against (S, or M for the whole pool). */
  int referenceSize() {
    return reference.size();
  }

  /** The pool rows of the reference sample, ascending (all rows when it is the whole pool). */
  long[] referenceRows() {
    if (sampled == null) {
      long[] all = new long[pool.size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    return sampled.clone();
  }

  /** Salts the config seed so the sample is independent of the selector's own random stream. */
  private static final long SAMPLE_SALT = 0x9E3779B97F4A7C15L;

  /** K: the pool-side neighbour order, k scaled by (M − 1)/n and kept within [k, M − 1]. */
  static int poolOrder(int k, int poolSize, int targetSize) {
    long scaled = Math.round(k * (poolSize - 1.0) / targetSize);
    return (int) Math.max(1, Math.min(poolSize - 1, Math.max(k, scaled)));
  }

  /** ψ(j) for an integer j ≥ 1: −γ + Σ_{i<j} 1/i. */
  static double digamma(int j) {
    double s = -0.5772156649015329;
    for (int i = 1; i < j; i++) {
      s += 1.0 / i;
    }
    return s;
  }
}
