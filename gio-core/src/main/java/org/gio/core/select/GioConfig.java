package org.gio.core.select;

import org.gio.core.stop.StopRule;

/**
 * Every option of a GIO run (ALGORITHM.md §4), immutable: what the command line sets and the JSON
 * report's {@code config} section lists ({@link #asMap()}). Build one with {@link #builder()};
 * {@link Builder#build()} rejects a bad value with a message naming the field and its range.
 * Defaults are the reference's.
 *
 * <p>Each selector reads its own part: {@link #greedy()} gives the default selection's {@link
 * GreedyOptions}, {@link #published()} the published loop's {@link PublishedOptions}, both
 * extending the shared {@link SelectionOptions}; {@link #shortlist()} chooses between them
 * ({@link GioSelector}) and {@link #budget()} only sets maxIter and the stop rule here.
 */
public final class GioConfig {
  private final int k;
  private final int maxIter;
  private final StopRule stop;
  private final double minDifference;
  private final boolean resetsAllowed;
  private final int maxResets;
  private final double maxDataSize;
  private final double minKl;
  private final int maxSequentialIncreases;
  private final double randomInitPct;
  private final double randomRestartProb;
  private final double scaleFactor;
  private final VInit vInit;
  private final int gradDescIter;
  private final double lr;
  private final boolean discardNearestForXY;
  private final boolean normalize;
  private final double uniformLow;
  private final double uniformHigh;
  private final int uniformStartSize;
  private final long seed;
  private final boolean trackExactKl;
  private final ObjectiveKind objective;
  private final double softminBeta;
  private final int candidates;
  private final int patience;
  private final StartMode start;
  private final Shortlist shortlist;
  private final double outlierWeight;
  private final double densityWeight;
  private final double densityThreshold;
  private final boolean densityRelative;
  private final int retrievalCandidates;
  private final double densityQuantile;
  private final int densitySample;
  private final int gainOrders;
  private final int budget;

