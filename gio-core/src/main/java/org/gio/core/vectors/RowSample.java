package org.gio.core.vectors;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded uniform sample of row numbers, the one routine behind every fixed-size sample of a
 * pool (the streaming quantizer's training sample, the density term's reference sample).
 */
public final class RowSample {
  private RowSample() {}

  /**
   * {@code count} distinct row numbers of [0, n), uniform without replacement and ascending (all n
   * of them when {@code count ≥ n}). Selection sampling (Knuth's Algorithm S): one pass over the
   * row numbers, one draw each, no memory beyond the result; for the pools this serves the pass is
   * negligible next to reading the rows. Callers salt {@code seed} so that samples drawn from one
   * configuration seed are independent of each other and of the selector's own random stream.
   */
  public static int[] sorted(int n, int count, long seed) {
    if (n < 0 || count < 0) {
      throw new IllegalArgumentException("n and count must be ≥ 0, were " + n + ", " + count);
    }
    if (count >= n) {
      return IntStream.range(0, n).toArray();
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = new int[count];
    int chosen = 0;
    for (int i = 0; i < n && chosen < count; i++) {
      // row i is taken with probability (still wanted) / (still left)
      if ((n - i) * random.nextDouble() < count - chosen) {
        out[chosen++] = i;
      }
    }
    return out;
  }
}
