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
    err.printf(
        "gio: selected %d rows in %d iterations (stop: %s, resets: %d), KL %.4f -> %.4f, %.2f s%n",
        s.size(), s.iterations(), s.stopReason(), s.resets(), s.initialKl(), s.finalKl(),
        s.timings().total() / 1e9);
    err.flush();
  }
}
