package org.gio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gio} command: entry point and subcommand list. */
@Command(
    name = "gio",
    mixinStandardHelpOptions = true,
    version = "gio 0.1.0",
    description = "Training-data selection with GIO (Gradient Information Optimization).",
    subcommands = {SelectCommand.class, QuantizeCommand.class, BackendsCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
public final class Gio {

  public static void main(String[] args) {
    // One short line per log record (the backend choice), not JUL's two-line default.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "gio: %5$s%6$s%n");
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Gio());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
