package org.gio.core.quantize;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.gio.core.GioInputException;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * K-means for quantizing a pool (ALGORITHM.md §5): seeded k-means++ or k-means|| initialisation,
 * then Lloyd iterations until the centroids move less than the tolerance or the iteration cap.
 *
 * <p>The assignment step uses Yinyang bounds ({@link YinyangAssignment}): per row, one lower bound
 * per group of centroids lets most rows, and most groups of the others, skip the scan. Scanned
 * groups go through the blocked matrix-form kernel of the {@link VectorOps} ({@link
 * VectorOps#nearestCentroids}; a Vector API one with the simd backend), and the assignment is
 * exactly the one a full scan with that kernel gives (ties to the lowest index).
 *
 * <p>Same rows, options and seed give the same centroids bit for bit on any number of threads:
 * work is split in fixed blocks of rows, each row's result depends only on the row, centroid sums
 * run over each cluster's members in row order, and every other sum is combined in block order.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(int)}.
 */
public final class KMeans {
  private static final int BLOCK = 256;

  /** Called after every Lloyd iteration (for progress lines). */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (iteration, inertia, moved, nanos) -> {};

    void iteration(int iteration, double inertia, int moved, long nanos);
  }

  private final int clusters;
  private final int maxIter;
  private final double tol;
  private final long seed;
  private final KMeansInit init;
  private final int threads;
  private final VectorOps ops;
  private final VectorSet initialCentroids;
  private final Listener listener;

  private KMeans(Builder b) {
    this.clusters = b.clusters;
    this.maxIter = b.maxIter;
    this.tol = b.tol;
    this.seed = b.seed;
    this.init = b.init;
    this.threads = b.threads;
    this.ops = b.ops;
    this.initialCentroids = b.initialCentroids;
    this.listener = b.listener;
  }

  /** A builder for K = {@code clusters} centroids; fails when K &lt; 1. */
  public static Builder builder(int clusters) {
    return new Builder(clusters);
  }

  public int clusters() {
    return clusters;
  }

  public int maxIter() {
    return maxIter;
  }

  public double tol() {
    return tol;
  }

  public long seed() {
    return seed;
  }

  public KMeansInit init() {
    return init;
  }

  /** The kernels this fit runs on. */
  public VectorOps ops() {
    return ops;
  }

  /** Fits K centroids to {@code rows}; fails when K exceeds the number of rows. */
  public KMeansResult fit(VectorSet rows) {
    Objects.requireNonNull(rows, "rows");
    if (clusters > rows.size()) {
      throw new GioInputException(
          "K-means with K = " + clusters + " clusters needs at least " + clusters
              + " rows, but there are only " + rows.size() + "; choose K ≤ " + rows.size());
    }
    if (initialCentroids != null && initialCentroids.dim() != rows.dim()) {
      throw new GioInputException(
          "initial centroids have " + initialCentroids.dim() + " dimensions, rows have "
              + rows.dim());
    }
    ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
    try {
      return new Run(rows, pool).fit();
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /**
   * The initial centroids only (k-means++ or k-means|| with this seed), e.g. to give another
   * library the same start.
   */
  public VectorSet seed(VectorSet rows) {
    if (clusters > rows.size()) {
      throw new GioInputException("K = " + clusters + " exceeds the " + rows.size() + " rows");
    }
    ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
    try {
      Run run = new Run(rows, pool);
      run.computeNorms();
      return VectorSet.wrap(run.initialCentroids(), clusters, rows.dim());
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /** The state of one fit. */
  private final class Run {
    final VectorSet rows;
    final ForkJoinPool pool;
    final int n;
    final int dim;
    final float[] data;
    final float[] norms; // ‖x‖²
    final int[] assign;
    final double[] dist2; // exact squared distance to the assigned centroid
    final int blocks;
    YinyangAssignment yinyang;

    Run(VectorSet rows, ForkJoinPool pool) {
      this.rows = rows;
      this.pool = pool;
      this.n = rows.size();
      this.dim = rows.dim();
      this.data = rows.data();
      this.norms = new float[n];
      this.assign = new int[n];
      this.dist2 = new double[n];
      this.blocks = Parallel.blocks(n, BLOCK);
    }

    KMeansResult fit() {
      long t0 = System.nanoTime();
      computeNorms();
      float[] centroids = initialCentroids();
      long initNanos = System.nanoTime() - t0;
      double tolAbs = tol * meanVariance();

      double[] inertia = new double[maxIter];
      long[] nanos = new long[maxIter];
      int iterations = 0;
      boolean converged = false;
      long[] skipped = new long[maxIter + 1];
      long[] scores = new long[maxIter + 1];
      yinyang = new YinyangAssignment(rows, norms, centroids, clusters, ops, pool);
      double[] moved = null;
      int[] previous = new int[n];
      while (iterations < maxIter) {
        long start = System.nanoTime();
        System.arraycopy(assign, 0, previous, 0, n);
        yinyang.assign(centroids, moved, assign, dist2);
        skipped[iterations] = yinyang.skippedRows();
        scores[iterations] = yinyang.scores();
        inertia[iterations] = sumDist2();
        int changed = moved == null ? n : countMoved(previous);
        float[] next = update(centroids);
        moved = movement(centroids, next);
        double shift = 0;
        for (double m : moved) {
          shift += m * m;
        }
        centroids = next;
        nanos[iterations] = System.nanoTime() - start;
        listener.iteration(iterations, inertia[iterations], changed, nanos[iterations]);
        iterations++;
        if ((changed == 0 && iterations > 1) || shift <= tolAbs) {
          converged = true;
          break;
        }
      }
      // One more assignment so the labels belong to the returned centroids (as scikit-learn does).
      yinyang.assign(centroids, moved, assign, dist2);
      skipped[iterations] = yinyang.skippedRows();
      scores[iterations] = yinyang.scores();
      double finalInertia = sumDist2();
      Quantization q =
          Quantization.of(VectorSet.wrap(centroids, clusters, dim), assign.clone());
      return new KMeansResult(q, Arrays.copyOf(inertia, iterations), finalInertia,
          Arrays.copyOf(nanos, iterations), initNanos, converged,
          Arrays.copyOf(skipped, iterations + 1), Arrays.copyOf(scores, iterations + 1));
    }

    void computeNorms() {
      Parallel.forEachBlock(pool, blocks, b -> {
        for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
          norms[i] = (float) ops.dot(data, i * dim, data, i * dim, dim);
        }
      });
    }

    float[] initialCentroids() {
      if (initialCentroids != null) {
        if (initialCentroids.size() != clusters) {
          throw new GioInputException("given " + initialCentroids.size()
              + " initial centroids for K = " + clusters);
        }
        return initialCentroids.data().clone();
      }
      SplittableRandom random = new SplittableRandom(seed);
      Seeding seeding = new Seeding(rows, ops, pool);
      if (init == KMeansInit.KMEANS_PARALLEL) {
        return seeding.parallel(clusters, seed, random, norms);
      }
      return rows.select(seeding.plusPlus(clusters, random)).data();
    }

    /** scikit-learn's tolerance scale: the mean over columns of the column variance. */
    double meanVariance() {
      double[] mean = rows.mean();
      double[] partial = new double[blocks];
      Parallel.forEachBlock(pool, blocks, b -> {
        double s = 0;
        for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
          for (int j = 0; j < dim; j++) {
            double t = data[i * dim + j] - mean[j];
            s += t * t;
          }
        }
        partial[b] = s;
      });
      double total = 0;
      for (double p : partial) {
        total += p;
      }
      return total / ((double) n * dim);
    }

    /** How far each centroid moved (Euclidean). */
    double[] movement(float[] old, float[] next) {
      double[] m = new double[clusters];
      Parallel.forEachBlock(pool, Parallel.blocks(clusters, 64), b -> {
        for (int c = b * 64, end = Math.min(clusters, c + 64); c < end; c++) {
          m[c] = Math.sqrt(ops.squaredDistance(old, c * dim, next, c * dim, dim));
        }
      });
      return m;
    }

    double sumDist2() {
      return Parallel.sum(pool, dist2, n, BLOCK);
    }

    int countMoved(int[] previous) {
      int moved = 0;
      for (int i = 0; i < n; i++) {
        if (previous[i] != assign[i]) {
          moved++;
        }
      }
      return moved;
    }

    /** New centroids: member means, after re-seeding empty clusters with the farthest rows. */
    float[] update(float[] centroids) {
      repairEmpty();
      Quantization q = Quantization.of(VectorSet.wrap(centroids, clusters, dim), assign);
      int[][] members = q.membersTable();
      float[] next = new float[clusters * dim];
      int cBlock = 8;
      Parallel.forEachBlock(pool, Parallel.blocks(clusters, cBlock), b -> {
        double[] sum = new double[dim];
        for (int c = b * cBlock, end = Math.min(clusters, c + cBlock); c < end; c++) {
          int[] m = members[c];
          Arrays.fill(sum, 0.0);
          for (int i : m) {
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
              sum[j] += data[o + j];
            }
          }
          for (int j = 0; j < dim; j++) {
            next[c * dim + j] = (float) (sum[j] / m.length);
          }
        }
      });
      return next;
    }

    /**
     * An empty cluster takes the row farthest from its own centroid (ties: lowest row), as
     * scikit-learn does; a row whose cluster would become empty is not taken.
     */
    void repairEmpty() {
      int[] sizes = new int[clusters];
      for (int a : assign) {
        sizes[a]++;
      }
      int empty = 0;
      for (int s : sizes) {
        if (s == 0) {
          empty++;
        }
      }
      if (empty == 0) {
        return;
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> {
        int c = Double.compare(dist2[y], dist2[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      int next = 0;
      for (int c = 0; c < clusters; c++) {
        if (sizes[c] != 0) {
          continue;
        }
        while (sizes[assign[order[next]]] <= 1) {
          next++;
        }
        int row = order[next++];
        sizes[assign[row]]--;
        sizes[c] = 1;
        assign[row] = c;
        dist2[row] = 0;
        yinyang.reset(row); // its bounds were for another centroid: scan it next time
      }
    }
  }

  /** Options for {@link KMeans}. */
  public static final class Builder {
    private final int clusters;
    private int maxIter = 300;
    private double tol = 1e-4;
    private long seed;
    private KMeansInit init = KMeansInit.KMEANS_PLUS_PLUS;
    private int threads = Runtime.getRuntime().availableProcessors();
    private VectorOps ops = new ScalarVectorOps();
    private VectorSet initialCentroids;
    private Listener listener = Listener.NONE;

    private Builder(int clusters) {
      if (clusters < 1) {
        throw new GioInputException(
            "K-means needs at least 1 cluster, was K = " + clusters);
      }
      this.clusters = clusters;
    }

    /** Lloyd iterations at most (default 300, as scikit-learn). */
    public Builder maxIter(int maxIter) {
      if (maxIter < 1) {
        throw new GioInputException("K-means max iterations must be at least 1, was " + maxIter);
      }
      this.maxIter = maxIter;
      return this;
    }

    /**
     * Stop when the summed squared centroid movement is at most tol × the data's mean column
     * variance (scikit-learn's definition; default 1e-4). 0 runs to the iteration cap unless the
     * assignment stops changing.
     */
    public Builder tol(double tol) {
      if (!(tol >= 0) || Double.isInfinite(tol)) {
        throw new GioInputException("K-means tolerance must be a finite number ≥ 0, was " + tol);
      }
      this.tol = tol;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder init(KMeansInit init) {
      this.init = Objects.requireNonNull(init, "init");
      return this;
    }

    /** Worker threads (default: available processors). Results do not depend on it. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new GioInputException("K-means threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The kernels for per-pair distances (default scalar; pass the injected one). */
    public Builder ops(VectorOps ops) {
      this.ops = Objects.requireNonNull(ops, "ops");
      return this;
    }

    /** Start from these K centroids instead of seeding (e.g. to compare with another library). */
    public Builder initialCentroids(VectorSet centroids) {
      this.initialCentroids = centroids;
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public KMeans build() {
      return new KMeans(this);
    }
  }
}