  private GioConfig(Builder b) {
    k = b.k;
    maxIter = b.maxIter;
    stop = b.stop;
    minDifference = b.minDifference;
    resetsAllowed = b.resetsAllowed;
    maxResets = b.maxResets;
    maxDataSize = b.maxDataSize;
    minKl = b.minKl;
    maxSequentialIncreases = b.maxSequentialIncreases;
    randomInitPct = b.randomInitPct;
    randomRestartProb = b.randomRestartProb;
    scaleFactor = b.scaleFactor;
    vInit = b.vInit;
    gradDescIter = b.gradDescIter;
    lr = b.lr;
    discardNearestForXY = b.discardNearestForXY;
    normalize = b.normalize;
    uniformLow = b.uniformLow;
    uniformHigh = b.uniformHigh;
    uniformStartSize = b.uniformStartSize;
    seed = b.seed;
    trackExactKl = b.trackExactKl;
    objective = b.objective;
    softminBeta = b.softminBeta;
    candidates = b.candidates;
    patience = b.patience;
    budget = b.budget;
    start = b.start;
    shortlist = b.shortlist;
    outlierWeight = b.outlierWeight;
    densityWeight = b.densityWeight;
    densityThreshold = b.densityThreshold;
    densityRelative = b.densityRelative;
    retrievalCandidates = b.retrievalCandidates;
    densityQuantile = b.densityQuantile;
    densitySample = b.densitySample;
    gainOrders = b.gainOrders;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The reference's defaults. */
  public static GioConfig defaults() {
    return builder().build();
  }

  /**
   * The evidence-based preset (gio-bench/docs/quality.md), what {@code gio select} uses when given
   * only a pool and a target: an empty start; each iteration shortlists the {@value
   * #RECOMMENDED_CANDIDATES} pool rows with the largest estimated decrease of the k-NN estimator
   * averaged over the neighbour orders 1..k ({@link Shortlist#GAIN}, {@code gainOrders} =
   * {@value #RECOMMENDED_GAIN_ORDERS}), scores them exactly, adds the outlier penalty (weight
   * {@value #RECOMMENDED_OUTLIER_WEIGHT}) and takes the best; the {@code exact_increase} stop with
   * patience {@value #RECOMMENDED_PATIENCE} ends the run when that penalised estimator stops
   * falling (no cap on the count). Before ranking, the density-ratio filter drops shortlisted rows
   * less target-like than the {@value #RECOMMENDED_DENSITY_QUANTILE}-quantile of the target's own
   * rows, the pool side measured against a seeded sample of {@value #RECOMMENDED_DENSITY_SAMPLE}
   * pool rows (so its cost per scored row does not grow with the pool). No descent runs while the
   * gain table has rows to offer; the softmin relaxation, the {@code worst} start and 0 descent
   * steps only matter if it runs dry. Evidence: gio-bench/docs/quality.md, "A bounded density
   * estimate and the new default".
   */
  public static GioConfig recommended() {
    return recommendedBuilder().build();
  }

  /** A builder holding {@link #recommended()}'s values. */
  public static Builder recommendedBuilder() {
    return builder()
        .objective(ObjectiveKind.SOFTMIN)
        .start(StartMode.EMPTY)
        .candidates(RECOMMENDED_CANDIDATES)
        .stop(StopRule.EXACT_INCREASE)
        .patience(RECOMMENDED_PATIENCE)
        .vInit(RECOMMENDED_V_INIT)
        .gradDescIter(RECOMMENDED_GRAD_DESC_ITER)
        .shortlist(Shortlist.GAIN)
        .gainOrders(RECOMMENDED_GAIN_ORDERS)
        .outlierWeight(RECOMMENDED_OUTLIER_WEIGHT)
        .densityWeight(Double.POSITIVE_INFINITY)
        .densityQuantile(RECOMMENDED_DENSITY_QUANTILE)
        .densitySample(RECOMMENDED_DENSITY_SAMPLE)
        .maxIter(Integer.MAX_VALUE);
  }

  static final int RECOMMENDED_CANDIDATES = 32;
  static final int RECOMMENDED_PATIENCE = 5;
  static final VInit RECOMMENDED_V_INIT = VInit.WORST;
  static final int RECOMMENDED_GRAD_DESC_ITER = 0;
  static final int RECOMMENDED_GAIN_ORDERS = 5;
  static final double RECOMMENDED_OUTLIER_WEIGHT = 0.5;
  static final double RECOMMENDED_DENSITY_QUANTILE = 0.375;
  static final int RECOMMENDED_DENSITY_SAMPLE = 6000;

  /**
   * The default selection's options ({@link GreedySelector}).
   *
   * @throws org.gio.core.GioInputException when an option needs the published loop's pool in
   *     memory (randomInitPct &gt; 0, resetsAllowed), naming the flag to use instead
   */
  public GreedyOptions greedy() {
    if (randomInitPct > 0) {
      throw new org.gio.core.GioInputException(
          "random initial pool rows need the whole pool in memory; use --faithful, or give --init");
    }
    if (resetsAllowed) {
      throw new org.gio.core.GioInputException(
          "resets refill the pool of the published loop; the default selection reads a neighbour "
              + "table, so use --faithful with --resets-allowed");
    }
    return new GreedyOptions(this);
  }

  /** The published loop's options ({@code --faithful}; the gain table's are not among them). */
  public PublishedOptions published() {
    return new PublishedOptions(this);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Neighbour order of the estimators. */
  public int k() {
    return k;
  }

  /** At most this many rows are accepted (no off-by-one, unlike the released reference). */
  public int maxIter() {
    return maxIter;
  }

  public StopRule stop() {
    return stop;
  }

  public double minDifference() {
    return minDifference;
  }

  public boolean resetsAllowed() {
    return resetsAllowed;
  }

  public int maxResets() {
    return maxResets;
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

  public double randomInitPct() {
    return randomInitPct;
  }

  public double randomRestartProb() {
    return randomRestartProb;
  }

  /** True when the gradient scale is computed from the first candidate (the reference's auto). */
  public boolean autoScale() {
    return Double.isNaN(scaleFactor);
  }

  /** The fixed gradient scale; NaN when {@link #autoScale()}. */
  public double scaleFactor() {
    return scaleFactor;
  }

  public VInit vInit() {
    return vInit;
  }

  public int gradDescIter() {
    return gradDescIter;
  }

  public double lr() {
    return lr;
  }

  public boolean discardNearestForXY() {
    return discardNearestForXY;
  }

  public boolean normalize() {
    return normalize;
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

  public long seed() {
    return seed;
  }

  /** Whether KL_exact is kept alongside and reported for every accepted row. */
  public boolean trackExactKl() {
    return trackExactKl;
  }

  /** The relaxation whose gradient moves the candidate point. */
  public ObjectiveKind objective() {
    return objective;
  }

  /** β of the softmin objective; NaN means β = d. */
  public double softminBeta() {
    return softminBeta;
  }

  /**
   * How many pool rows nearest to the optimised point are scored by the exact KL decrease they
   * would give (the best is taken); 1 takes the nearest row, as the reference does.
   */
  public int candidates() {
    return candidates;
  }

  /**
   * How many candidates in a row the stop criterion may reject (each is dropped from the pool and
   * the search goes on) before the run stops; 0 stops at the first, as the reference does.
   */
  public int patience() {
    return patience;
  }

  /** The initial W when none is given and randomInitPct is 0. */
  public StartMode start() {
    return start;
  }

  /** Where the candidates the exact estimator re-ranks come from. */
  public Shortlist shortlist() {
    return shortlist;
  }

  /**
   * λ of the outlier penalty (OutlierPenalty): candidates are ranked, and the exact stop judges
   * them, by KL_exact plus λ · (d/n) · max(0, s(g)); 0 turns it off.
   */
  public double outlierWeight() {
    return outlierWeight;
  }

  /**
   * λ_D of the density-ratio penalty (DensityRatioPenalty): candidates are ranked, and the exact
   * stop judges them, by the estimator plus λ_D · (1/n) · max(0, τ − r(g)), r(g) the k-NN estimate
   * of log p_X(g)/p_G(g); 0 (the default) turns it off; {@code Double.POSITIVE_INFINITY} makes it a
   * filter (gain shortlist only): shortlisted rows with r(g) < τ are dropped from the pool.
   */
  public double densityWeight() {
    return densityWeight;
  }

  /**
   * τ of the density-ratio penalty: candidates whose log density ratio r(g) is below τ pay (unused
   * when {@link #densityQuantile()} is set).
   */
  public double densityThreshold() {
    return densityThreshold;
  }

  /**
   * Whether τ is measured from the median r at the target's own rows (r(g) − r̄ &lt; τ pays) rather
   * than absolutely; the k-NN estimate's bias depends on d and the sample sizes.
   */
  public boolean densityRelative() {
    return densityRelative;
  }

  /**
   * q of the density-ratio term's quantile threshold: candidates are compared with the q-quantile
   * of the same log density ratio at the target's own rows (leave-one-out) instead of with τ; NaN
   * (the default) uses {@link #densityThreshold()} and {@link #densityRelative()}.
   */
  public double densityQuantile() {
    return densityQuantile;
  }

  /**
   * S of the density-ratio term: the pool side of the estimate is measured against a fixed random
   * sample of S pool rows (drawn from {@link #seed()}; K and the log term use S), so a scored row
   * costs S·d however large the pool; 0 (the default) or S ≥ M uses the whole pool.
   */
  public int densitySample() {
    return densitySample;
  }

  /**
   * For {@link Shortlist#GAIN}: retrieval candidates, the nearest available pool row of each of the
   * r worst-covered target rows (largest log ν_k(i) − log ρ_k(i); GainShortlist's {@code
   * nearestOfWorst}). They join each iteration's shortlist (after the density filter, if on) and
   * take priority: the first of them, worst-covered target row first, whose penalised change is
   * negative is taken; if none helps, the best of the whole shortlist is, as without them (a row
   * the gain already shortlisted competes as a gain row). 0 (the default) adds none.
   */
  public int retrievalCandidates() {
    return retrievalCandidates;
  }

  /**
   * For {@link Shortlist#GAIN}: rank candidates, and judge them in the exact stop, by the k-NN
   * estimator averaged over this many neighbour orders, k − g + 1 .. k (1: order k alone, the
   * exact estimator; k: every order), see GainShortlist. Values above k count as k.
   */
  public int gainOrders() {
    return gainOrders;
  }

  /**
   * Every option by its field name, in declaration order: the scale factor as {@code "auto"} when
   * automatic, enums by their reference names. For reports and logs.
   */
  /**
   * The fixed selection size {@link Builder#budget(int)} asked for, or 0 when the stop rule
   * chooses the size.
   */
  public int budget() {
    return budget;
  }

  public java.util.Map<String, Object> asMap() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("k", k);
    m.put("maxIter", maxIter);
    m.put("stop", stop.referenceName());
    m.put("minDifference", minDifference);
    m.put("resetsAllowed", resetsAllowed);
    m.put("maxResets", maxResets);
    m.put("maxDataSize", maxDataSize);
    m.put("minKl", minKl);
    m.put("maxSequentialIncreases", maxSequentialIncreases);
    m.put("randomInitPct", randomInitPct);
    m.put("randomRestartProb", randomRestartProb);
    m.put("scaleFactor", autoScale() ? "auto" : scaleFactor);
    m.put("vInit", vInit.referenceName());
    m.put("gradDescIter", gradDescIter);
    m.put("lr", lr);
    m.put("discardNearestForXY", discardNearestForXY);
    m.put("normalize", normalize);
    m.put("uniformLow", uniformLow);
    m.put("uniformHigh", uniformHigh);
    m.put("uniformStartSize", uniformStartSize);
    m.put("seed", seed);
    m.put("trackExactKl", trackExactKl);
    m.put("objective", objective.referenceName());
    m.put("softminBeta", Double.isNaN(softminBeta) ? "d" : softminBeta);
    m.put("candidates", candidates);
    m.put("patience", patience);
    m.put("budget", budget);
    m.put("start", start.referenceName());
    m.put("shortlist", shortlist.referenceName());
    m.put("outlierWeight", outlierWeight);
    if (densityWeight != 0) {
      m.put("densityWeight", densityWeight);
      m.put("densityThreshold", densityThreshold);
      m.put("densityRelative", densityRelative);
      if (!Double.isNaN(densityQuantile)) {
        m.put("densityQuantile", densityQuantile);
      }
      if (densitySample != 0) {
        m.put("densitySample", densitySample);
      }
    }
    if (retrievalCandidates != 0) {
      m.put("retrievalCandidates", retrievalCandidates);
    }
    m.put("gainOrders", gainOrders);
    return m;
  }

  @Override
  public String toString() {
    return "GioConfig" + asMap();
  }

  /** Mutable builder; every setter returns {@code this}. */
  public static final class Builder {
    private int k = 5;
    private int maxIter = 100;
    private StopRule stop = StopRule.INCREASE;
    private double minDifference = 0;
    private boolean resetsAllowed = false;
    private int maxResets = 2;
    private double maxDataSize = 1.0;
    private double minKl = 0;
    private int maxSequentialIncreases = 3;
    private double randomInitPct = 0;
    private double randomRestartProb = 0;
    private double scaleFactor = Double.NaN;
    private VInit vInit = VInit.MEAN;
    private int gradDescIter = 50;
    private double lr = 0.01;
    private boolean discardNearestForXY = false;
    private boolean normalize = true;
    private double uniformLow = -1;
    private double uniformHigh = 1;
    private int uniformStartSize = 20;
    private long seed = 0;
    private boolean trackExactKl = true;
    private ObjectiveKind objective = ObjectiveKind.AVERAGED;
    private double softminBeta = Double.NaN;
    private int candidates = 1;
    private int patience = 0;
    private StartMode start = StartMode.UNIFORM;
    private Shortlist shortlist = Shortlist.NEAREST;
    private double outlierWeight = 0;
    private double densityWeight = 0;
    private double densityThreshold = 0;
    private boolean densityRelative = false;
    private int retrievalCandidates = 0;
    private double densityQuantile = Double.NaN;
    private int densitySample = 0;
    private int gainOrders = 1;
    private int budget = 0;

    private Builder() {}

    private Builder(GioConfig c) {
      k = c.k;
      maxIter = c.maxIter;
      stop = c.stop;
      minDifference = c.minDifference;
      resetsAllowed = c.resetsAllowed;
      maxResets = c.maxResets;
      maxDataSize = c.maxDataSize;
      minKl = c.minKl;
      maxSequentialIncreases = c.maxSequentialIncreases;
      randomInitPct = c.randomInitPct;
      randomRestartProb = c.randomRestartProb;
      scaleFactor = c.scaleFactor;
      vInit = c.vInit;
      gradDescIter = c.gradDescIter;
      lr = c.lr;
      discardNearestForXY = c.discardNearestForXY;
      normalize = c.normalize;
      uniformLow = c.uniformLow;
      uniformHigh = c.uniformHigh;
      uniformStartSize = c.uniformStartSize;
      seed = c.seed;
      trackExactKl = c.trackExactKl;
      objective = c.objective;
      softminBeta = c.softminBeta;
      candidates = c.candidates;
      patience = c.patience;
      budget = c.budget;
      start = c.start;
      shortlist = c.shortlist;
      outlierWeight = c.outlierWeight;
      densityWeight = c.densityWeight;
      densityThreshold = c.densityThreshold;
      densityRelative = c.densityRelative;
      retrievalCandidates = c.retrievalCandidates;
      densityQuantile = c.densityQuantile;
      densitySample = c.densitySample;
      gainOrders = c.gainOrders;
    }

    public Builder k(int v) {
      k = v;
      return this;
    }

    public Builder maxIter(int v) {
      maxIter = v;
      return this;
    }

    public Builder stop(StopRule v) {
      stop = v;
      return this;
    }

    public Builder minDifference(double v) {
      minDifference = v;
      return this;
    }

    public Builder resetsAllowed(boolean v) {
      resetsAllowed = v;
      return this;
    }

    public Builder maxResets(int v) {
      maxResets = v;
      return this;
    }

    public Builder maxDataSize(double v) {
      maxDataSize = v;
      return this;
    }

    public Builder minKl(double v) {
      minKl = v;
      return this;
    }

    public Builder maxSequentialIncreases(int v) {
      maxSequentialIncreases = v;
      return this;
    }

    public Builder randomInitPct(double v) {
      randomInitPct = v;
      return this;
    }

    public Builder randomRestartProb(double v) {
      randomRestartProb = v;
      return this;
    }

    /** A fixed gradient scale. */
    public Builder scaleFactor(double v) {
      scaleFactor = v;
      return this;
    }

    /** The reference's {@code auto} scale (the default). */
    public Builder autoScale() {
      scaleFactor = Double.NaN;
      return this;
    }

    public Builder vInit(VInit v) {
      vInit = v;
      return this;
    }

    public Builder gradDescIter(int v) {
      gradDescIter = v;
      return this;
    }

    public Builder lr(double v) {
      lr = v;
      return this;
    }

    public Builder discardNearestForXY(boolean v) {
      discardNearestForXY = v;
      return this;
    }

    public Builder normalize(boolean v) {
      normalize = v;
      return this;
    }

    public Builder uniformLow(double v) {
      uniformLow = v;
      return this;
    }

    public Builder uniformHigh(double v) {
      uniformHigh = v;
      return this;
    }

    public Builder uniformStartSize(int v) {
      uniformStartSize = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder trackExactKl(boolean v) {
      trackExactKl = v;
      return this;
    }

    public Builder objective(ObjectiveKind v) {
      objective = v;
      return this;
    }

    /** β of the softmin objective; NaN (the default) means β = d. */
    public Builder softminBeta(double v) {
      softminBeta = v;
      return this;
    }

    public Builder candidates(int v) {
      candidates = v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder start(StartMode v) {
      start = v;
      return this;
    }

    public Builder shortlist(Shortlist v) {
      shortlist = v;
      return this;
    }

    public Builder outlierWeight(double v) {
      outlierWeight = v;
      return this;
    }

    public Builder densityWeight(double v) {
      densityWeight = v;
      return this;
    }

    public Builder densityThreshold(double v) {
      densityThreshold = v;
      return this;
    }

    public Builder densityRelative(boolean v) {
      densityRelative = v;
      return this;
    }

    public Builder densityQuantile(double v) {
      densityQuantile = v;
      return this;
    }

    public Builder densitySample(int v) {
      densitySample = v;
      return this;
    }

    public Builder retrievalCandidates(int v) {
      retrievalCandidates = v;
      return this;
    }

    /**
     * Exactly {@code n} rows (fewer only when the pool runs out of candidates: stop reason {@code
     * pool_exhausted}): no early stop. On {@link #build()} this sets {@code maxIter} to n, the stop
     * rule to {@code data_size} with {@code maxDataSize} 1 (which never fires before the pool is
     * exhausted) and patience to 0, whatever they were; 0 turns the budget off again (the other
     * fields then keep those values).
     */
    public Builder budget(int n) {
      budget = n;
      return this;
    }

    public Builder gainOrders(int v) {
      gainOrders = v;
      return this;
    }

    /** Validates every field and builds. */
    public GioConfig build() {
      atLeast("budget", budget, 0);
      if (budget > 0) {
        maxIter = budget;
        stop = StopRule.DATA_SIZE;
        maxDataSize = 1.0;
        patience = 0;
      }
      atLeast("k", k, 1);
      atLeast("maxIter", maxIter, 0);
      if (stop == null) {
        throw new InvalidConfigException("stop must be one of: " + StopRule.names());
      }
      if (vInit == null) {
        throw new InvalidConfigException("vInit must be one of: mean, prev_opt, jump");
      }
      finite("minDifference", minDifference);
      atLeast("maxResets", maxResets, 0);
      inRange("maxDataSize", maxDataSize, 0, 1);
      finite("minKl", minKl);
      atLeast("maxSequentialIncreases", maxSequentialIncreases, 0);
      if (!(randomInitPct >= 0 && randomInitPct < 1)) {
        throw new InvalidConfigException(
            "randomInitPct must be in [0, 1) (a fraction of the pool), was " + randomInitPct);
      }
      inRange("randomRestartProb", randomRestartProb, 0, 1);
      if (!Double.isNaN(scaleFactor) && !(scaleFactor > 0 && Double.isFinite(scaleFactor))) {
        throw new InvalidConfigException(
            "scaleFactor must be a positive finite number or auto, was " + scaleFactor);
      }
      atLeast("gradDescIter", gradDescIter, 0);
      if (!(lr >= 0 && Double.isFinite(lr))) {
        throw new InvalidConfigException("lr must be a finite number ≥ 0, was " + lr);
      }
      finite("uniformLow", uniformLow);
      finite("uniformHigh", uniformHigh);
      if (!(uniformLow < uniformHigh)) {
        throw new InvalidConfigException(
            "uniformLow must be below uniformHigh, was [" + uniformLow + ", " + uniformHigh + "]");
      }
      atLeast("uniformStartSize", uniformStartSize, 1);
      if (stop == StopRule.MAX_RESETS && !resetsAllowed) {
        throw new InvalidConfigException(
            "stop max_resets needs resetsAllowed = true (it counts resets); enable resets or"
                + " choose another stop criterion");
      }
      if (objective == null) {
        throw new InvalidConfigException("objective must be one of: averaged, softmin");
      }
      if (!(outlierWeight >= 0 && Double.isFinite(outlierWeight))) {
        throw new InvalidConfigException(
            "outlierWeight must be a finite number ≥ 0 (0 turns the penalty off), was "
                + outlierWeight);
      }
      if (!(densityWeight >= 0)) {
        throw new InvalidConfigException(
            "densityWeight must be a number ≥ 0 (0 turns the penalty off, Infinity makes it a"
                + " filter), was "
                + densityWeight);
      }
      if (!Double.isFinite(densityThreshold)) {
        throw new InvalidConfigException(
            "densityThreshold must be a finite log density ratio (e.g. 0), was " + densityThreshold);
      }
      if (shortlist == null) {
        throw new InvalidConfigException("shortlist must be one of: nearest, gain");
      }
      if (!Double.isNaN(densityQuantile) && !(densityQuantile > 0 && densityQuantile < 1)) {
        throw new InvalidConfigException(
            "densityQuantile must be a share in (0, 1) (e.g. 0.05: keep rows at least as"
                + " target-like as the 5th percentile of target rows) or unset, was "
                + densityQuantile);
      }
      if (densitySample < 0) {
        throw new InvalidConfigException(
            "densitySample must be a row count ≥ 0 (0: the whole pool; e.g. 6000 bounds the"
                + " density term's cost per scored row), was "
                + densitySample);
      }
      if (retrievalCandidates < 0) {
        throw new InvalidConfigException(
            "retrievalCandidates must be ≥ 0 (0 adds none), was " + retrievalCandidates);
      }
      if (retrievalCandidates > 0 && shortlist != Shortlist.GAIN) {
        throw new InvalidConfigException(
            "retrievalCandidates needs the gain shortlist (shortlist gain); it was "
                + retrievalCandidates
                + " with shortlist "
                + shortlist.referenceName());
      }
      if (start == null) {
        throw new InvalidConfigException("start must be one of: uniform, empty");
      }
      if (!Double.isNaN(softminBeta) && !(softminBeta > 0 && Double.isFinite(softminBeta))) {
        throw new InvalidConfigException(
            "softminBeta must be a positive finite number (or unset for β = d), was " + softminBeta);
      }
      atLeast("candidates", candidates, 1);
      atLeast("patience", patience, 0);
      atLeast("gainOrders", gainOrders, 1);
      if (stop == StopRule.EXACT_INCREASE && !trackExactKl) {
        throw new InvalidConfigException(
            "stop exact_increase needs trackExactKl = true (it watches the exact estimator)");
      }
      return new GioConfig(this);
    }

    private static void atLeast(String field, long value, long min) {
      if (value < min) {
        throw new InvalidConfigException(field + " must be ≥ " + min + ", was " + value);
      }
    }

    private static void finite(String field, double value) {
      if (!Double.isFinite(value)) {
        throw new InvalidConfigException(field + " must be a finite number, was " + value);
      }
    }

    private static void inRange(String field, double value, double min, double max) {
      if (!(value >= min && value <= max)) {
        throw new InvalidConfigException(
            field + " must be in [" + min + ", " + max + "], was " + value);
      }
    }
  }
}
