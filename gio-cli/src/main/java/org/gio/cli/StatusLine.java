package org.gio.cli;

import java.io.PrintWriter;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import picocli.CommandLine.Model.CommandSpec;

/** A one-line summary on stderr when the run ends (silent with --quiet). */
final class StatusLine implements SelectionListener {
  private final PrintWriter err;
  private final boolean quiet;

  StatusLine(CommandSpec spec, boolean quiet) {
    this.err = spec.commandLine().getErr();
    this.quiet = quiet;
  }

  @Override
  public void finished(Selection s) {
    if (quiet) {
      return;
    }
    double[] exact = s.exactKl();
    err.printf(
        "gio: selected %d rows in %d iterations (stop: %s, resets: %d), objective %s -> %s,"
            + " exact KL %s -> %s, %.2f s%n",
        s.size(), s.iterations(), s.stopReason(), s.resets(), value(s.initialKl()),
        value(s.finalKl()), value(s.initialExactKl()),
        value(exact.length == 0 ? s.initialExactKl() : exact[exact.length - 1]),
        s.timings().total() / 1e9);
    err.flush();
  }

  /** Undefined estimates (an empty start, fewer than k rows) print as such, not as NaN. */
  private static String value(double v) {
    return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.4f", v) : "undefined";
  }
}
