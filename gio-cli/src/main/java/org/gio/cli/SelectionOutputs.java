package org.gio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gio.core.GioInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.gio.io.EmbeddingFormat;
import org.gio.io.EmbeddingTable;
import org.gio.io.ReadOptions;
import org.gio.io.IndexFile;
import org.gio.io.plot.KlChart;
import org.gio.io.plot.ScatterChart;
import org.gio.io.report.SelectionReport;

/**
 * Writes what a selection run produces — indices, chosen rows, report, plot — each atomically. If
 * one write fails, the files this run already wrote are removed again, so a failed run leaves no
 * outputs behind.
 */
final class SelectionOutputs {
  private final List<Path> written = new ArrayList<>();

  /** The paths that will be written (null entries are unused outputs), for the pre-checks. */
  static List<Path> paths(Path... outputs) {
    return java.util.Arrays.asList(outputs);
  }

  /**
   * Fails before any work when {@code --out-rows} names a format gio cannot write for this pool:
   * pools with records keep their own format; vector-only pools need a writable extension.
   */
  static void checkRowsFormat(Path outRows, Path pool, ReadOptions options) {
    if (outRows == null) {
      return;
    }
    EmbeddingFormat source = options.formatFor(pool);
    EmbeddingFormat f = EmbeddingFormat.guess(outRows);
    if (source.hasRecords()) {
      if (f != null && f != source) {
        throw new GioInputException(outRows + ": the chosen records of a " + source.id()
            + " pool are written as " + source.id() + "; name the rows file ." + source.id());
      }
    } else if (f != null && !f.writable()) {
      throw new GioInputException(outRows + ": gio cannot write " + f.id() + " files; name the "
          + "rows file .npy, .fvecs, .csv, .tsv, .jsonl or .parquet");
    }
  }

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }

  /** Chosen pool rows (exploded from centroids when quantized), one per line. */
  void indices(Path out, int[] rows) throws IOException {
    write(out, () -> IndexFile.write(out, rows));
  }

  /** Chosen pool row ids of any size, one per line. */
  void indices(Path out, long[] ids) throws IOException {
    write(out, () -> IndexFile.write(out, ids));
  }

  /** Chosen rows' vectors (a streamed pool), in the format of the file's extension. */
  void vectors(Path outRows, VectorSet chosen) throws IOException {
    if (outRows != null) {
      write(outRows, () -> org.gio.io.Embeddings.write(outRows, chosen, null));
    }
  }

  void rows(Path outRows, EmbeddingTable pool, int[] rows) throws IOException {
    if (outRows != null) {
      write(outRows, () -> pool.writeRows(outRows, rows));
    }
  }

  void report(Path report, ObjectNode json) throws IOException {
    if (report != null) {
      write(report, () -> SelectionReport.write(report, json));
    }
  }


  void lines(TextInputOptions text, int[] rows) throws IOException {
    if (text.outLines != null) {
      write(text.outLines, () -> text.writeLines(rows));
    }
  }

  void plot(Path plot, Selection s, VectorSet target, VectorSet pool, String title)
      throws IOException {
    if (plot != null) {
      chosenPlot(plot, s, target, pool.select(s.rows()), title);
    }
  }

  /** The plot, given the chosen rows' vectors in selection order. */
  void chosenPlot(Path plot, Selection s, VectorSet target, VectorSet chosen, String title)
      throws IOException {
    if (plot != null) {
      write(plot, () -> KlChart.write(plot, s, target, chosen, title));
    }
  }

  /**
   * Pool (grey), target and selected rows on the target's first two principal components.
   *
   * @param poolRows the pool rows to draw: a seeded sample (the streaming default's density
   *     sample), never the whole of a large pool
   */
  void scatter(Path png, VectorSet poolRows, VectorSet target, VectorSet selected, String title)
      throws IOException {
    if (png != null) {
      write(png, () -> ScatterChart.write(png, poolRows, target, selected, title));
    }
  }

  private void write(Path path, Write body) throws IOException {
    try {
      body.run();
      written.add(path);
    } catch (IOException | RuntimeException e) {
      rollBack();
      throw e;
    }
  }

  private void rollBack() {
    for (Path p : written) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort: the original failure is what the user needs to see
      }
    }
    written.clear();
  }
}
