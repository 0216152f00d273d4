package org.gio.cli;

import java.io.PrintWriter;
import org.gio.core.select.Retrieval;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gio select --method retrieval}: the nearest pool rows of each target row, round robin. */
final class RetrievalRun {
  private RetrievalRun() {}

  static Selection select(VectorSet pool, VectorSet target, int budget, CommandSpec spec,
      boolean quiet) {
    Selection s = Retrieval.select(pool, target, budget);
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("gio: retrieval selected %d rows (each target row's nearest, round robin) in"
          + " %.2f s%n", s.size(), s.timings().total() / 1e9);
      err.flush();
    }
    return s;
  }
}
