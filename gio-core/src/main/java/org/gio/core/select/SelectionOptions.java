package org.gio.core.select;

import org.gio.core.stop.StopRule;

/**
 * The options both selectors read (ALGORITHM.md §4): the estimator's k, the size cap, the stop
 * rule and its parameters with patience, the start when no D is given (empty or uniform), the
 * relaxation the KL trace reports, the seed, the shortlist's size and the two precision terms.
 * Immutable; made from a {@link GioConfig} by {@link GioConfig#greedy()} or {@link
 * GioConfig#published()}, which validated every value, so each selector is handed only the
 * options it reads: {@link GreedyOptions} adds the gain table's, {@link PublishedOptions} the
 * descent's and the pool's.
 */
public abstract sealed class SelectionOptions permits GreedyOptions, PublishedOptions {
  private final int k;
  private final int maxIter;
  private final StopRule stop;
  private final double minDifference;
  private final double maxDataSize;
  private final double minKl;
  private final int maxSequentialIncreases;
  private final int patience;
  private final long seed;
  private final boolean trackExactKl;
  private final StartMode start;
  private final double uniformLow;
  private final double uniformHigh;
  private final int uniformStartSize;
  private final boolean normalize;
  private final ObjectiveKind objective;
  private final double softminBeta;
  private final boolean discardNearestForXY;
  private final int candidates;
  private final double outlierWeight;
  private final double densityWeight;
  private final double densityThreshold;
  private final boolean densityRelative;
  private final double densityQuantile;
  private final int densitySample;

  SelectionOptions(GioConfig c) {
    k = c.k();
    maxIter = c.maxIter();
    stop = c.stop();
    minDifference = c.minDifference();
    maxDataSize = c.maxDataSize();
    minKl = c.minKl();
    maxSequentialIncreases = c.maxSequentialIncreases();
    patience = c.patience();
    seed = c.seed();
    trackExactKl = c.trackExactKl();
    start = c.start();
    uniformLow = c.uniformLow();
    uniformHigh = c.uniformHigh();
    uniformStartSize = c.uniformStartSize();
    normalize = c.normalize();
    objective = c.objective();
    softminBeta = c.softminBeta();
    discardNearestForXY = c.discardNearestForXY();
    candidates = c.candidates();
    outlierWeight = c.outlierWeight();
    densityWeight = c.densityWeight();
    densityThreshold = c.densityThreshold();
    densityRelative = c.densityRelative();
    densityQuantile = c.densityQuantile();
    densitySample = c.densitySample();
  }

  /** Neighbour order of the estimators ({@link GioConfig#k()}). */
  public int k() {
    return k;
  }

  /** At most this many rows are accepted ({@link GioConfig#maxIter()}). */
  public int maxIter() {
    return maxIter;
  }

  public StopRule stop() {
    return stop;
  }

  public double minDifference() {
    return minDifference;
  }

  public double maxDataSize() {
    return maxDataSize;
  }

  public double minKl() {
    return minKl;
  }

  public int maxSequentialIncreases() {
    return maxSequentialIncreases;
  }

  /** Candidates in a row the stop rule may reject before the run stops ({@link GioConfig#patience()}). */
  public int patience() {
    return patience;
  }

  public long seed() {
    return seed;
  }

  /** Whether KL_exact is kept alongside and reported for every accepted row. */
  public boolean trackExactKl() {
    return trackExactKl;
  }

  /** The initial W when none is given (and, in the published loop, randomInitPct is 0). */
  public StartMode start() {
    return start;
  }

  public double uniformLow() {
    return uniformLow;
  }

  public double uniformHigh() {
    return uniformHigh;
  }

  public int uniformStartSize() {
    return uniformStartSize;
  }

  /** Whether the uniform start's rows are scaled to unit norm. */
  public boolean normalize() {
    return normalize;
  }

  /** The relaxation: the published loop's descent objective, the KL trace of both. */
  public ObjectiveKind objective() {
    return objective;
  }

  /** β of the softmin objective; NaN means β = d. */
  public double softminBeta() {
    return softminBeta;
  }

  public boolean discardNearestForXY() {
    return discardNearestForXY;
  }

  /** Rows scored exactly per iteration ({@link GioConfig#candidates()}). */
  public int candidates() {
    return candidates;
  }

  /** λ of the outlier penalty ({@link GioConfig#outlierWeight()}). */
  public double outlierWeight() {
    return outlierWeight;
  }

  /** λ_D of the density-ratio term ({@link GioConfig#densityWeight()}). */
  public double densityWeight() {
    return densityWeight;
  }

  public double densityThreshold() {
    return densityThreshold;
  }

  public boolean densityRelative() {
    return densityRelative;
  }

  public double densityQuantile() {
    return densityQuantile;
  }

  public int densitySample() {
    return densitySample;
  }
}
