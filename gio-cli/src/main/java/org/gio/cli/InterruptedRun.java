package org.gio.cli;

/**
 * A run stopped by SIGINT or SIGTERM after writing its checkpoint: exit status {@link
 * ExitCodes#INTERRUPTED}, and a message saying how to continue.
 */
final class InterruptedRun extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InterruptedRun(String message) {
    super(message, null, false, false);
  }
}
