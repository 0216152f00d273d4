package org.gio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.io.ReadProgress;

/**
 * One self-overwriting line on stderr while reading and selecting: bytes read, or iteration,
 * current KL and ETA. Drawn only when a person is watching (a console, no --quiet) so logs and
 * pipes stay clean. Hand-written rather than a library: it is one line of text with {@code \r},
 * and the common libraries bring a terminal stack (JLine) that this does not need.
 */
final class ProgressBar implements SelectionListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw;
  private int lastLength;
  private long selectStart;
  private int maxIter;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Enabled when the JVM has a console (stdin and stdout are terminals) and not --quiet. */
  static ProgressBar forTerminal(PrintWriter err, boolean quiet) {
    return new ProgressBar(err, !quiet && System.console() != null);
  }

  boolean enabled() {
    return enabled;
  }

  /** A read-progress callback labelled with the file name. */
  ReadProgress reading(String fileName) {
    return phase("reading " + fileName);
  }

  /**
   * A {@code (done, total)} callback for any long phase (reading, quantizing, ...), drawn as
   * {@code text [####....] 45%}; call {@link #clear()} when the phase ends.
   */
  ReadProgress phase(String text) {
    if (!enabled) {
      return ReadProgress.NONE;
    }
    return (done, total) -> {
      if (!due(done == total)) {
        return;
      }
      String line = total > 0
          ? String.format(Locale.ROOT, "%s %s %3d%%", text, bar((double) done / total),
              Math.round(100.0 * done / total))
          : String.format(Locale.ROOT, "%s %,d", text, done);
      draw(line);
    };
  }

  @Override
  public void started(int poolSize, int maxIter, double initialKl) {
    this.maxIter = maxIter;
    this.selectStart = System.nanoTime();
    if (enabled) {
      lastDraw = 0;
      draw(String.format(Locale.ROOT, "selecting from %,d rows, KL %.4f", poolSize, initialKl));
    }
  }

  @Override
  public void iteration(Iteration it) {
    if (!enabled || !due(false)) {
      return;
    }
    double elapsed = (System.nanoTime() - selectStart) / 1e9;
    String eta = "";
    if (it.accepted() > 0 && maxIter > 0) {
      double remaining = elapsed / it.accepted() * Math.max(0, maxIter - it.accepted());
      eta = " ETA " + clock(remaining) + " at most";
    }
    draw(String.format(Locale.ROOT, "selecting %s %d/%d  KL %.4f  %s%s",
        bar(maxIter > 0 ? (double) it.accepted() / maxIter : 0), it.accepted(), maxIter, it.kl(),
        clock(elapsed), eta));
  }

  @Override
  public void finished(Selection selection) {
    clear();
  }

  /** Erases the line, so the next message starts clean. */
  void clear() {
    if (enabled && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }

  private boolean due(boolean force) {
    long now = System.nanoTime();
    if (force || now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      return true;
    }
    return false;
  }

  private void draw(String line) {
    String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
    err.print("\r" + padded);
    err.flush();
    lastLength = line.length();
  }

  static String bar(double fraction) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
