package org.gio.cli;

/** The documented exit statuses of {@code gio}. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;
  /** SIGINT or SIGTERM with --checkpoint: the checkpoint was written; rerun with --resume. */
  static final int INTERRUPTED = 4;

  private ExitCodes() {}
}
