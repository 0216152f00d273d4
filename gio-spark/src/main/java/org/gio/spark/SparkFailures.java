package org.gio.spark;

import org.gio.core.GioInputException;

/**
 * Spark reports a task's failure as a {@code SparkException} ("Job aborted due to stage failure:
 * ...") whose cause chain holds the task's own exception: this finds the bad-input error in it,
 * so the user sees the same one line {@code gio select} prints.
 */
public final class SparkFailures {
  private SparkFailures() {}

  /** The {@link GioInputException} in {@code e}'s cause chain, or null. */
  public static GioInputException inputCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GioInputException input) {
        return input;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
