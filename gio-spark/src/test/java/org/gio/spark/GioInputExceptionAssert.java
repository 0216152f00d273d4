package org.gio.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.gio.core.GioInputException;

/** Runs a call that must fail with a one-line bad-input message starting as expected. */
final class GioInputExceptionAssert {
  private GioInputExceptionAssert() {}

  static String assertMessage(Runnable call, String prefix) {
    try {
      call.run();
    } catch (Exception e) { // Spark rethrows its own checked SparkException
      GioInputException input = SparkFailures.inputCause(e);
      if (input == null) {
        throw new AssertionError("expected a bad-input error starting '" + prefix + "'", e);
      }
      String message = input.getMessage();
      assertTrue(message.startsWith(prefix), message);
      assertFalse(message.contains("\n"), message);
      assertFalse(message.matches(".*\\b(org|java|scala)\\.[a-z]+\\..*"), "names a class: " + message);
      return message;
    }
    fail("expected a bad-input error starting '" + prefix + "'");
    return null;
  }
}
