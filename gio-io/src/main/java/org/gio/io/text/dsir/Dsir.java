package org.gio.io.text.dsir;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.io.text.TextSource;

/**
 * Data Selection with Importance Resampling (Xie, Santurkar, Ma and Liang, 2023): a bag of hashed
 * n-grams model of the target and one of the pool, each document's log importance weight under
 * them, and a weighted sample without replacement of the pool. Works on text, not vectors.
 *
 * <ol>
 *   <li>Features ({@link NgramBuckets}): lower-cased words, unigrams and bigrams hashed into
 *       {@code buckets} (the paper's default 10,000).
 *   <li>Models: bucket probabilities p_T (target) and p_P (pool) from the counts over all
 *       documents, add-one smoothed: p(j) = (c_j + 1) / (Σ c + buckets).
 *   <li>Weights: log w(x) = Σ_j n_j(x) · (log p_T(j) − log p_P(j)), n_j(x) the document's count in
 *       bucket j (0 for a document with no words).
 *   <li>Resampling: Gumbel top-k, the paper's way of sampling k documents without replacement with
 *       probabilities ∝ w: key(x) = log w(x) + G(x), G = −log(−log U), U uniform from a {@link
 *       SplittableRandom} seeded with {@code seed} and drawn in pool order; the k largest keys (ties
 *       by row) are taken, largest first.
 * </ol>
 */
public final class Dsir {
  /** The paper's bucket count. */
  public static final int DEFAULT_BUCKETS = 10_000;

  /**
   * The outcome.
   *
   * @param selected pool rows, largest key first
   * @param logWeights every pool document's log importance weight, in pool order
   */
  public record Result(int[] selected, double[] logWeights, long millis) {}

  private final NgramBuckets features;
  private final long seed;

  public Dsir(int buckets, long seed) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be ≥ 1, was " + buckets);
    }
    this.features = new NgramBuckets(buckets);
    this.seed = seed;
  }

  /** 10,000 buckets, the given seed. */
  public static Dsir withSeed(long seed) {
    return new Dsir(DEFAULT_BUCKETS, seed);
  }

  /** Selects {@code budget} documents of {@code pool} for {@code target}, reading each file twice. */
  public Result select(TextSource pool, TextSource target, int budget) throws IOException {
    long start = System.nanoTime();
    long[] targetCounts = new long[features.buckets()];
    long targetDocs = target.forEach(r -> features.forEach(r.text(), b -> targetCounts[b]++));
    long[] poolCounts = new long[features.buckets()];
    long poolDocs = pool.forEach(r -> features.forEach(r.text(), b -> poolCounts[b]++));
    if (targetDocs == 0) {
      throw new GioInputException(target.file() + ": no documents; DSIR needs target text");
    }
    checkBudget(budget, poolDocs, pool.file().toString());
    double[] logRatio = logRatio(targetCounts, poolCounts);
    double[] logWeights = new double[(int) poolDocs];
    pool.forEach(r -> logWeights[(int) r.row()] = logWeight(r.text(), logRatio));
    return new Result(topK(logWeights, budget), logWeights, (System.nanoTime() - start) / 1_000_000);
  }

  /** The same on documents in memory. */
  public Result select(List<String> pool, List<String> target, int budget) {
    long start = System.nanoTime();
    long[] targetCounts = new long[features.buckets()];
    target.forEach(t -> features.forEach(t, b -> targetCounts[b]++));
    long[] poolCounts = new long[features.buckets()];
    pool.forEach(t -> features.forEach(t, b -> poolCounts[b]++));
    if (target.isEmpty()) {
      throw new GioInputException("no target documents; DSIR needs target text");
    }
    checkBudget(budget, pool.size(), "the pool");
    double[] logRatio = logRatio(targetCounts, poolCounts);
    double[] logWeights = new double[pool.size()];
    for (int i = 0; i < logWeights.length; i++) {
      logWeights[i] = logWeight(pool.get(i), logRatio);
    }
    return new Result(topK(logWeights, budget), logWeights, (System.nanoTime() - start) / 1_000_000);
  }

  private static void checkBudget(int budget, long poolDocs, String pool) {
    if (budget < 1 || budget > poolDocs) {
      throw new GioInputException(pool + ": --budget " + budget + " is "
          + (budget < 1 ? "below 1" : "more than the pool's " + poolDocs + " documents")
          + "; DSIR samples without replacement, so give 1 to " + poolDocs + " (or a percentage)");
    }
  }

  /** log p_T(j) − log p_P(j) for every bucket, both add-one smoothed. */
  static double[] logRatio(long[] target, long[] pool) {
    double t = Arrays.stream(target).sum() + target.length;
    double p = Arrays.stream(pool).sum() + pool.length;
    double[] out = new double[target.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.log((target[j] + 1) / t) - Math.log((pool[j] + 1) / p);
    }
    return out;
  }

  double logWeight(String text, double[] logRatio) {
    double[] sum = {0};
    features.forEach(text, b -> sum[0] += logRatio[b]);
    return sum[0];
  }

  /** Gumbel top-k: the {@code k} rows with the largest log w + Gumbel noise, largest first. */
  int[] topK(double[] logWeights, int k) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] keys = new double[logWeights.length];
    for (int i = 0; i < keys.length; i++) {
      double u = random.nextDouble();
      while (u == 0) {
        u = random.nextDouble(); // log(0): draw again (probability 2^-53)
      }
      keys[i] = logWeights[i] - Math.log(-Math.log(u));
    }
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[b], keys[a]) : Integer.compare(a, b));
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = order[i];
    }
    return out;
  }

  public int buckets() {
    return features.buckets();
  }

  public long seed() {
    return seed;
  }
}
