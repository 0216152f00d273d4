package org.gio.core.objective;

import jakarta.inject.Inject;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The relaxation GIO optimises: the k-NN KL estimator averaged over every neighbour order
 * (ALGORITHM.md §2, "KL_avg"). Its state keeps Σ_{i,j} log(δ(x_i, w_j) + ε), so adding a point
 * and evaluating a candidate are O(n·d), and its gradient is closed-form.
 *
 * <p>With {@code discardNearest} (the reference's {@code discard_nearest_for_xy}, for X = G) the
 * first term drops, for each x_i, its single nearest point of W, averaging over n·(m − 1) pairs.
 */
public final class AveragedKnnKl implements DifferentiableObjective {
  public static final String NAME = "averaged";

  private final VectorOps ops;
  private final boolean discardNearest;

  @Inject
  public AveragedKnnKl(VectorOps ops) {
    this(ops, false);
  }

  public AveragedKnnKl(VectorOps ops, boolean discardNearest) {
    this.ops = ops;
    this.discardNearest = discardNearest;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DifferentiableState start(Target target, VectorSet initial) {
    State state = new State(target, ops, discardNearest);
    for (int r = 0; r < initial.size(); r++) {
      state.add(initial, r);
    }
    return state;
  }

  /** mean_{l=1..m} log(k·m / (l·(n − 1))) = log(k·m/(n − 1)) − ln(m!)/m. */
  static double neighbourOrderTerm(int k, int m, int n) {
    return Math.log((double) k * m / (n - 1)) - LogGamma.of(m + 1.0) / m;
  }

  private static final class State implements DifferentiableState {
    private final Target target;
    private final VectorOps ops;
    private final boolean discardNearest;
    private final int n;
    private final int d;
    private final double[] squared;
    private final double[] logs;
    /** Per target row, the smallest log(δ + ε) to W (only with discardNearest). */
    private final double[] minLog;

    private int m;
    private double sumLog;
    private double sumMinLog;
    /** The row whose distances {@code logs} holds: the loop evaluates a row, then adds it. */
    private VectorSet cachedSource;
    private int cachedRow = -1;
    private double cachedSum;

    State(Target target, VectorOps ops, boolean discardNearest) {
      this.target = target;
      this.ops = ops;
      this.discardNearest = discardNearest;
      this.n = target.size();
      this.d = target.dim();
      this.squared = new double[n];
      this.logs = new double[n];
      this.minLog = discardNearest ? new double[n] : null;
      if (discardNearest) {
        java.util.Arrays.fill(minLog, Double.POSITIVE_INFINITY);
      }
    }

    @Override
    public int size() {
      return m;
    }

    @Override
    public double value() {
      return valueFor(m, sumLog, sumMinLog);
    }

    private double valueFor(int size, double pairSum, double nearestSum) {
      int pairsPerRow = discardNearest ? size - 1 : size;
      if (pairsPerRow <= 0) {
        return Double.NaN;
      }
      double first = discardNearest ? pairSum - nearestSum : pairSum;
      return d * first / ((double) n * pairsPerRow)
          - d * target.meanLogRhoPlusEps()
          + neighbourOrderTerm(target.k(), size, n);
    }

    @Override
    public double valueIfAdded(VectorSet source, int row) {
      double add = logDistances(source, row);
      double nearest = 0;
      if (discardNearest) {
        for (int i = 0; i < n; i++) {
          nearest += Math.min(minLog[i], logs[i]);
        }
      }
      return valueFor(m + 1, sumLog + add, nearest);
    }

    @Override
    public void add(VectorSet source, int row) {
      sumLog += logDistances(source, row);
      if (discardNearest) {
        double nearest = 0;
        for (int i = 0; i < n; i++) {
          minLog[i] = Math.min(minLog[i], logs[i]);
          nearest += minLog[i];
        }
        sumMinLog = nearest;
      }
      m++;
    }

    /** Fills {@code logs[i] = log(δ(x_i, row) + ε)} and returns their sum (kept for one row). */
    private double logDistances(VectorSet source, int row) {
      if (source == cachedSource && row == cachedRow) {
        return cachedSum;
      }
      ops.squaredDistances(source.data(), source.offset(row), target.points(), squared);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        logs[i] = Math.log(ClippedDistance.delta(squared[i]) + ClippedDistance.EPS);
        sum += logs[i];
      }
      cachedSource = source;
      cachedRow = row;
      cachedSum = sum;
      return sum;
    }

    @Override
    public void gradientAt(float[] v, double[] out) {
      int pairsPerRow = discardNearest ? m : m + 1;
      if (pairsPerRow == 0) {
        java.util.Arrays.fill(out, 0, d, 0.0);
        return;
      }
      // With discardNearest, a v nearer to x_i than all of W is the dropped term for x_i.
      ops.relaxedKlGradientSum(v, target.points(), discardNearest ? minLog : null, out);
      double factor = d / ((double) n * pairsPerRow);
      for (int c = 0; c < d; c++) {
        out[c] = factor * out[c];
      }
    }
  }
}
