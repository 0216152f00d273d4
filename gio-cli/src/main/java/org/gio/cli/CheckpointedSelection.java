package org.gio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.GreedyProgress;
import org.gio.core.select.GreedySelector;
import org.gio.core.select.PublishedProgress;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorSet;

/**
 * A selection with or without a checkpoint. The default selection on a neighbour table ({@link
 * #select}): builds the table (or, with {@code --resume}, reads it and the loop's state from the
 * checkpoint after checking its loop and fingerprint) and runs the greedy loop with a {@link
 * Checkpointer}. The published loop on a pool in memory ({@link #selectPublished}): the same,
 * without a table. The checkpoint is removed once the outputs are written ({@link #finished}).
 */
final class CheckpointedSelection {
  private final Path file;
  private final double everySeconds;
  private final boolean resume;
  private final List<String> fingerprint;

  /**
   * What the run produced; {@code tableNanos}: building the table, or reading the checkpoint (the
   * published loop has no table: null, and its read is in the selection's set-up).
   */
  record Result(Selection selection, NeighbourTable table, long tableNanos, double checkpointMillis) {
    /** The timings this run adds to the report's {@code timingsMillis}. */
    void timings(Map<String, Double> millis, boolean checkpointed) {
      if (table != null) {
        millis.put("table", tableNanos / 1e6);
      }
      if (checkpointed) {
        millis.put("checkpoint", checkpointMillis);
      }
    }
  }

  CheckpointedSelection(Path file, double everySeconds, boolean resume, List<String> fingerprint) {
    this.file = file;
    this.everySeconds = everySeconds;
    this.resume = resume;
    this.fingerprint = fingerprint;
  }

  static CheckpointedSelection none() {
    return new CheckpointedSelection(null, 0, false, List.of());
  }

  boolean active() {
    return file != null;
  }

  Result select(
      GioSelector selector, Supplier<NeighbourTable> build, VectorSet target, VectorSet init, GioConfig config,
      SelectionListener listener) throws IOException {
    long start = System.nanoTime();
    if (file == null) {
      NeighbourTable table = build.get();
      long tableNanos = System.nanoTime() - start;
      Selection s = selector.resume(table, target, init, config, listener, null, GreedySelector.Checkpoints.NONE);
      return new Result(s, table, tableNanos, 0);
    }
    try (Checkpointer checkpoints = new Checkpointer(file, everySeconds, fingerprint, resume)) {
      NeighbourTable table;
      GreedyProgress from = null;
      if (resume) {
        CheckpointFile.Saved saved = CheckpointFile.read(file, CheckpointFile.Loop.DEFAULT);
        Fingerprint.check(file, saved.fingerprint(), fingerprint);
        table = saved.table();
        from = saved.progress();
      } else {
        table = build.get();
      }
      long tableNanos = System.nanoTime() - start;
      Selection s = selector.resume(table, target, init, config, listener, from, checkpoints.greedy(table));
      return new Result(s, table, tableNanos, checkpoints.writeMillis());
    }
  }

  /** The published loop ({@code --faithful}) on {@code pool}, checkpointed when a file is given. */
  Result selectPublished(
      GioSelector selector, VectorSet pool, VectorSet target, VectorSet init, GioConfig config,
      SelectionListener listener) throws IOException {
    if (file == null) {
      Selection s = selector.resume(pool, target, init, config, listener, null, PublishedProgress.Checkpoints.NONE);
      return new Result(s, null, 0, 0);
    }
    try (Checkpointer checkpoints = new Checkpointer(file, everySeconds, fingerprint, resume)) {
      PublishedProgress from = null;
      if (resume) {
        CheckpointFile.Saved saved = CheckpointFile.read(file, CheckpointFile.Loop.PUBLISHED);
        Fingerprint.check(file, saved.fingerprint(), fingerprint);
        from = saved.published();
      }
      Selection s = selector.resume(pool, target, init, config, listener, from, checkpoints.published());
      return new Result(s, null, 0, checkpoints.writeMillis());
    }
  }

  /** The outputs are written: the checkpoint has served its purpose. */
  void finished() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}
