package org.gio.core.objective;

import java.util.Arrays;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * A W-aware relaxation of the k-NN KL estimator: each target row's nearest-neighbour log-distance
 * is replaced by a soft minimum over the whole selection, so a target row that is already covered
 * by W pulls a new candidate much less than one that is not.
 *
 * <pre>
 *   KL_soft(X ‖ W) = (d/n) Σ_i L_i(W) − d · mean_i log(ρ_k(i) + ε) + log(m / (n − 1))
 *   L_i(W)         = −(1/β) · log Σ_{w ∈ W} (δ(x_i, w) + ε)^(−β)      (soft-min of log(δ + ε))
 * </pre>
 *
 * As β → ∞, L_i tends to log ν_1(i), and KL_soft to the exact estimator with k = 1; the default β
 * = d weighs each selected point by (δ + ε)^(−d), the inverse volume of the ball it spans around
 * x_i, so L_i is a log-volume soft minimum. The gradient with respect to a candidate v (W ∪ {v}):
 *
 * <pre>
 *   ∇_v KL_soft = (d/n) · Σ_i r_i · (v − x_i) / (δ_i (δ_i + ε)),
 *   r_i = (δ_i + ε)^(−β) / (S_i + (δ_i + ε)^(−β)),   S_i = Σ_{w ∈ W} (δ(x_i, w) + ε)^(−β)
 * </pre>
 *
 * r_i ∈ (0, 1] is the share of x_i's soft minimum that v would take: ≈ 1 when x_i is not yet
 * covered, ≈ 0 when W already has a point much closer to x_i. (The faithful relaxation
 * {@link AveragedKnnKl} has 1/(m + 1) in place of every r_i, which is why its gradient ignores W.)
 * The state keeps log S_i for each target row, so adding a point, a value and a gradient are each
 * O(n·d). Undefined (NaN) for an empty W. Terms whose squared distance is clipped give no gradient.
 */
public final class SoftMinKnnKl implements DifferentiableObjective {
  public static final String NAME = "softmin";

  private final VectorOps ops;
  private final double beta;

  /**
   * @param beta the sharpness β &gt; 0 of the soft minimum; NaN or ≤ 0 means β = d, the dimension
   */
  public SoftMinKnnKl(VectorOps ops, double beta) {
    this.ops = ops;
    this.beta = beta;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DifferentiableState start(Target target, VectorSet initial) {
    double b = beta > 0 ? beta : target.dim();
    State state = new State(target, ops, b);
    for (int r = 0; r < initial.size(); r++) {
      state.add(initial, r);
    }
    return state;
  }

  /** log(e^a + e^b), stable, with −∞ as the identity. */
  static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
  }

  private static final class State implements DifferentiableState {
    private final Target target;
    private final VectorOps ops;
    private final double beta;
    private final int n;
    private final int d;
    /** log S_i per target row (−∞ while W is empty). */
    private final double[] logS;
    private final double[] squared;
    /**
     * The row whose log S_i after its addition {@link #next} holds, for the current W (an add
     * usually follows the valueIfAdded of the same row); null when none.
     */
    private VectorSet nextSource;
    private int nextRow = -1;
    private final double[] next;
    private final double[] weights;
    private final double[] weightedSum;
    private final double rhoTerm;
    private int m;
    /** Σ_i L_i. */
    private double sumL;

    State(Target target, VectorOps ops, double beta) {
      this.target = target;
      this.ops = ops;
      this.beta = beta;
      this.n = target.size();
      this.d = target.dim();
      this.logS = new double[n];
      Arrays.fill(logS, Double.NEGATIVE_INFINITY);
      this.squared = new double[n];
      this.next = new double[n];
      this.weights = new double[n];
      this.weightedSum = new double[d];
      this.rhoTerm = d * target.meanLogRhoPlusEps();
      this.sumL = Double.POSITIVE_INFINITY;
    }

    @Override
    public int size() {
      return m;
    }

    private double valueFor(int size, double sum) {
      if (size == 0) {
        return Double.NaN;
      }
      return d * sum / n - rhoTerm + Math.log((double) size / (n - 1));
    }

    @Override
    public double value() {
      return valueFor(m, sumL);
    }

    private double logTerm(double squaredDistance) {
      return -beta * Math.log(ClippedDistance.delta(squaredDistance) + ClippedDistance.EPS);
    }

    @Override
    public double valueIfAdded(VectorSet source, int row) {
      prepareNext(source, row);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += -next[i] / beta;
      }
      return valueFor(m + 1, sum);
    }

    @Override
    public void add(VectorSet source, int row) {
      prepareNext(source, row);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        logS[i] = next[i];
        sum += -logS[i] / beta;
      }
      sumL = sum;
      m++;
      nextSource = null; // W changed
    }

    /** {@link #next}[i] = log(S_i + e^{a_i(row)}), unless it holds them for this row already. */
    private void prepareNext(VectorSet source, int row) {
      if (source == nextSource && row == nextRow) {
        return;
      }
      ops.squaredDistances(source.data(), source.offset(row), target.points(), squared);
      for (int i = 0; i < n; i++) {
        next[i] = logAddExp(logS[i], logTerm(squared[i]));
      }
      nextSource = source;
      nextRow = row;
    }

    @Override
    public void gradientAt(float[] v, double[] out) {
      ops.squaredDistances(v, 0, target.points(), squared);
      double weightTotal = 0;
      for (int i = 0; i < n; i++) {
        double s = squared[i];
        double w = 0;
        if (!ClippedDistance.clipped(s)) {
          double delta = Math.sqrt(s);
          double a = -beta * Math.log(delta + ClippedDistance.EPS);
          // r_i = e^a / (S_i + e^a) = 1 / (1 + e^(log S_i − a))
          double r = logS[i] == Double.NEGATIVE_INFINITY ? 1.0 : 1.0 / (1.0 + Math.exp(logS[i] - a));
          w = r / (delta * (delta + ClippedDistance.EPS));
        }
        weights[i] = w;
        weightTotal += w;
      }
      ops.weightedRowSum(weights, target.points(), weightedSum);
      double factor = d / (double) n;
      for (int c = 0; c < d; c++) {
        out[c] = factor * (v[c] * weightTotal - weightedSum[c]);
      }
    }
  }
}
