package org.gio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gio} command: entry point and subcommand list. */
@Command(
    name = "gio",
    mixinStandardHelpOptions = true,
    version = "gio 0.1.0",
    description = "Training-data selection with GIO (Gradient Information Optimization).",
    subcommands = {
      SelectCommand.class,
      EmbedCommand.class,
      QuantizeCommand.class,
      KlCommand.class,
      InfoCommand.class,
      BackendsCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  gio select --pool pool.npy --target target.npy --out chosen.txt --plot kl.png",
      "  gio info pool.parquet",
      "  gio kl --target target.npy --sample chosen.npy",
      "  gio help select",
      "",
      "Exit status:",
      "  0  success",
      "  1  internal error (a bug: please report it with the stack trace)",
      "  2  usage error (unknown option, bad option value)",
      "  3  bad input (unreadable, malformed or mismatched files, unwritable outputs);",
      "     the message names the file, the position when known, and the fix",
      "  4  interrupted by SIGINT/SIGTERM under --checkpoint: the checkpoint is written;",
      "     run the same command with --resume to continue"
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

  /** Runs with the given output and error streams. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Gio());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(ErrorHandler::handleUsageError);
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
