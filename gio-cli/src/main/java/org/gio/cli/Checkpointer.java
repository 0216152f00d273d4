package org.gio.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.gio.core.select.GreedyProgress;
import org.gio.core.select.GreedySelector;
import org.gio.core.select.PublishedProgress;
import org.gio.core.table.NeighbourTable;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Writes the checkpoint of a selection at iteration boundaries: at the first one (for the default
 * selection the table is the expensive part), then whenever {@code every} seconds have passed
 * since the last write, and when SIGINT or SIGTERM arrived, after which the run ends with {@link
 * InterruptedRun}. While it is open the two signals only set a flag (a second one ends the process
 * at once, status 128 + the signal's number); {@link #close} puts the previous handlers back. The
 * loops' hooks are {@link #greedy} and {@link #published}.
 */
final class Checkpointer implements AutoCloseable {
  private final Path file;
  private final long everyNanos;
  private final List<String> fingerprint;
  private final AtomicReference<String> signal = new AtomicReference<>();
  private final SignalHandler[] previous = new SignalHandler[2];
  private final String[] names = {"INT", "TERM"};
  private long lastWrite;
  private boolean written;
  private long writeNanos;

  /** Catches SIGINT and SIGTERM from now on. {@code resumed}: the file already holds this state, so the first boundary need not rewrite it. */
  Checkpointer(Path file, double everySeconds, List<String> fingerprint, boolean resumed) {
    this.file = file;
    this.everyNanos = (long) (everySeconds * 1e9);
    this.fingerprint = fingerprint;
    this.written = resumed;
    this.lastWrite = System.nanoTime();
    for (int i = 0; i < names.length; i++) {
      previous[i] = install(names[i]);
    }
  }

  private SignalHandler install(String name) {
    try {
      return Signal.handle(new Signal(name), s -> {
        if (!signal.compareAndSet(null, "SIG" + s.getName())) {
          Thread t = new Thread(() -> System.exit(128 + s.getNumber()), "gio-second-signal");
          t.start();
        }
      });
    } catch (IllegalArgumentException e) {
      return null; // the JVM reserves it (-Xrs): only the periodic checkpoints are written
    }
  }

  /** The default selection's hook: its checkpoints hold {@code table} (built or read while the signals were already caught). */
  GreedySelector.Checkpoints greedy(NeighbourTable table) {
    return progress -> boundary(progress, p -> CheckpointFile.write(file, fingerprint, table, p),
        GreedyProgress::accepted);
  }

  /** The published loop's hook. */
  PublishedProgress.Checkpoints published() {
    return progress -> boundary(progress, p -> CheckpointFile.write(file, fingerprint, p),
        PublishedProgress::accepted);
  }

  private interface Writer<P> {
    void write(P progress) throws IOException;
  }

  private <P> void boundary(Supplier<P> progress, Writer<P> writer, ToIntFunction<P> accepted) {
    String caught = signal.get();
    long now = System.nanoTime();
    if (caught == null && written && now - lastWrite < everyNanos) {
      return;
    }
    P state = progress.get();
    try {
      writer.write(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written = true;
    lastWrite = System.nanoTime();
    writeNanos += lastWrite - now;
    if (caught != null) {
      throw new InterruptedRun("interrupted by " + caught + " after " + accepted.applyAsInt(state)
          + " rows; checkpoint written to " + file + "; run the same command with --resume to continue");
    }
  }

  /** Milliseconds spent writing checkpoints. */
  double writeMillis() {
    return writeNanos / 1e6;
  }

  @Override
  public void close() {
    for (int i = 0; i < names.length; i++) {
      if (previous[i] != null) {
        Signal.handle(new Signal(names[i]), previous[i]);
      }
    }
  }
}
