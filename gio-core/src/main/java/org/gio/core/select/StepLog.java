package org.gio.core.select;

import java.util.Arrays;

/**
 * A selection loop's removals in order, for {@link GreedyProgress#steps()} and {@link
 * PublishedProgress#steps()}: {@code ~row} when a row is removed, turned into {@code row} when it
 * is then accepted, and (the published loop only) {@link PublishedProgress#RESET} for a refill.
 */
final class StepLog {
  private int[] steps = new int[64];
  private int count;

  /** A row was taken out of the index (rejected, or not yet decided). */
  void removed(int row) {
    append(~row);
  }

  /** The last removed row was accepted. */
  void accepted() {
    steps[count - 1] = ~steps[count - 1];
  }

  /** The index was refilled. */
  void reset() {
    append(PublishedProgress.RESET);
  }

  private void append(int code) {
    if (count == steps.length) {
      steps = Arrays.copyOf(steps, 2 * steps.length);
    }
    steps[count++] = code;
  }

  int[] toArray() {
    return Arrays.copyOf(steps, count);
  }
}
