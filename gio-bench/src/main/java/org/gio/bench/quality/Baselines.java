package org.gio.bench.quality;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gio.core.vectors.VectorSet;

/** The non-GIO selectors the quality run compares against. */
public final class Baselines {
  private Baselines() {}

  /** {@code size} distinct pool rows uniformly at random. */
  public static int[] random(int poolSize, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] all = FashionMnist.range(poolSize);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(poolSize - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, size);
  }

  /**
   * Nearest-neighbour retrieval as {@code baselines.py}: every target row's nearest pool rows,
   * round robin (all first neighbours, then all second ones, …), skipping repeats.
   */
  public static int[] nearest(VectorSet pool, VectorSet target, int size) {
    int kk = Math.min(pool.size(), size / target.size() + 50);
    int[][] nb = new int[target.size()][];
    IntStream.range(0, target.size()).parallel().forEach(i -> nb[i] = kNearest(pool, target, i, kk));
    BitSet seen = new BitSet();
    int[] order = new int[size];
    int found = 0;
    for (int j = 0; j < kk && found < size; j++) {
      for (int i = 0; i < target.size() && found < size; i++) {
        int r = nb[i][j];
        if (!seen.get(r)) {
          seen.set(r);
          order[found++] = r;
        }
      }
    }
    return Arrays.copyOf(order, found);
  }

  /** The kk pool rows nearest target row i, ascending by (distance, row) as a stable sort gives. */
  private static int[] kNearest(VectorSet pool, VectorSet target, int i, int kk) {
    double[] dist = new double[pool.size()];
    for (int r = 0; r < pool.size(); r++) {
      dist[r] = squared(pool, r, target, i);
    }
    // bounded max-heap of the kk best (distance, row), then sorted: O(M log kk), no boxing
    int[] heap = new int[kk];
    int filled = 0;
    for (int r = 0; r < dist.length; r++) {
      if (filled < kk) {
        heap[filled] = r;
        int c = filled++;
        while (c > 0 && after(dist, heap[c], heap[(c - 1) / 2])) {
          int p = (c - 1) / 2;
          int t = heap[c];
          heap[c] = heap[p];
          heap[p] = t;
          c = p;
        }
      } else if (after(dist, heap[0], r)) {
        heap[0] = r;
        int c = 0;
        while (true) {
          int l = 2 * c + 1;
          if (l >= kk) {
            break;
          }
          int m = l + 1 < kk && after(dist, heap[l + 1], heap[l]) ? l + 1 : l;
          if (!after(dist, heap[m], heap[c])) {
            break;
          }
          int t = heap[c];
          heap[c] = heap[m];
          heap[m] = t;
          c = m;
        }
      }
    }
    Integer[] out = new Integer[filled];
    for (int j = 0; j < filled; j++) {
      out[j] = heap[j];
    }
    Arrays.sort(out, (a, b) -> after(dist, a, b) ? 1 : (after(dist, b, a) ? -1 : 0));
    int[] rows = new int[filled];
    for (int j = 0; j < filled; j++) {
      rows[j] = out[j];
    }
    return rows;
  }

  /** True when row a comes after row b in (distance, row) order. */
  private static boolean after(double[] dist, int a, int b) {
    return dist[a] > dist[b] || (dist[a] == dist[b] && a > b);
  }

  /**
   * k-center greedy (farthest-first traversal, as used for core sets): start at the pool row nearest
   * the target mean, then repeatedly add the pool row farthest from everything chosen.
   */
  public static int[] kCenterGreedy(VectorSet pool, VectorSet target, int size) {
    double[] mean = target.mean();
    int first = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int r = 0; r < pool.size(); r++) {
      double s = 0;
      for (int c = 0; c < pool.dim(); c++) {
        double x = pool.get(r, c) - mean[c];
        s += x * x;
      }
      if (s < bestD) {
        bestD = s;
        first = r;
      }
    }
    double[] minDist = new double[pool.size()];
    Arrays.fill(minDist, Double.POSITIVE_INFINITY);
    int[] out = new int[size];
    int next = first;
    for (int k = 0; k < size; k++) {
      out[k] = next;
      final int chosen = next;
      IntStream.range(0, pool.size()).parallel().forEach(r -> {
        double s = squared(pool, r, pool, chosen);
        if (s < minDist[r]) {
          minDist[r] = s;
        }
      });
      double far = -1;
      for (int r = 0; r < pool.size(); r++) {
        if (minDist[r] > far) {
          far = minDist[r];
          next = r;
        }
      }
    }
    return out;
  }

  static double squared(VectorSet a, int ra, VectorSet b, int rb) {
    float[] x = a.data();
    float[] y = b.data();
    int oa = a.offset(ra);
    int ob = b.offset(rb);
    double s = 0;
    for (int c = 0; c < a.dim(); c++) {
      double t = x[oa + c] - y[ob + c];
      s += t * t;
    }
    return s;
  }
}
