package org.gio.core.vectors;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

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
    long[] rows = sorted((long) n, count, seed);
    int[] out = new int[rows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) rows[i];
    }
    return out;
  }

  /**
   * The same sample for row numbers of [0, n) with n beyond int range: the same draws, so for
   * n &lt; 2³¹ it returns exactly the rows of {@link #sorted(int, int, long)}.
   */
  public static long[] sorted(long n, int count, long seed) {
    if (n < 0 || count < 0) {
      throw new IllegalArgumentException("n and count must be ≥ 0, were " + n + ", " + count);
    }
    if (count >= n) {
      return LongStream.range(0, n).toArray();
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] out = new long[count];
    int chosen = 0;
    for (long i = 0; i < n && chosen < count; i++) {
      // row i is taken with probability (still wanted) / (still left)
      if ((n - i) * random.nextDouble() < count - chosen) {
        out[chosen++] = i;
      }
    }
    return out;
  }
}
