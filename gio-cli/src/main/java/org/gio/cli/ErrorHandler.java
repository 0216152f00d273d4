package org.gio.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gio.core.GioInputException;
import org.gio.core.select.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and an exit status: bad input (3) and I/O problems name
 * the file and the fix without a stack trace, usage errors (2) the option and where the options
 * are listed; anything else is a bug (1) and keeps its trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    int code = exitCode(e);
    if (code == ExitCodes.BAD_INPUT || code == ExitCodes.INTERRUPTED) {
      cl.getErr().println("gio: " + withoutClassNames(message(e)));
    } else if (code == ExitCodes.USAGE) {
      cl.getErr().println(usageLine(cl, e.getMessage()));
    } else {
      cl.getErr().println("gio: internal error: " + e);
      e.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return code;
  }

  /** A usage error: the problem and where to read more, not the whole help page. */
  static int handleUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(usageLine(cl, e.getMessage()));
    cl.getErr().flush();
    return ExitCodes.USAGE;
  }

  /** One line: the problem, and where the options are listed ({@code gio select --help}). */
  static String usageLine(CommandLine cl, String problem) {
    return "gio: " + withoutClassNames(problem) + " (see '" + cl.getCommandSpec().qualifiedName()
        + " --help')";
  }

  // A qualified Java class name (java.lang.IllegalArgumentException, org.duckdb.DuckDBException)
  // with its colon, as libraries put them inside their messages.
  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

  /**
   * The message without Java class names: a last guard for library messages that embed them
   * (gio's own messages and converters never do).
   */
  static String withoutClassNames(String message) {
    if (message == null) {
      return "failed without a message";
    }
    return CLASS_NAME.matcher(message).replaceAll("");
  }

  static int exitCode(Throwable e) {
    if (e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof GioInputException
        || e instanceof IOException
        || e instanceof UncheckedIOException) {
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof InterruptedRun) {
      return ExitCodes.INTERRUPTED;
    }
    if (e instanceof InvalidConfigException) {
      return ExitCodes.USAGE; // an option value outside its range
    }
    return ExitCodes.INTERNAL;
  }

  private static String message(Throwable e) {
    if (e instanceof UncheckedIOException) {
      return message(e.getCause());
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return e.getMessage() + ": no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return e.getMessage() + ": permission denied";
    }
    return e.getMessage();
  }
}
