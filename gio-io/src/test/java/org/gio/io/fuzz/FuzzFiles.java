package org.gio.io.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gio.core.GioInputException;

/**
 * What every reader's fuzz test checks: fuzzed bytes, written to a file, either read as a value or
 * fail with the project's declared input error ({@link GioInputException}) whose message is one
 * line without a Java class name. Any other exception, an OutOfMemoryError (the fuzz runs use a
 * small heap, so a header claiming 10^12 rows that is believed is caught) or a hang is a finding.
 */
final class FuzzFiles {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("gio-fuzz");
      DIR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FuzzFiles() {}

  /** The bytes as a file named {@code name} (rewritten on every execution). */
  static Path write(String name, byte[] bytes) {
    Path file = DIR.resolve(name);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.toFile().deleteOnExit();
    return file;
  }

  @FunctionalInterface
  interface Read {
    Object run() throws Exception;
  }

  /** Runs the read; the declared input error is a valid outcome, if its message is one line. */
  static void valueOrInputError(Read read) throws Exception {
    try {
      read.run();
    } catch (GioInputException e) {
      String m = e.getMessage();
      if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r")
          || m.matches("(?s).*\\b(java|org|com)\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*")) {
        throw new AssertionError("not a one-line message naming the problem: " + m, e);
      }
    }
  }
}
