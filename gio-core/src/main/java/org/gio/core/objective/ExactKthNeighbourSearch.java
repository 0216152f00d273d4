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
   * Small k keep a sorted k-array (one pass); larger k sort.
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
    Arrays.sort(values);
    return values[k - 1];
  }
}
