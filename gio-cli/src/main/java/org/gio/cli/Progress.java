package org.gio.cli;

import java.io.PrintWriter;
import org.gio.io.text.TextEmbedding;

/**
 * "embedded 120000/500000 lines (85000 lines/s)" redrawn in place on stderr, at most five times a
 * second; silent when stderr is not a terminal (logs and pipes get no carriage returns) or with
 * --quiet.
 */
final class Progress implements TextEmbedding.Progress {
  private final PrintWriter err;
  private final boolean on;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.on = !quiet && System.console() != null;
  }

  @Override
  public void update(long done, long total) {
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max((now - start) / 1e9, 1e-9);
    err.printf("\rgio: embedded %d/%d lines (%.0f lines/s)   ", done, total, done / seconds);
    drawn = true;
    if (done >= total) {
      err.println();
      drawn = false; // the line is finished: end() adds nothing
    }
    err.flush();
  }

  /** Ends a drawn line that did not reach its total (on failure). */
  void end() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
