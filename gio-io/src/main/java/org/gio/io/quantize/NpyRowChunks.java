package org.gio.io.quantize;

import java.nio.file.Path;
import org.gio.core.quantize.RowChunks;
import org.gio.io.npy.NpySource;

/**
 * A 2-D float32 or float64 .npy file read in chunks of rows, for pools larger than the heap: the
 * {@link NpySource} reader seen as the {@link RowChunks} quantization takes. Chunks hold about 32
 * MiB of floats unless {@link #withChunkRows} says otherwise.
 */
public final class NpyRowChunks implements RowChunks {
  private final Path file;
  private final long rows;
  private final int dim;
  private final int chunkRows;

  private NpyRowChunks(Path file, long rows, int dim, int chunkRows) {
    this.file = file;
    this.rows = rows;
    this.dim = dim;
    this.chunkRows = chunkRows;
  }

  /** Opens {@code file}, checking its header and length now. */
  public static NpyRowChunks open(Path file) {
    try (NpySource source = NpySource.open(file)) {
      int chunk = (int) Math.max(1, Math.min(source.rows(), (32L << 20) / (4L * source.dim())));
      return new NpyRowChunks(file, source.rows(), source.dim(), chunk);
    }
  }

  /** The same file read in chunks of {@code rows} rows. */
  public NpyRowChunks withChunkRows(int rows) {
    return new NpyRowChunks(file, this.rows, dim, Math.max(1, rows));
  }

  public Path file() {
    return file;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void forEachChunk(Visitor visitor) {
    try (NpySource source = NpySource.open(file)) {
      source.forEachChunk(chunkRows, visitor::chunk);
    }
  }
}
