package org.gio.core;

/**
 * Input that GIO cannot work with: wrong shape, non-finite values, empty sets, options that do not
 * fit the data. The message names the input and says how to fix it; front ends report it without a
 * stack trace (the CLI exits with status 3).
 */
public class GioInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GioInputException(String message) {
    super(message);
  }

  public GioInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
