package org.gio.ann;

/**
 * The knobs of the HNSW index and of the graph-based ρ_k search. Immutable; build with {@link
 * #builder()}. The defaults give recall@1 of about 1.0 with re-ranking on the benchmark data (see
 * gio-bench/docs/ann.md) and a deterministic graph.
 */
public final class HnswOptions {
  /** The defaults bound by {@link HnswModule}. */
  public static final HnswOptions DEFAULTS = builder().build();

  private final int maxConn;
  private final int beamWidth;
  private final int efSearch;
  private final int rerank;
  private final int buildThreads;
  private final long seed;
  private final int exactScanRows;
  private final boolean scanWhenCheaper;
  private final int kthGraphMinRows;
  private final java.nio.file.Path graphCache;
  private final boolean efFollowsAvailable;

  private HnswOptions(Builder b) {
    this.maxConn = b.maxConn;
    this.beamWidth = b.beamWidth;
    this.efSearch = b.efSearch;
    this.rerank = b.rerank < 0 ? b.efSearch : b.rerank;
    this.buildThreads = b.buildThreads;
    this.seed = b.seed;
    this.exactScanRows = b.exactScanRows < 0 ? b.efSearch : b.exactScanRows;
    this.scanWhenCheaper = b.scanWhenCheaper;
    this.kthGraphMinRows = b.kthGraphMinRows;
    this.graphCache = b.graphCache;
    this.efFollowsAvailable = b.efFollowsAvailable;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxConn = maxConn;
    b.beamWidth = beamWidth;
    b.efSearch = efSearch;
    b.rerank = rerank;
    b.buildThreads = buildThreads;
    b.seed = seed;
    b.exactScanRows = exactScanRows;
    b.scanWhenCheaper = scanWhenCheaper;
    b.kthGraphMinRows = kthGraphMinRows;
    b.graphCache = graphCache;
    b.efFollowsAvailable = efFollowsAvailable;
    return b;
  }

  /** M: neighbours per node on the upper levels (twice this on level 0). */
  public int maxConn() {
    return maxConn;
  }

  /** Candidates kept while linking a new node during the build (Lucene's beamWidth). */
  public int beamWidth() {
    return beamWidth;
  }

  /** Search breadth (ef): how many accepted candidates a query collects from the graph. */
  public int efSearch() {
    return efSearch;
  }

  /** How many of the collected candidates are re-ranked by exact distance; 0 trusts the graph. */
  public int rerank() {
    return rerank;
  }

  /** Threads for the graph build; 1 is deterministic, more is faster but not reproducible. */
  public int buildThreads() {
    return buildThreads;
  }

  /** Seed of the graph builder's level assignment. */
  public long seed() {
    return seed;
  }

  /** When at most this many rows remain available, queries scan them exactly. */
  public int exactScanRows() {
    return exactScanRows;
  }

  /**
   * When on, a query scans the available rows exactly instead of searching the graph whenever the
   * search is predicted (from the visits of earlier searches, scaled by the removed share) or found
   * (a search that visits as many nodes as there are available rows is abandoned, Lucene's own
   * filtered-search rule) to cost more than that scan. This is what keeps removal-heavy pools fast.
   */
  public boolean scanWhenCheaper() {
    return scanWhenCheaper;
  }

  /** Targets with fewer rows get ρ_k by the exact all-pairs search instead of a graph. */
  public int kthGraphMinRows() {
    return kthGraphMinRows;
  }

  /**
   * When on (the default), a query's breadth is efSearch × the available share, but at least
   * efSearch / 2: a filtered search keeps ef available rows, so with half the pool removed it would
   * otherwise explore twice the region, and cost twice as much, for recall it does not need.
   */
  public boolean efFollowsAvailable() {
    return efFollowsAvailable;
  }

  /**
   * Directory where pool graphs are cached between runs, keyed by the rows' contents and the build
   * options; {@code null} (the default) builds every time. For benchmarks that try many search
   * settings on one large pool: a 1M-row build costs CPU-minutes, loading it seconds.
   */
  public java.nio.file.Path graphCache() {
    return graphCache;
  }

  @Override
  public String toString() {
    return "HnswOptions[M=" + maxConn + ", beamWidth=" + beamWidth + ", efSearch=" + efSearch
        + ", rerank=" + rerank + ", buildThreads=" + buildThreads + ", seed=" + seed
        + ", exactScanRows=" + exactScanRows + ", scanWhenCheaper=" + scanWhenCheaper
        + ", kthGraphMinRows=" + kthGraphMinRows
        + ", efFollowsAvailable=" + efFollowsAvailable
        + (graphCache == null ? "" : ", graphCache=" + graphCache) + "]";
  }

  /** Options with their defaults; {@link #build()} validates them. */
  public static final class Builder {
    private int maxConn = 16;
    private int beamWidth = 100;
    private int efSearch = 100;
    private int rerank = -1; // follows efSearch
    private int buildThreads = 1;
    private long seed = 42L;
    private int exactScanRows = -1; // follows efSearch
    private boolean scanWhenCheaper = true;
    private int kthGraphMinRows = 10_000;
    private java.nio.file.Path graphCache;
    private boolean efFollowsAvailable = true;

    private Builder() {}

    public Builder maxConn(int m) {
      this.maxConn = m;
      return this;
    }

    public Builder beamWidth(int beamWidth) {
      this.beamWidth = beamWidth;
      return this;
    }

    public Builder efSearch(int efSearch) {
      this.efSearch = efSearch;
      return this;
    }

    /** Candidates re-ranked exactly; default: all {@code efSearch} of them. */
    public Builder rerank(int rerank) {
      this.rerank = rerank;
      return this;
    }

    public Builder buildThreads(int buildThreads) {
      this.buildThreads = buildThreads;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Default: {@code efSearch}, since a graph query costs at least that many distances. */
    public Builder exactScanRows(int exactScanRows) {
      this.exactScanRows = exactScanRows;
      return this;
    }

    public Builder scanWhenCheaper(boolean scanWhenCheaper) {
      this.scanWhenCheaper = scanWhenCheaper;
      return this;
    }

    public Builder kthGraphMinRows(int kthGraphMinRows) {
      this.kthGraphMinRows = kthGraphMinRows;
      return this;
    }

    public Builder efFollowsAvailable(boolean efFollowsAvailable) {
      this.efFollowsAvailable = efFollowsAvailable;
      return this;
    }

    /** Cache directory for built pool graphs; {@code null} turns caching off. */
    public Builder graphCache(java.nio.file.Path directory) {
      this.graphCache = directory;
      return this;
    }

    public HnswOptions build() {
      // Lucene's own limits: M in [1, 512], beamWidth in [1, 3200].
      require(maxConn >= 1 && maxConn <= 512, "maxConn (M) must be in [1, 512], was " + maxConn);
      require(beamWidth >= 1 && beamWidth <= 3200, "beamWidth must be in [1, 3200], was " + beamWidth);
      require(efSearch >= 1, "efSearch must be positive, was " + efSearch);
      require(rerank >= -1, "rerank must be ≥ 0, was " + rerank);
      require(buildThreads >= 1, "buildThreads must be positive, was " + buildThreads);
      require(exactScanRows >= -1, "exactScanRows must be ≥ 0, was " + exactScanRows);
      require(kthGraphMinRows >= 0, "kthGraphMinRows must be ≥ 0, was " + kthGraphMinRows);
      return new HnswOptions(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("HNSW option " + message);
      }
    }
  }
}
