package org.gio.cli;

import java.util.function.Function;
import picocli.CommandLine.TypeConversionException;

/**
 * The one way gio's option converters report a bad value: picocli prints a
 * {@link TypeConversionException}'s message as it is, but wraps any other exception with its
 * Java class name ({@code cannot convert 'x' to StopRule (java.lang.IllegalArgumentException: …)}).
 */
final class Converters {
  private Converters() {}

  /** {@code parse.apply(value)}, its IllegalArgumentException turned into picocli's own. */
  static <T> T parse(String value, Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
