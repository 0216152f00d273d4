package org.gio.core.select;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.gio.core.table.ExactDistance;
import org.gio.core.vectors.VectorSet;

/**
 * Nearest-neighbour retrieval, the baseline GIO is compared with ({@code gio select --method
 * retrieval}): every target row's nearest pool rows by Euclidean distance, taken round robin (all
 * first neighbours in target order, then all second ones, …), skipping rows already taken, until
 * the budget is met. Deterministic: distances are the neighbour table's {@link ExactDistance} (the same
 * bits on every machine), ties by row index; the scan is exact, O(n·m·d).
 */
public final class Retrieval {
  /** Stop reason when the budget was met. */
  public static final String BUDGET = "budget";

  private Retrieval() {}

  /**
   * {@code budget} distinct pool rows in retrieval order, as a {@link Selection} with no KL traces;
   * fewer only when the pool has fewer rows (stop reason {@code pool_exhausted}).
   */
  public static Selection select(VectorSet pool, VectorSet target, int budget) {
    long start = System.nanoTime();
    int[] rows = nearest(pool, target, budget);
    long took = System.nanoTime() - start;
    return new Selection(java.util.Arrays.stream(rows).asLongStream().toArray(), new double[0],
        new double[0], Double.NaN, Double.NaN,
        rows.length == budget ? BUDGET : Selection.POOL_EXHAUSTED, new long[0], rows.length, 0,
        Double.NaN, new Selection.Timings(took, 0, 0, took, 0));
  }

  /**
   * The rows of {@link #select}, as {@code baselines.py} of the quality benchmark: each target
   * row's {@code size / n + 50} nearest rows are listed, then taken round robin.
   */
  public static int[] nearest(VectorSet pool, VectorSet target, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be ≥ 0, was " + size);
    }
    int want = Math.min(size, pool.size());
    int kk = (int) Math.min(pool.size(), (long) size / target.size() + 50);
    while (true) {
      // the j-th neighbours do not depend on kk, so a longer list only appends to the order
      int depth = kk;
      int[][] nb = new int[target.size()][];
      IntStream.range(0, target.size()).parallel()
          .forEach(i -> nb[i] = kNearest(pool, target, i, depth));
      BitSet seen = new BitSet();
      int[] order = new int[want];
      int found = 0;
      for (int j = 0; j < kk && found < want; j++) {
        for (int i = 0; i < target.size() && found < want; i++) {
          int r = nb[i][j];
          if (!seen.get(r)) {
            seen.set(r);
            order[found++] = r;
          }
        }
      }
      if (found == want || kk == pool.size()) {
        return Arrays.copyOf(order, found);
      }
      kk = (int) Math.min(pool.size(), 2L * kk); // shared neighbours: list deeper
    }
  }

  /** The kk pool rows nearest target row i, ascending by (distance, row) as a stable sort gives. */
  private static int[] kNearest(VectorSet pool, VectorSet target, int i, int kk) {
    double[] dist = new double[pool.size()];
    for (int r = 0; r < pool.size(); r++) {
      dist[r] = ExactDistance.squared(pool.data(), pool.offset(r), target.data(), target.offset(i), pool.dim());
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
}
