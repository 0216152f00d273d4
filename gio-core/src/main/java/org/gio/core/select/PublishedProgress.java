package org.gio.core.select;

import java.util.Arrays;

/**
 * Where a run of the published loop ({@code --faithful}, {@link Shortlist#NEAREST}) stands at an
 * iteration boundary: enough to continue it byte for byte, given the same pool, target, initial
 * set and configuration (whose set-up, redone on resume, rebuilds the start, ρ_k, the scale and
 * the penalties exactly as before).
 *
 * <p>As {@link GreedyProgress}, an event log and not the objectives' state: {@link #steps()} is
 * every change of the candidate index in order, {@code row} for an accepted row (removed from the
 * index, added to W), {@code ~row} for one only removed (rejected by the stop rule with patience
 * left, or the row that triggered a reset), {@link #RESET} for a refill. Replaying it rebuilds the
 * relaxed and exact objectives and the index by the same additions in the same order, so every
 * accumulated double comes back bit for bit, without one gradient step. What the log cannot give
 * is stored as it was: the traces, the counters, the two previous values the stop rule compares
 * with (raw doubles), the random generator's position ({@link #draws()}: see {@link
 * ReplayableRandom}) and the candidate point ({@link Candidate}: with {@code --v-init prev_opt}
 * the descent continues from it).
 *
 * @param steps index changes in order: accepted {@code row}, removed {@code ~row}, {@link #RESET}
 * @param draws the generator's draws since its seed, as (code, count) pairs
 * @param kl the relaxed objective after each accepted row
 * @param exactKl KL_exact after each accepted row (empty when not tracked)
 * @param iterations candidates examined so far
 * @param rejectedInRow rejections since the last acceptance (patience used)
 * @param risesInRow consecutive accepted rises of the objective
 * @param resets refills so far
 * @param longDescent whether the next descent is a long one (the first, and after a reset)
 * @param previousKl the objective the stop rule compares the next candidate with
 * @param previousExact the exact estimator the stop rule compares the next candidate with
 * @param candidate the point the next descent starts from, and its v-init bookkeeping
 */
public record PublishedProgress(
    int[] steps,
    int[] draws,
    double[] kl,
    double[] exactKl,
    int iterations,
    int rejectedInRow,
    int risesInRow,
    int resets,
    boolean longDescent,
    double previousKl,
    double previousExact,
    Candidate candidate) {

  /** The step that refilled the index (a reset). No row is {@code ~Integer.MAX_VALUE}. */
  public static final int RESET = Integer.MIN_VALUE;

  /**
   * The candidate point v between iterations.
   *
   * @param point v as the next descent will read it
   * @param lastRow {@code --v-init worst}: the target row v last started from, else −1
   * @param pending {@code --v-init worst}: v is re-chosen before the next descent
   * @param exhausted {@code --v-init worst}: target rows not started from again (ascending)
   */
  public record Candidate(float[] point, int lastRow, boolean pending, int[] exhausted) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Candidate c && Arrays.equals(point, c.point) && lastRow == c.lastRow
          && pending == c.pending && Arrays.equals(exhausted, c.exhausted);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(point) * 31 + lastRow;
    }

    @Override
    public String toString() {
      return "Candidate{lastRow=" + lastRow + ", pending=" + pending + ", exhausted=" + exhausted.length + "}";
    }
  }

  /**
   * Called by the published loop at every iteration boundary, on the selecting thread, before the
   * next candidate is sought; for checkpoints. An exception thrown here ends the run with it.
   */
  @FunctionalInterface
  public interface Checkpoints {
    /** Ignores every boundary. */
    Checkpoints NONE = progress -> {};

    /**
     * {@code progress.get()} is the run's state at this boundary (a copy, O(steps)); call it only
     * when a checkpoint is due.
     */
    void boundary(java.util.function.Supplier<PublishedProgress> progress);
  }

  /** Rows accepted so far. */
  public int accepted() {
    return kl.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublishedProgress p
        && Arrays.equals(steps, p.steps) && Arrays.equals(draws, p.draws)
        && Arrays.equals(kl, p.kl) && Arrays.equals(exactKl, p.exactKl)
        && iterations == p.iterations && rejectedInRow == p.rejectedInRow && risesInRow == p.risesInRow
        && resets == p.resets && longDescent == p.longDescent
        && Double.compare(previousKl, p.previousKl) == 0
        && Double.compare(previousExact, p.previousExact) == 0
        && candidate.equals(p.candidate);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(steps) * 31 + iterations;
  }

  @Override
  public String toString() {
    return "PublishedProgress{steps=" + steps.length + ", accepted=" + kl.length
        + ", iterations=" + iterations + ", resets=" + resets + "}";
  }
}
