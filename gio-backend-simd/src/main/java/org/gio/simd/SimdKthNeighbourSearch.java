package org.gio.simd;

import java.util.Arrays;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * ρ_k of X within X (ALGORITHM.md §1), taking per shape whichever all-pairs path measured faster
 * ({@link PairwisePath}): the direct kernel scan of core, or EJML Gram blocks that screen
 * candidates, after which the few pairs near the k-th are recomputed with the kernels. Both give
 * bit-identical ρ_k, because the final distances always come from the same kernel.
 */
public final class SimdKthNeighbourSearch implements KthNeighbourSearch {
  /** Rows of X per Gram block: a block × n float product stays within a few MB. */
  static final int BLOCK_ROWS = 128;

  private final VectorOps ops;
  private final ExactKthNeighbourSearch direct;
  private final PairwisePath forced;

  @Inject
  public SimdKthNeighbourSearch(VectorOps ops) {
    this(ops, null);
  }

  /** @param forced a path to use for every shape, or null to choose per shape (benchmarks) */
  public SimdKthNeighbourSearch(VectorOps ops, PairwisePath forced) {
    this.ops = ops;
    this.direct = new ExactKthNeighbourSearch(ops);
    this.forced = forced;
  }

  @Override
  public double[] kthNeighbourDistances(VectorSet x, int k) {
    int n = x.size();
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k = " + k + " needs 1 ≤ k < n = " + n);
    }
    PairwisePath path = forced != null ? forced : PairwisePath.choose(n, n, x.dim());
    if (path == PairwisePath.DIRECT) {
      return direct.kthNeighbourDistances(x, k);
    }
    GramDistances gram = new GramDistances(x, ops);
    double[] norms = GramDistances.norms(x, ops);
    double[] rho = new double[n];
    int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
    // Each row's ρ is its own; the split across threads cannot change a value.
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int from = b * BLOCK_ROWS;
              int to = Math.min(n, from + BLOCK_ROWS);
              float[] screened = new float[(to - from) * n];
              gram.block(x, norms, from, to, screened);
              double[] kth = new double[k];
              double[] exact = new double[n];
              for (int i = from; i < to; i++) {
                rho[i] = ClippedDistance.delta(refine(x, i, screened, (i - from) * n, k, kth,
                    exact, gram.errorBound(norms[i])));
              }
            });
    return rho;
  }

  /** The exact k-th smallest squared distance of row i, recomputing only screened candidates. */
  private double refine(
      VectorSet x, int i, float[] screened, int o, int k, double[] kth, double[] exact,
      double bound) {
    int n = x.size();
    Arrays.fill(kth, Double.POSITIVE_INFINITY);
    for (int j = 0; j < n; j++) {
      if (j != i) {
        insert(kth, screened[o + j]);
      }
    }
    // Any true k-nearest neighbour screens within 2·bound of the screened k-th value.
    double threshold = kth[k - 1] + 2 * bound;
    int candidates = 0;
    for (int j = 0; j < n; j++) {
      if (j != i && screened[o + j] <= threshold) {
        exact[candidates++] = ops.squaredDistance(x.data(), x.offset(i), x.data(), x.offset(j),
            x.dim());
      }
    }
    Arrays.fill(kth, Double.POSITIVE_INFINITY);
    for (int c = 0; c < candidates; c++) {
      insert(kth, exact[c]);
    }
    return kth[k - 1];
  }

  /** Inserts into an ascending array of the smallest values seen, dropping the largest. */
  private static void insert(double[] best, double v) {
    int last = best.length - 1;
    if (!(v < best[last])) {
      return;
    }
    int j = last;
    while (j > 0 && best[j - 1] > v) {
      best[j] = best[j - 1];
      j--;
    }
    best[j] = v;
  }
}
