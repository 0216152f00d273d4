package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * User-facing messages: every converter's bad value is one line with the known values and no
 * Java class name; usage errors point at the right help; {@code gio} alone lists the commands.
 */
class MessagesTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--stop, sometimes, unknown stop criterion 'sometimes'",
    "--v-init, middle, middle",
    "--objective, best, best",
    "--shortlist, some, some",
    "--start, anywhere, anywhere",
    "--format, excel, excel",
    "--k, five, 'five'",
  })
  void aBadOptionValueIsOneLineWithoutClassNames(String option, String value, String fragment) {
    CliRun run = CliRun.of("select", "--pool", "p.npy", "--target", "t.npy", "--out", "o.txt",
        option, value);
    assertEquals(2, run.exit(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("gio: Invalid value for option '" + option + "'"), run.err());
    assertTrue(run.err().contains(fragment), run.err());
    assertTrue(run.err().contains("(see 'gio select --help')"), run.err());
    assertFalse(run.err().matches("(?s).*(java|org)\\.[a-z]+\\..*"), run.err());
    assertFalse(run.err().contains("cannot convert"), run.err());
  }

  @Test
  void quantizeInitToo() {
    CliRun run = CliRun.of("quantize", "--pool", "p.npy", "--clusters", "4", "--out", "q",
        "--init", "random-ish");
    assertEquals(2, run.exit(), run.err());
    assertFalse(run.err().contains("java.lang"), run.err());
    assertTrue(run.err().contains("(see 'gio quantize --help')"), run.err());
  }

  @Test
  void topLevelUsageErrorsPointAtGioHelpOnce() {
    CliRun run = CliRun.of("--frobnicate");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("(see 'gio --help')"), run.err());
    assertFalse(run.err().contains("gio gio"), run.err());
  }

  @Test
  void gioAloneListsTheCommands() {
    CliRun run = CliRun.of();
    assertEquals(2, run.exit());
    for (String command : new String[] {"select", "embed", "quantize", "kl", "info", "backends"}) {
      assertTrue(run.err().contains("\n  " + command + " "), command + " in " + run.err());
    }
    assertTrue(run.err().contains("Example: gio select"), run.err());
  }

  @Test
  void libraryMessagesLoseTheirClassNames() {
    assertEquals("p.parquet: Parser Error: syntax error",
        ErrorHandler.withoutClassNames("p.parquet: java.sql.SQLException: Parser Error: syntax error"));
    assertEquals("unknown stop criterion 'x'",
        ErrorHandler.withoutClassNames("java.lang.IllegalArgumentException: unknown stop criterion 'x'"));
  }
}
