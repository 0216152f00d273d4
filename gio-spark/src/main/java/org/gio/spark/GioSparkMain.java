package org.gio.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.gio.core.GioInputException;
import org.gio.core.select.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gio-spark} command, for {@code spark-submit --class org.gio.spark.GioSparkMain} or the
 * {@code ./gio-spark.sh} launcher. Failures end as one line and gio's exit statuses: 0 ok, 1
 * internal, 2 usage, 3 bad input (a task's bad-input error is unwrapped from Spark's job failure).
 */
@Command(name = "gio-spark", mixinStandardHelpOptions = true, subcommands = SparkSelectCommand.class,
    description = "GIO training-data selection with the pool on Apache Spark.")
public final class GioSparkMain implements Runnable {

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "name a command: select");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.err, true)));
  }

  /** Runs the command line; returns the exit status. */
  static int run(String[] args, PrintWriter err) {
    CommandLine cl = new CommandLine(new GioSparkMain()).setErr(err);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("gio-spark: " + e.getMessage());
      err.println("Try 'gio-spark " + e.getCommandLine().getCommandName() + " --help'.");
      return 2;
    });
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      int code = exitCode(e);
      if (code == 1) {
        err.println("gio-spark: internal error: " + e);
        e.printStackTrace(err);
      } else {
        err.println("gio-spark: " + message(e));
      }
      err.flush();
      return code;
    });
    return cl.execute(args);
  }

  static int exitCode(Throwable e) {
    if (SparkFailures.inputCause(e) != null || e instanceof IOException || e instanceof UncheckedIOException) {
      return 3;
    }
    if (e instanceof InvalidConfigException || e instanceof CommandLine.ParameterException) {
      return 2;
    }
    return 1;
  }

  private static String message(Throwable e) {
    GioInputException input = SparkFailures.inputCause(e);
    if (input != null) {
      return input.getMessage();
    }
    if (e instanceof UncheckedIOException) {
      return e.getCause().getMessage();
    }
    return e.getMessage();
  }
}
