package org.gio.core.select;

import java.util.Arrays;

/**
 * The result of a GIO run.
 *
 * @param selected pool row ids (0-based row numbers, {@code long} so pools beyond 2³¹ rows are
 *     named exactly) in the order they were accepted; after a reset a row may repeat
 * @param kl the objective after each accepted row (same length as {@code selected})
 * @param exactKl KL_exact after each accepted row (NaN where undefined, i.e. fewer than k rows);
 *     empty when not tracked
 * @param initialKl the objective for the initial W, before any selection
 * @param initialExactKl KL_exact for the initial W (NaN where undefined or not tracked)
 * @param stopReason the criterion's name (ALGORITHM.md §4), {@code max_iter}, or {@code
 *     pool_exhausted}
 * @param initialPoolRows pool rows that formed the initial W ({@code randomInitPct}), else empty
 * @param iterations candidates examined, accepted or not
 * @param resets pool refills performed
 * @param scaleFactor the gradient scale used (computed when auto)
 * @param timings where the time went
 */
public record Selection(
    long[] selected,
    double[] kl,
    double[] exactKl,
    double initialKl,
    double initialExactKl,
    String stopReason,
    long[] initialPoolRows,
    int iterations,
    int resets,
    double scaleFactor,
    Timings timings) {

  public static final String MAX_ITER = "max_iter";
  public static final String POOL_EXHAUSTED = "pool_exhausted";

  /**
   * The selected ids as ints, for a pool held in memory (an int-indexed {@code VectorSet}).
   *
   * @throws IllegalStateException when an id does not fit an int
   */
  public int[] rows() {
    int[] rows = new int[selected.length];
    for (int i = 0; i < rows.length; i++) {
      if (selected[i] > Integer.MAX_VALUE) {
        throw new IllegalStateException("pool row " + selected[i] + " is beyond an in-memory pool");
      }
      rows[i] = (int) selected[i];
    }
    return rows;
  }

  /** Number of rows accepted. */
  public int size() {
    return selected.length;
  }

  /** The last accepted objective value, or the initial one when nothing was accepted. */
  public double finalKl() {
    return kl.length == 0 ? initialKl : kl[kl.length - 1];
  }

  @Override
  public String toString() {
    return "Selection{size=" + selected.length + ", stopReason=" + stopReason
        + ", initialKl=" + initialKl + ", finalKl=" + finalKl() + ", iterations=" + iterations
        + ", resets=" + resets + ", selected=" + Arrays.toString(selected) + "}";
  }

  /**
   * Wall-clock nanoseconds by phase.
   *
   * @param total the whole run, set-up included
   * @param setup validation, ρ_k, initial state and index build (for the default selection: from
   *     the table on; the table's own pass is timed by its caller)
   * @param descent gradient descent on the candidate point
   * @param search nearest-row queries
   * @param update objective evaluation and state updates
   */
  public record Timings(long total, long setup, long descent, long search, long update) {}
}
