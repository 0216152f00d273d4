package org.gio.core.objective;

import java.util.Arrays;
import jakarta.inject.Inject;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The exact k-NN KL estimator of Wang, Kulkarni and Verdú (ALGORITHM.md §1, "KL_exact"). Its state
 * holds, for every target row, its k smallest distances to W, so adding a point costs
 * O(n·d + n·k). Undefined (NaN) while m &lt; k. Value only: it has no useful gradient.
 */
public final class KnnKl implements Objective {
  public static final String NAME = "exact";

  private final VectorOps ops;

  @Inject
  public KnnKl(VectorOps ops) {
    this.ops = ops;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ObjectiveState start(Target target, VectorSet initial) {
    State state = new State(target, ops);
    for (int r = 0; r < initial.size(); r++) {
      state.add(initial, r);
    }
    return state;
  }

  private static final class State implements ObjectiveState, Coverage {
    private final Target target;
    private final VectorOps ops;
    private final int n;
    private final int k;
    /** Row i's k smallest distances δ to W, ascending, at [i·k, i·k + min(m, k)). */
    private final double[] nearest;
    private final double[] squared;
    /** The row {@link #squared} holds the distances of (a valueIfAdded is often followed by its add). */
    private VectorSet squaredSource;
    private int squaredRow = -1;
    private int m;

    State(Target target, VectorOps ops) {
      this.target = target;
      this.ops = ops;
      this.n = target.size();
      this.k = target.k();
      this.nearest = new double[n * k];
      this.squared = new double[n];
      Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    }

    @Override
    public int size() {
      return m;
    }

    @Override
    public double kthDistance(int row) {
      return nearest[row * k + k - 1];
    }

    @Override
    public double neighbourDistance(int row, int j) {
      return nearest[row * k + j - 1];
    }

    @Override
    public double value() {
      if (m < k) {
        return Double.NaN;
      }
      double sumLogNu = 0;
      for (int i = 0; i < n; i++) {
        sumLogNu += Math.log(nearest[i * k + k - 1]);
      }
      return finish(sumLogNu, m);
    }

    private double finish(double sumLogNu, int size) {
      return target.dim() * (sumLogNu / n - target.meanLogRho())
          + Math.log((double) size / (n - 1));
    }

    @Override
    public double valueIfAdded(VectorSet source, int row) {
      if (m + 1 < k) {
        return Double.NaN;
      }
      distances(source, row);
      double sumLogNu = 0;
      for (int i = 0; i < n; i++) {
        double delta = ClippedDistance.delta(squared[i]);
        int base = i * k;
        // The new k-th distance: the old one, unless the new point displaces it.
        double kth = nearest[base + k - 1];
        if (delta < kth) {
          kth = k == 1 ? delta : Math.max(delta, nearest[base + k - 2]);
        }
        sumLogNu += Math.log(kth);
      }
      return finish(sumLogNu, m + 1);
    }

    @Override
    public void add(VectorSet source, int row) {
      distances(source, row);
      for (int i = 0; i < n; i++) {
        double delta = ClippedDistance.delta(squared[i]);
        int base = i * k;
        if (delta < nearest[base + k - 1]) {
          int j = base + k - 1;
          while (j > base && nearest[j - 1] > delta) {
            nearest[j] = nearest[j - 1];
            j--;
          }
          nearest[j] = delta;
        }
      }
      m++;
    }

    /** Fills {@link #squared} with row's squared distances to X, unless it holds them already. */
    private void distances(VectorSet source, int row) {
      if (source != squaredSource || row != squaredRow) {
        ops.squaredDistances(source.data(), source.offset(row), target.points(), squared);
        squaredSource = source;
        squaredRow = row;
      }
    }
  }
}
