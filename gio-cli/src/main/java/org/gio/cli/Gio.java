package org.gio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

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
public final class Gio implements Callable<Integer> {
  // One line each, for `gio` alone; `gio --help` has the full list.
  private static final String[][] COMMANDS = {
    {"select", "choose pool rows whose distribution matches the target"},
    {"embed", "text lines (or a JSONL field) to vectors"},
    {"quantize", "K-means centroids and assignment of a pool, for select --quantization"},
    {"kl", "the k-NN KL estimate between a target and a sample"},
    {"info", "rows, dimension, dtype, NaN/Inf counts of an embeddings file"},
    {"backends", "the compute and index backends available"},
    {"help", "the help of a command: gio help select"},
  };

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Also print the kernels and backends chosen (they are in --report too).")
  void verbose(boolean on) {
    if (on) {
      Verbosity.verbose();
    }
  }

  /** {@code gio} alone: the commands and one example on stderr, exit 2 (no command is a usage error). */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("gio: give a command:");
    for (String[] c : COMMANDS) {
      err.printf(Locale.ROOT, "  %-9s %s%n", c[0], c[1]);
    }
    err.println("Example: gio select --pool pool.npy --target target.npy --out chosen.txt");
    err.println("Try 'gio --help' or 'gio COMMAND --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    DirectStderr.install(); // first: before anything captures System.err
    Verbosity.oneLineRecords();
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
