package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gio.core.select.SelectionListener.Iteration;
import org.gio.core.select.SelectionListener.Outcome;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void drawsReadingAndSelectingThenClears() {
    StringWriter sink = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(sink), true);
    bar.reading("pool.npy").update(50, 100);
    bar.reading("pool.npy").update(100, 100);
    bar.started(1000, 10, 3.5);
    bar.iteration(new Iteration(1, 7, Outcome.ACCEPTED, 3.25, Double.NaN, 1, 1000));
    bar.clear();
    String out = sink.toString();
    assertTrue(out.contains("reading pool.npy [########################] 100%"), out);
    assertTrue(out.contains("selecting from 1,000 rows, KL 3.5000"), out);
    assertTrue(out.endsWith("\r"), "the line is erased at the end");
    assertTrue(!out.contains("\n"), "never scrolls");
  }

  @Test
  void silentWhenDisabled() {
    StringWriter sink = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(sink), false);
    bar.reading("x").update(1, 2);
    bar.started(10, 10, 1);
    bar.iteration(new Iteration(1, 0, Outcome.ACCEPTED, 1, 1, 1, 1));
    bar.clear();
    assertEquals("", sink.toString());
  }

  @Test
  void formats() {
    assertEquals("[############............]", ProgressBar.bar(0.5));
    assertEquals("1:05", ProgressBar.clock(65));
    assertEquals("1:01:01", ProgressBar.clock(3661));
  }
}
