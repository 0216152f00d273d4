package org.gio.core.quantize;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.gio.core.GioInputException;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The assignment step of Lloyd's K-means with Yinyang bounds (Ding et al., ICML 2015;
 * ALGORITHM.md §5).
 *
 * <p>Why: at K = 1,500 in 784 dimensions a row's nearest and second-nearest centroids are nearly
 * equidistant, so a single lower bound (Hamerly) skips almost nothing, while Elkan's K bounds per
 * row cost n·K floats. Yinyang groups the centroids once (k-means on the initial centroids) and
 * keeps, per row, an upper bound on the distance to its centroid and one lower bound per group on
 * the distance to every other centroid of that group. After the centroids move, a bound drops by
 * the group's largest movement. A row whose smallest group bound still exceeds its upper bound is
 * skipped (global filter); otherwise only the groups whose bound does not exceed it, and the group
 * of its own centroid, are scanned (group filter). The upper bound is made tight each iteration
 * from the exact distance to the current centroid, which the inertia needs anyway (1 distance of
 * the row's K).
 *
 * <p>Scanned groups are scored with the {@link VectorOps#nearestCentroids} kernel of that group's
 * centroids ({@link NearestCentroidKernel#scores}), whose values are bit for bit those of a full
 * scan. A group is skipped only when its bound exceeds the upper bound by more than twice the
 * worst float error of a score, so a skipped centroid's score is strictly above the chosen one's:
 * the assignment is exactly what a full scan picks (ties to the lowest index), on any thread
 * count.
 *
 * <p>Memory: n × ⌈K / 24⌉ floats of bounds (15 MB for 60,000 rows at K = 1,500).
 *
 * <p>Not thread-safe; one instance per fit, called from one thread (it fans out itself).
 */
final class YinyangAssignment {
  /** Rows per unit of parallel work. */
  static final int BLOCK = 256;
  /** Rows scored at once in the first, full scan. */
  private static final int FULL_ROWS = 64;
  /**
   * Target centroids per group, rounded to a multiple of the kernel's width. Measured at K =
   * 1,500 on FashionMNIST (gio-bench/docs/kmeans.md): groups of 24 computed 15–29 % of a full
   * scan's scores per iteration, groups of 48 19–39 %; smaller groups would pad the 24-wide AVX2
   * panels.
   */
  static final int GROUP_SIZE = 24;

  private final float[] data;
  private final float[] norms; // ‖x‖²
  private final int n;
  private final int dim;
  private final int k;
  private final VectorOps ops;
  private final ForkJoinPool pool;
  private final int blocks;
  /** A relative bound on the float error of ‖x‖² + score against the exact squared distance. */
  private final double rho;

  private final int groups;
  private final int[][] members; // group → centroids, ascending
  private final int[] groupOf;
  private final int maxGroup;

  private final float[] lower; // n × groups: lower bound on d(x, c) for c in g, c ≠ assigned
  private boolean started;

  private long skippedRows;
  private long scores;

  YinyangAssignment(VectorSet rows, float[] norms, float[] initialCentroids, int k, VectorOps ops,
      ForkJoinPool pool) {
    this.data = rows.data();
    this.norms = norms;
    this.n = rows.size();
    this.dim = rows.dim();
    this.k = k;
    this.ops = ops;
    this.pool = pool;
    this.blocks = Parallel.blocks(n, BLOCK);
    this.rho = 2.0 * (dim + 4) * 0x1p-24;
    this.members = group(initialCentroids);
    this.groups = members.length;
    this.groupOf = new int[k];
    int max = 0;
    for (int g = 0; g < groups; g++) {
      for (int c : members[g]) {
        groupOf[c] = g;
      }
      max = Math.max(max, members[g].length);
    }
    this.maxGroup = max;
    if ((long) n * groups > Integer.MAX_VALUE - 8) {
      throw new GioInputException("K-means on " + n + " rows with K = " + k + " needs " + groups
          + " bounds per row, more than one array holds; fit on a sample of the rows "
          + "(StreamingQuantizer) or choose a smaller K");
    }
    this.lower = new float[n * groups];
  }

  int groups() {
    return groups;
  }

  /** Rows the global filter skipped in the last {@link #assign}. */
  long skippedRows() {
    return skippedRows;
  }

  /** Row–centroid scores computed in the last {@link #assign} (n·K for a full scan). */
  long scores() {
    return scores;
  }

  /**
   * Assigns every row to its nearest centroid and sets {@code dist2} to the squared distance.
   *
   * @param moved per centroid, an upper bound on how far it moved since the last call (ignored on
   *     the first call)
   */
  void assign(float[] centroids, double[] moved, int[] assign, double[] dist2) {
    double cmax = 0;
    for (int c = 0; c < k; c++) {
      cmax = Math.max(cmax, Math.sqrt(ops.dot(centroids, c * dim, centroids, c * dim, dim)));
    }
    double maxNorm = cmax;
    NearestCentroidKernel[] kernels = new NearestCentroidKernel[groups];
    for (int g = 0; g < groups; g++) {
      int[] m = members[g];
      float[] gc = new float[m.length * dim];
      for (int q = 0; q < m.length; q++) {
        System.arraycopy(centroids, m[q] * dim, gc, q * dim, dim);
      }
      kernels[g] = ops.nearestCentroids(VectorSet.wrap(gc, m.length, dim));
    }
    long[] skipped = new long[blocks];
    long[] scored = new long[blocks];
    if (!started) {
      NearestCentroidKernel full = ops.nearestCentroids(VectorSet.wrap(centroids, k, dim));
      Parallel.forEachBlock(pool, blocks, b -> fullScan(b, full, centroids, maxNorm, assign,
          dist2, scored));
      started = true;
    } else {
      float[] groupMove = new float[groups];
      for (int g = 0; g < groups; g++) {
        double m = 0;
        for (int c : members[g]) {
          m = Math.max(m, moved[c]);
        }
        // Rounding of the movement itself: round it up a little so the bounds stay bounds.
        groupMove[g] = Math.nextUp((float) (m * (1 + rho)));
      }
      Parallel.forEachBlock(pool, blocks, b -> filteredScan(b, kernels, centroids, groupMove,
          maxNorm, assign, dist2, skipped, scored));
    }
    skippedRows = Arrays.stream(skipped).sum();
    scores = Arrays.stream(scored).sum();
  }

  /** Twice the worst float error of a score for row i, in squared distance. */
  private double slack(int i, double maxNorm) {
    double x = Math.sqrt(norms[i]);
    return 2 * rho * (x + maxNorm) * (x + maxNorm);
  }

  private void fullScan(int b, NearestCentroidKernel full, float[] centroids, double maxNorm,
      int[] assign, double[] dist2, long[] scored) {
    int from = b * BLOCK;
    int to = Math.min(n, from + BLOCK);
    // Sub-blocks of rows keep the score buffer at FULL_ROWS × K floats whatever K is.
    float[] out = new float[Math.min(FULL_ROWS, to - from) * k];
    for (int r0 = from; r0 < to; r0 += FULL_ROWS) {
      int r1 = Math.min(to, r0 + FULL_ROWS);
      full.scores(data, null, r0, r1, out, 0);
      for (int i = r0; i < r1; i++) {
        int o = (i - r0) * k;
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (out[o + c] < out[o + best]) {
            best = c;
          }
        }
        assign[i] = best;
        double e = slack(i, maxNorm) / 2;
        for (int g = 0; g < groups; g++) {
          float min = Float.POSITIVE_INFINITY;
          for (int c : members[g]) {
            if (c != best && out[o + c] < min) {
              min = out[o + c];
            }
          }
          lower[i * groups + g] = lowerOf(norms[i] + (double) min - e);
        }
        dist2[i] = ops.squaredDistance(data, i * dim, centroids, best * dim, dim);
      }
    }
    scored[b] = (long) (to - from) * k;
  }

  private void filteredScan(int b, NearestCentroidKernel[] kernels, float[] centroids,
      float[] groupMove, double maxNorm, int[] assign, double[] dist2, long[] skipped,
      long[] scored) {
    int from = b * BLOCK;
    int to = Math.min(n, from + BLOCK);
    int rows = to - from;
    int[] fail = new int[rows];
    boolean[] need = new boolean[rows * groups];
    int failed = 0;
    long skip = 0;
    for (int i = from; i < to; i++) {
      int a = assign[i];
      double u2 = ops.squaredDistance(data, i * dim, centroids, a * dim, dim);
      dist2[i] = u2;
      double threshold = Math.sqrt(u2 * (1 + rho) + slack(i, maxNorm));
      int lo = i * groups;
      float minLower = Float.POSITIVE_INFINITY;
      for (int g = 0; g < groups; g++) {
        float l = Math.nextDown(lower[lo + g] - groupMove[g]);
        lower[lo + g] = l;
        minLower = Math.min(minLower, l);
      }
      if (minLower > threshold) {
        skip++;
        continue;
      }
      int f = failed++;
      fail[f] = i;
      int fo = f * groups;
      need[fo + groupOf[a]] = true;
      for (int g = 0; g < groups; g++) {
        if (lower[lo + g] <= threshold) {
          need[fo + g] = true;
        }
      }
    }
    skipped[b] = skip;
    if (failed == 0) {
      return;
    }
    // Per failing row and scanned group: the group's smallest score, its centroid, the second.
    float[] gmin = new float[failed * groups];
    float[] gsecond = new float[failed * groups];
    int[] garg = new int[failed * groups];
    int[] bucket = new int[failed];
    int[] bucketF = new int[failed];
    float[] out = new float[failed * maxGroup];
    long count = 0;
    for (int g = 0; g < groups; g++) {
      int cnt = 0;
      for (int f = 0; f < failed; f++) {
        if (need[f * groups + g]) {
          bucketF[cnt] = f;
          bucket[cnt++] = fail[f];
        }
      }
      if (cnt == 0) {
        continue;
      }
      int[] m = members[g];
      int size = m.length;
      kernels[g].scores(data, bucket, 0, cnt, out, 0);
      count += (long) cnt * size;
      for (int r = 0; r < cnt; r++) {
        int o = r * size;
        float b1 = Float.POSITIVE_INFINITY;
        float b2 = Float.POSITIVE_INFINITY;
        int arg = -1;
        for (int q = 0; q < size; q++) {
          float s = out[o + q];
          if (s < b1) {
            b2 = b1;
            b1 = s;
            arg = m[q];
          } else if (s < b2) {
            b2 = s;
          }
        }
        int idx = bucketF[r] * groups + g;
        gmin[idx] = b1;
        gsecond[idx] = b2;
        garg[idx] = arg;
      }
    }
    scored[b] = count;
    for (int f = 0; f < failed; f++) {
      int i = fail[f];
      int fo = f * groups;
      float best = Float.POSITIVE_INFINITY;
      int arg = -1;
      for (int g = 0; g < groups; g++) {
        if (need[fo + g]) {
          float s = gmin[fo + g];
          int c = garg[fo + g];
          if (s < best || (s == best && c < arg)) {
            best = s;
            arg = c;
          }
        }
      }
      double e = slack(i, maxNorm) / 2;
      int lo = i * groups;
      for (int g = 0; g < groups; g++) {
        if (need[fo + g]) {
          float min = garg[fo + g] == arg ? gsecond[fo + g] : gmin[fo + g];
          lower[lo + g] = lowerOf(norms[i] + (double) min - e);
        }
      }
      if (arg != assign[i]) {
        assign[i] = arg;
        dist2[i] = ops.squaredDistance(data, i * dim, centroids, arg * dim, dim);
      }
    }
  }

  /** A float not above √max(0, d2) (+∞ stays +∞: an empty rest of a group bounds nothing). */
  private static float lowerOf(double d2) {
    if (d2 == Double.POSITIVE_INFINITY) {
      return Float.POSITIVE_INFINITY;
    }
    return Math.nextDown((float) Math.sqrt(Math.max(0.0, d2)));
  }

  /** Forgets row i's bounds (its centroid was changed outside {@link #assign}). */
  void reset(int i) {
    Arrays.fill(lower, i * groups, (i + 1) * groups, 0f);
  }

  /**
   * Ding et al.'s grouping (a few Lloyd iterations on the initial centroids themselves, from
   * evenly spaced ones), but with every group holding exactly {@code size} centroids (the last one
   * the rest): a group is scored by its own kernel, which pads it to a multiple of the kernel's
   * width, so equal groups of a multiple of the width waste no work, where free k-means groups
   * of uneven sizes would waste half a panel per group. Each assignment is greedy by distance
   * under the capacity (pairs in increasing distance, ties by index). Deterministic.
   */
  private int[][] group(float[] centroids) {
    int width = ops.nearestCentroids(VectorSet.wrap(centroids, k, dim)).width();
    int size = width * Math.max(1, Math.round((float) GROUP_SIZE / width));
    int g = (k + size - 1) / size;
    float[] centres = new float[g * dim];
    for (int q = 0; q < g; q++) {
      System.arraycopy(centroids, (int) ((long) q * k / g) * dim, centres, q * dim, dim);
    }
    float[] cnorm = new float[k];
    for (int c = 0; c < k; c++) {
      cnorm[c] = (float) ops.dot(centroids, c * dim, centroids, c * dim, dim);
    }
    int[] label = new int[k];
    float[] score = new float[k * g];
    long[] pairs = new long[k * g];
    for (int it = 0; it < 5; it++) {
      ops.nearestCentroids(VectorSet.wrap(centres, g, dim))
          .scores(centroids, null, 0, k, score, 0);
      for (int c = 0; c < k; c++) {
        for (int q = 0; q < g; q++) {
          float d2 = Math.max(0f, cnorm[c] + score[c * g + q]);
          pairs[c * g + q] = ((long) Float.floatToIntBits(d2) << 32) | (c * g + q);
        }
      }
      Arrays.sort(pairs);
      int[] room = new int[g];
      Arrays.fill(room, size);
      Arrays.fill(label, -1);
      for (long pair : pairs) {
        int cq = (int) pair;
        int c = cq / g;
        int q = cq % g;
        if (label[c] < 0 && room[q] > 0) {
          label[c] = q;
          room[q]--;
        }
      }
      double[] sum = new double[g * dim];
      int[] count = new int[g];
      for (int c = 0; c < k; c++) {
        count[label[c]]++;
        for (int j = 0; j < dim; j++) {
          sum[label[c] * dim + j] += centroids[c * dim + j];
        }
      }
      for (int q = 0; q < g; q++) {
        for (int j = 0; j < dim; j++) {
          centres[q * dim + j] = (float) (sum[q * dim + j] / count[q]);
        }
      }
    }
    int[] count = new int[g];
    for (int c = 0; c < k; c++) {
      count[label[c]]++;
    }
    int[][] out = new int[g][];
    for (int q = 0; q < g; q++) {
      out[q] = new int[count[q]];
    }
    int[] fill = new int[g];
    for (int c = 0; c < k; c++) {
      out[label[c]][fill[label[c]]++] = c;
    }
    return out;
  }
}
