package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The embedding progress line of gio embed and gio select --pool-text. */
class ProgressTest {
  @Test
  void barCountsRateAndEta() {
    assertEquals("gio: embedding [######..................] 2,500/10,000 lines, 1,000 lines/s, ETA 0:08",
        Progress.line(2500, 10_000, 2.5));
    assertEquals("gio: embedding [########################] 10,000/10,000 lines, 1,000 lines/s",
        Progress.line(10_000, 10_000, 10), "no ETA once done");
  }

  @Test
  void drawnInPlaceOnATerminalAndEndsWithANewline() {
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), false, true);
    p.update(2048, 4096);
    p.update(4096, 4096);
    p.end();
    String out = sink.toString();
    assertTrue(out.startsWith("\rgio: embedding [############............] 2,048/4,096 lines"), out);
    assertTrue(out.contains("\rgio: embedding [########################] 4,096/4,096 lines"), out);
    assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one finished line: " + out);
  }

  @Test
  void silentWithQuietOrWithoutATerminal() {
    for (boolean[] quietTerminal : new boolean[][] {{true, true}, {false, false}}) {
      StringWriter sink = new StringWriter();
      Progress p = new Progress(new PrintWriter(sink), quietTerminal[0], quietTerminal[1]);
      p.update(1, 2);
      p.update(2, 2);
      p.end();
      assertEquals("", sink.toString());
    }
  }
}
