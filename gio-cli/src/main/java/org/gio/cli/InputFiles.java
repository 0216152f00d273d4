package org.gio.cli;

import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.io.EmbeddingTable;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;

/**
 * Reads the inputs of a command: each file in its own format, with the progress bar, rejecting
 * NaN/Inf and dimension mismatches with the file's name before any work starts.
 */
final class InputFiles {
  private final ReadOptions options;
  private final ProgressBar progress;
  private long nanos;

  InputFiles(ReadOptions options, ProgressBar progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Reads {@code file} (null gives null) and checks every value is finite. */
  EmbeddingTable read(Path file) {
    if (file == null) {
      return null;
    }
    long start = System.nanoTime();
    try {
      EmbeddingTable table = Embeddings.read(file,
          options.withProgress(progress.reading(String.valueOf(file.getFileName()))));
      table.vectors().requireFinite(file.toString());
      return table;
    } finally {
      progress.clear();
      nanos += System.nanoTime() - start;
    }
  }

  /** Fails unless {@code other} has {@code reference}'s dimension. */
  static void sameDimension(EmbeddingTable reference, EmbeddingTable other) {
    if (other != null && other.vectors().dim() != reference.vectors().dim()) {
      throw new GioInputException(other.file() + ": dimension " + other.vectors().dim()
          + " does not match " + reference.file() + " (dimension " + reference.vectors().dim()
          + "); embed every input with the same model");
    }
  }

  /** Fails unless the target has more than k rows (a row is not its own neighbour). */
  static void moreRowsThanK(EmbeddingTable target, int k) {
    if (target.vectors().size() <= k) {
      throw new GioInputException(target.file() + ": " + target.vectors().size()
          + " target rows, but k = " + k + " needs more than " + k + "; lower --k or give a "
          + "larger target");
    }
  }

  /** Time spent reading so far. */
  long nanos() {
    return nanos;
  }
}
