package org.gio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.gio.io.text.TextEmbedding;

/**
 * "gio: embedding [######..................] 120,000/500,000 lines, 2,100 lines/s, ETA 3:01"
 * redrawn in place on stderr, at most five times a second; silent when stderr is not a terminal
 * (logs and pipes get no carriage returns) or with --quiet.
 */
final class Progress implements TextEmbedding.Progress {
  private final PrintWriter err;
  private final boolean on;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, boolean quiet) {
    this(err, quiet, System.console() != null);
  }

  Progress(PrintWriter err, boolean quiet, boolean terminal) {
    this.err = err;
    this.on = !quiet && terminal;
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
    err.print("\r" + line(done, total, Math.max((now - start) / 1e9, 1e-9)) + "   ");
    drawn = true;
    if (done >= total) {
      err.println();
      drawn = false; // the line is finished: end() adds nothing
    }
    err.flush();
  }

  static String line(long done, long total, double seconds) {
    double rate = done / seconds;
    String eta = done > 0 && done < total ? ", ETA " + ProgressBar.clock((total - done) / rate) : "";
    return String.format(Locale.ROOT, "gio: embedding %s %,d/%,d lines, %,.0f lines/s%s",
        ProgressBar.bar(total > 0 ? (double) done / total : 0), done, total, rate, eta);
  }

  /** Ends a drawn line that did not reach its total (on failure). */
  void end() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }
}
