package org.gio.core.quantize;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The initial centroids: k-means++ (D² sampling) and k-means|| (oversampled rounds, then weighted
 * k-means++ over the candidates). Both depend only on the rows and the seed: per-row work runs in
 * fixed blocks and every sum is combined in block order, so the thread count never changes the
 * result.
 */
final class Seeding {
  private static final int BLOCK = 1024;
  /** Rounds of k-means||; Bahmani et al. find a handful enough, MLlib defaults to 2. */
  static final int PARALLEL_ROUNDS = 3;

  private final VectorSet rows;
  private final VectorOps ops;
  private final ForkJoinPool pool;

  Seeding(VectorSet rows, VectorOps ops, ForkJoinPool pool) {
    this.rows = rows;
    this.ops = ops;
    this.pool = pool;
  }

  /** Indices of K rows chosen by k-means++ (unweighted). */
  int[] plusPlus(int k, SplittableRandom random) {
    return weightedPlusPlus(rows, null, k, random, pool);
  }

  /**
   * k-means++ over {@code points} with optional per-point weights: each next centroid is a point
   * drawn with probability ∝ weight · D², D being the distance to the nearest centroid so far.
   * The D² update skips a point when the new centroid c is at least 2·D away from the point's
   * current nearest centroid, or when the lengths of point and c differ by at least D (triangle
   * inequality, both ways: then c cannot be nearer). Each step reads only the rows that survive
   * both tests, which matters because a step is a pass over memory, not over arithmetic.
   */
  int[] weightedPlusPlus(
      VectorSet points, double[] weights, int k, SplittableRandom random, ForkJoinPool workers) {
    int n = points.size();
    int dim = points.dim();
    float[] data = points.data();
    int[] chosen = new int[k];
    double[] d2 = new double[n];
    int[] near = new int[n]; // index into chosen
    boolean[] taken = new boolean[n];
    double[] length = new double[n]; // ‖x‖, for the reverse triangle test
    Parallel.forEachBlock(workers, Parallel.blocks(n, BLOCK), b -> {
      for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
        length[i] = Math.sqrt(ops.dot(data, i * dim, data, i * dim, dim));
      }
    });
    chosen[0] = pickWeighted(weights, null, n, random, taken);
    taken[chosen[0]] = true;
    int first = chosen[0];
    Parallel.forEachBlock(workers, Parallel.blocks(n, BLOCK), b -> {
      for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
        d2[i] = ops.squaredDistance(data, i * dim, data, first * dim, dim);
      }
    });
    double[] toNew = new double[k];
    for (int step = 1; step < k; step++) {
      int c = pickWeighted(weights, d2, n, random, taken);
      taken[c] = true;
      chosen[step] = c;
      for (int j = 0; j < step; j++) {
        toNew[j] = Math.sqrt(ops.squaredDistance(data, chosen[j] * dim, data, c * dim, dim));
      }
      int s = step;
      double lengthC = length[c];
      Parallel.forEachBlock(workers, Parallel.blocks(n, BLOCK), b -> {
        for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
          double dist = Math.sqrt(d2[i]);
          // A hair of slack for the float kernels: a skipped row could only have moved by rounding.
          if (toNew[near[i]] >= 2 * dist || Math.abs(length[i] - lengthC) >= dist * 1.00001) {
            continue;
          }
          double d = ops.squaredDistance(data, i * dim, data, c * dim, dim);
          if (d < d2[i]) {
            d2[i] = d;
            near[i] = s;
          }
        }
      });
    }
    return chosen;
  }

  /**
   * Draws a point with probability ∝ weight · d2 (∝ weight when d2 is null), among points not
   * taken. When every remaining mass is zero (fewer distinct points than K) it takes the first
   * untaken point after a random start, so K centroids are always returned.
   */
  private int pickWeighted(
      double[] weights, double[] d2, int n, SplittableRandom random, boolean[] taken) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += taken[i] ? 0 : mass(weights, d2, i);
    }
    double u = random.nextDouble();
    if (total > 0) {
      double target = u * total;
      double cum = 0;
      int last = -1;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double m = mass(weights, d2, i);
        if (m > 0) {
          last = i;
          cum += m;
          if (cum > target) {
            return i;
          }
        }
      }
      if (last >= 0) {
        return last; // rounding left the target just past the end
      }
    }
    int start = (int) (u * n);
    for (int t = 0; t < n; t++) {
      int i = (start + t) % n;
      if (!taken[i]) {
        return i;
      }
    }
    throw new IllegalStateException("more centroids asked for than points");
  }

  private static double mass(double[] weights, double[] d2, int i) {
    double w = weights == null ? 1 : weights[i];
    return d2 == null ? w : w * d2[i];
  }

  /**
   * k-means|| (Bahmani et al. 2012): start from one random row; in each of {@link
   * #PARALLEL_ROUNDS} rounds keep every row independently with probability min(1, ℓ·D²/ψ), ℓ =
   * 2K, then update D² against the new candidates with the blocked kernel. The candidates,
   * weighted by how many rows are nearest to them, are reduced to K by weighted k-means++.
   */
  float[] parallel(int k, long seed, SplittableRandom random, float[] rowNorms) {
    int n = rows.size();
    int dim = rows.dim();
    float[] data = rows.data();
    double[] d2 = new double[n];
    int[] near = new int[n];
    int first = random.nextInt(n);
    int[] candidates = {first};
    int candidateCount = 1;
    Parallel.forEachBlock(pool, Parallel.blocks(n, BLOCK), b -> {
      for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
        d2[i] = ops.squaredDistance(data, i * dim, data, first * dim, dim);
      }
    });
    double oversampling = 2.0 * k;
    for (int round = 0; round < PARALLEL_ROUNDS; round++) {
      double psi = blockSum(d2);
      if (psi <= 0) {
        break;
      }
      int[] fresh = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        // A per-row uniform from (seed, round, row): the draw for a row does not depend on others.
        double u = uniform(seed, round, i);
        if (u < oversampling * d2[i] / psi) {
          fresh[count++] = i;
        }
      }
      if (count == 0) {
        continue;
      }
      int[] added = Arrays.copyOf(fresh, count);
      NearestCentroidKernel kernel = ops.nearestCentroids(rows.select(added));
      int offset = candidateCount;
      int[] blockNearest = new int[n];
      float[] blockBest = new float[n];
      Parallel.forEachBlock(pool, Parallel.blocks(n, BLOCK), b -> {
        int from = b * BLOCK;
        int to = Math.min(n, from + BLOCK);
        kernel.assign(data, null, from, to, blockNearest, blockBest, null, from);
        for (int i = from; i < to; i++) {
          double d = Math.max(0.0, (double) rowNorms[i] + blockBest[i]);
          if (d < d2[i]) {
            d2[i] = d;
            near[i] = offset + blockNearest[i];
          }
        }
      });
      candidates = Arrays.copyOf(candidates, candidateCount + count);
      System.arraycopy(added, 0, candidates, candidateCount, count);
      candidateCount += count;
    }
    int[] cand = Arrays.copyOf(candidates, candidateCount);
    int[] picked;
    if (candidateCount <= k) {
      picked = topUp(cand, k, n, random);
      return rows.select(picked).data();
    }
    double[] weights = new double[candidateCount];
    for (int i = 0; i < n; i++) {
      weights[near[i]]++;
    }
    VectorSet candidateRows = rows.select(cand);
    int[] local = weightedPlusPlus(candidateRows, weights, k, random, pool);
    return candidateRows.select(local).data();
  }

  /** The candidates plus random distinct rows not among them, K in all. */
  private static int[] topUp(int[] candidates, int k, int n, SplittableRandom random) {
    boolean[] taken = new boolean[n];
    for (int c : candidates) {
      taken[c] = true;
    }
    int[] out = Arrays.copyOf(candidates, k);
    int count = candidates.length;
    while (count < k) {
      int i = random.nextInt(n);
      if (!taken[i]) {
        taken[i] = true;
        out[count++] = i;
      }
    }
    return out;
  }

  private double blockSum(double[] values) {
    return Parallel.sum(pool, values, values.length, BLOCK);
  }

  static double uniform(long seed, int round, int row) {
    long z = seed + 0x9E3779B97F4A7C15L * (round + 1) + 0xBF58476D1CE4E5B9L * row;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }
}
