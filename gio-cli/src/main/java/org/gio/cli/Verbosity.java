package org.gio.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What gio's own log records show: warnings (the scalar fallback) always, the kernels and backends
 * chosen ({@code System.Logger} DEBUG records) only with {@code --verbose}. Records go through
 * java.util.logging, one line each, {@code gio: message}.
 */
final class Verbosity {
  private static final String FORMAT = "java.util.logging.SimpleFormatter.format";
  // Held here: java.util.logging keeps loggers only weakly, and would drop the level set below.
  private static final Logger GIO = Logger.getLogger("org.gio");

  private Verbosity() {}

  /** One short line per record, not JUL's two-line default (unless the user chose a format). */
  static void oneLineRecords() {
    if (System.getProperty(FORMAT) == null) {
      System.setProperty(FORMAT, "gio: %5$s%6$s%n");
    }
  }

  /** Shows gio's debug records (the kernels and backends) on stderr. */
  static void verbose() {
    if (GIO.getLevel() == Level.FINE) {
      return;
    }
    oneLineRecords();
    ConsoleHandler handler = new ConsoleHandler(); // writes to System.err as it is now
    handler.setLevel(Level.FINE);
    GIO.setLevel(Level.FINE);
    GIO.setUseParentHandlers(false);
    GIO.addHandler(handler);
  }
}
