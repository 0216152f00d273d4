package org.gio.cli;

/** The documented exit statuses of {@code gio}. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;

  private ExitCodes() {}
}
