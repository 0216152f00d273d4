package org.gio.core.objective;

import java.util.Arrays;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/** ρ_k by brute force: every pair once per row, rows in parallel (each row's result is its own). */
public final class ExactKthNeighbourSearch implements KthNeighbourSearch {
  private static final int PARALLEL_ROWS = 256;
  private final VectorOps ops;

  @Inject
  public ExactKthNeighbourSearch(VectorOps ops) {
    this.ops = ops;
  }

  @Override
  public double[] kthNeighbourDistances(VectorSet x, int k) {
    int n = x.size();
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k = " + k + " needs 1 ≤ k < n = " + n);
    }
    double[] rho = new double[n];
    IntStream rows = IntStream.range(0, n);
    if (n >= PARALLEL_ROWS) {
      rows = rows.parallel();
    }
    rows.forEach(
        i -> {
          double[] d = new double[n];
          ops.squaredDistances(x.data(), x.offset(i), x, d);
          d[i] = Double.POSITIVE_INFINITY; // x_i is not its own neighbour, even when duplicated
          rho[i] = ClippedDistance.delta(kthSmallest(d, k));
        });
    return rho;
  }

  /**
   * The k-th smallest value (1-based, k ≥ 1) of scratch distances; may reorder {@code values}.
   * Small k keep a sorted k-array (one pass); larger k an in-place quickselect (expected O(M),
   * median-of-three pivots, falling back to a sort after 2·log2 M rounds): the same value as
   * sorting, at a fraction of the cost (the density filter's K = 600 on a 60,000-row pool).
   */
  public static double kthSmallest(double[] values, int k) {
    if (k <= 64) {
      double[] best = new double[k];
      Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (double v : values) {
        if (v < best[k - 1]) {
          int j = k - 1;
          while (j > 0 && best[j - 1] > v) {
            best[j] = best[j - 1];
            j--;
          }
          best[j] = v;
        }
      }
      return best[k - 1];
    }
    int lo = 0;
    int hi = values.length - 1;
    int target = k - 1;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(values.length));
    while (hi > lo) {
      if (rounds-- == 0) {
        Arrays.sort(values, lo, hi + 1);
        return values[target];
      }
      int mid = (lo + hi) >>> 1;
      double pivot = median(values[lo], values[mid], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) { // Hoare partition: [lo, j] ≤ pivot ≤ [i, hi]
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return values[target]; // between the parts: equal to the pivot
      }
    }
    return values[target];
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
