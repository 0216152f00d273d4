package org.gio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gio.core.GioInputException;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.select.Shortlist;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.EmbeddingFormat;
import org.gio.io.EmbeddingTable;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;

/**
 * The default selection on a pool that is never loaded (DESIGN.md, "The data path"): the .npy,
 * .fvecs, .bvecs or .ivecs pool is read once, in chunks, into a {@link NeighbourTable}; the greedy loop
 * runs on the table; the chosen rows' vectors for {@code --out-rows} and {@code --plot} come from
 * the table's listed rows (every chosen row is one). Other pool formats, text, {@code
 * --quantize} and {@code --faithful} keep the in-memory path of {@link SelectCommand}.
 */
final class StreamedSelection {
  private StreamedSelection() {}

  /**
   * Whether this run streams its pool: the default algorithm on a pool in a format gio-io streams
   * (.npy, .fvecs, .bvecs, .ivecs), no quantization.
   */
  static boolean applies(GioConfig config, Path pool, ReadOptions options, boolean text, boolean quantized) {
    return config.shortlist() == Shortlist.GAIN && !text && !quantized && pool != null
        && Embeddings.streams(options.formatFor(pool));
  }

  /** What the run produced, for the command's outputs. */
  record Result(
      Selection selection, NeighbourTable table, long poolRows, EmbeddingFormat format, String dtype,
      CheckpointedSelection.Result run) {
    /** The chosen rows' vectors, in selection order. */
    VectorSet chosenVectors() {
      long[] ids = selection.selected();
      int[] rows = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        rows[i] = listedIndex(table, ids[i]);
      }
      return table.listed().select(rows);
    }
  }

  static Result run(
      GioSelector selector, Path pool, ReadOptions options, EmbeddingTable target, EmbeddingTable init,
      GioConfig config, SelectionListener listener, CheckpointedSelection checkpointed) throws IOException {
    try (VectorSource source = Embeddings.source(pool, options)) {
      if (source.dim() != target.vectors().dim()) {
        throw new GioInputException(target.file() + ": dimension " + target.vectors().dim()
            + " does not match " + pool + " (dimension " + source.dim()
            + "); embed every input with the same model");
      }
      int threads = Runtime.getRuntime().availableProcessors();
      CheckpointedSelection.Result r = checkpointed.select(selector, () -> {
        try {
          return selector.table(source, target.vectors(), config, threads);
        } catch (GioInputException e) {
          throw new GioInputException(pool + ": " + e.getMessage(), e);
        }
      }, target.vectors(), init == null ? null : init.vectors(), config, listener);
      return new Result(r.selection(), r.table(), source.rows(), options.formatFor(pool), Embeddings.dtype(source), r);
    }
  }

  /** Writes {@code --out-rows}: the chosen vectors, in the format of the file's extension. */
  static void writeRows(Path outRows, Result result) throws IOException {
    Embeddings.write(outRows, result.chosenVectors(), null);
  }

  /** The report's input description. */
  static Map<String, Object> describe(Path pool, Result r, EmbeddingTable target, EmbeddingTable init) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pool", pool.toString());
    m.put("poolRows", r.poolRows());
    m.put("poolFormat", r.format().id());
    m.put("poolDtype", r.dtype());
    m.put("poolRead", "streamed");
    m.put("tableListedRows", r.table().listed().size());
    m.put("tableDepth", r.table().depth());
    putTable(m, "target", target);
    if (init != null) {
      putTable(m, "init", init);
    }
    m.put("dimension", target.vectors().dim());
    return m;
  }

  private static void putTable(Map<String, Object> m, String name, EmbeddingTable t) {
    m.put(name, t.file().toString());
    m.put(name + "Rows", t.vectors().size());
    m.put(name + "Format", t.format().id());
    m.put(name + "Dtype", t.dtype());
  }

  private static int listedIndex(NeighbourTable table, long id) {
    int lo = 0;
    int hi = table.listed().size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = table.listedId(mid);
      if (v < id) {
        lo = mid + 1;
      } else if (v > id) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    throw new IllegalStateException("chosen row " + id + " is not in the neighbour table");
  }
}
