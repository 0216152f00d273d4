package org.gio.io.vecs;

import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.ReadProgress;

/**
 * Reads the ANN-benchmark formats (corpus-texmex): every vector is a little-endian int32 dimension
 * d followed by d values — float32 ({@code .fvecs}), uint8 ({@code .bvecs}, kept as 0..255, as
 * SIFT1B means them) or int32 ({@code .ivecs}).
 */
public final class VecsReader {
  /** Element type of a vecs file. */
  public enum Kind {
    FVECS(4, "float32"),
    BVECS(1, "uint8"),
    IVECS(4, "int32");

    final int bytes;
    final String dtype;

    Kind(int bytes, String dtype) {
      this.bytes = bytes;
      this.dtype = dtype;
    }

    public String dtype() {
      return dtype;
    }
  }

  private VecsReader() {}

  /**
   * Reads every vector of {@code file} into memory (through {@link VecsSource}, so the checks and
   * messages are the streamed pass's).
   */
  public static VectorSet read(Path file, Kind kind, ReadProgress progress) {
    try (VecsSource source = VecsSource.open(file, kind)) {
      long rows = source.rows();
      int dim = source.dim();
      if (rows * dim > Integer.MAX_VALUE - 8) {
        throw VecsSource.fail(file, 0, rows + " × " + dim + " values do not fit one array; quantize or "
            + "split the pool");
      }
      float[] data = new float[(int) (rows * dim)];
      long record = 4L + (long) dim * kind.bytes;
      source.forEachChunk(source.perChunk(Math.max(1, (1 << 22) / record)), (first, chunk) -> {
        System.arraycopy(chunk.data(), 0, data, (int) (first * dim), chunk.size() * dim);
        progress.update((first + chunk.size()) * record, rows * record);
      });
      return VectorSet.wrap(data, (int) rows, dim);
    }
  }
}
