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
 * the file and the fix without a stack trace; anything else is a bug (1) and keeps its trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    int code = exitCode(e);
    if (code == ExitCodes.BAD_INPUT || code == ExitCodes.INTERRUPTED) {
      cl.getErr().println("gio: " + message(e));
    } else if (code == ExitCodes.USAGE) {
      cl.getErr().println("gio: " + e.getMessage());
      cl.getErr().println("Try 'gio " + cl.getCommandName() + " --help'.");
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
    cl.getErr().println("gio: " + e.getMessage());
    cl.getErr().println("Try 'gio " + cl.getCommandName() + " --help'.");
    cl.getErr().flush();
    return ExitCodes.USAGE;
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
