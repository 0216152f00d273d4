package org.gio.core.select;

import java.util.Arrays;

/**
 * Where a default selection ({@link GreedySelector}) stands at an iteration boundary: enough to
 * continue it exactly, given the same neighbour table, target, start and configuration.
 *
 * <p>Why an event log and not the state itself: the run is deterministic given the table, and its
 * state (the objectives' neighbour distances, the gain table, the taken rows) is a sum built in
 * one order. Replaying the same additions and removals in the same order rebuilds every double
 * bit for bit, at the cost of the incremental updates only (no candidate is proposed or scored
 * again), and the log is four bytes per removed row instead of the gain table's size. The loop
 * draws no random numbers (the only seeded draws, the uniform start and the density sample, are
 * made before it from the seed), so no generator position needs saving.
 *
 * <p>{@link #steps()}: every row the run removed from the table, in order, as its dense listed
 * index ({@link org.gio.core.table.NeighbourTable#listed()}): {@code row} when it was accepted
 * (removed, then added to W), {@code ~row} (negative) when it was only removed (dropped by the
 * density filter, or rejected by the stop rule). The traces and counters are what the loop holds
 * besides; {@code previousKl} and {@code previousExact} are restored as saved, not recomputed.
 *
 * @param steps removed rows in order: accepted {@code row}, dropped or rejected {@code ~row}
 * @param kl the relaxed objective after each accepted row
 * @param exactKl KL_exact after each accepted row (empty when not tracked)
 * @param iterations candidates examined so far
 * @param rejectedInRow rejections since the last acceptance (patience used)
 * @param risesInRow consecutive accepted rises of the objective
 * @param previousKl the objective the stop rule compares the next candidate with
 * @param previousExact the exact estimator the stop rule compares the next candidate with
 */
public record GreedyProgress(
    int[] steps,
    double[] kl,
    double[] exactKl,
    int iterations,
    int rejectedInRow,
    int risesInRow,
    double previousKl,
    double previousExact) {

  /** Rows accepted so far. */
  public int accepted() {
    return kl.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GreedyProgress p
        && Arrays.equals(steps, p.steps) && Arrays.equals(kl, p.kl) && Arrays.equals(exactKl, p.exactKl)
        && iterations == p.iterations && rejectedInRow == p.rejectedInRow && risesInRow == p.risesInRow
        && Double.compare(previousKl, p.previousKl) == 0
        && Double.compare(previousExact, p.previousExact) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(steps) * 31 + iterations;
  }

  @Override
  public String toString() {
    return "GreedyProgress{steps=" + steps.length + ", accepted=" + kl.length
        + ", iterations=" + iterations + "}";
  }
}
