package org.gio.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.gio.core.vectors.VectorSet;

/**
 * Embeddings read from a file, together with a way to write chosen rows back in the file's own
 * format: for CSV, TSV, JSONL and Parquet the original records (ids, text, other columns), for the
 * vector-only formats the vectors.
 */
public final class EmbeddingTable {
  /** Writes the given rows of the source file, in the given order, to {@code out}. */
  @FunctionalInterface
  public interface RowWriter {
    void write(Path out, int[] rows) throws IOException;
  }

  private final Path file;
  private final EmbeddingFormat format;
  private final String dtype;
  private final VectorSet vectors;
  private final RowWriter rowWriter;

  public EmbeddingTable(
      Path file, EmbeddingFormat format, String dtype, VectorSet vectors, RowWriter rowWriter) {
    this.file = Objects.requireNonNull(file);
    this.format = Objects.requireNonNull(format);
    this.dtype = Objects.requireNonNull(dtype);
    this.vectors = Objects.requireNonNull(vectors);
    this.rowWriter = rowWriter;
  }

  public Path file() {
    return file;
  }

  public EmbeddingFormat format() {
    return format;
  }

  /** The stored element type ({@code float32}, {@code uint8}, {@code text}, ...). */
  public String dtype() {
    return dtype;
  }

  public VectorSet vectors() {
    return vectors;
  }

  /**
   * Writes rows {@code rows} (pool indices, repeats allowed) to {@code out} atomically. Formats with
   * records keep the source's format and copy the original records; vector-only formats write the
   * vectors in the format {@code out}'s extension names (default .npy).
   */
  public void writeRows(Path out, int[] rows) throws IOException {
    if (rowWriter != null) {
      rowWriter.write(out, rows);
    } else {
      Embeddings.write(out, vectors.select(rows), null);
    }
  }
}
