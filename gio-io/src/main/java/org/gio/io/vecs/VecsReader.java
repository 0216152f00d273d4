package org.gio.io.vecs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.ReadProgress;
import org.gio.io.internal.SourceFiles;

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

  public static VectorSet read(Path file, Kind kind, ReadProgress progress) {
    long size = SourceFiles.checkReadable(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (size < 4) {
        throw fail(file, 0, "truncated: shorter than one dimension field");
      }
      ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, head, file);
      int dim = head.getInt(0);
      if (dim <= 0 || dim > (1 << 24)) {
        throw fail(file, 0, "dimension field is " + dim + "; this is not a ." + kind.name()
            .toLowerCase(java.util.Locale.ROOT) + " file (or it is big-endian)");
      }
      long record = 4L + (long) dim * kind.bytes;
      if (size % record != 0) {
        throw fail(file, size / record, "truncated or malformed: " + size + " bytes is not a "
            + "multiple of the " + record + "-byte record of dimension " + dim + "; re-export it");
      }
      long rows = size / record;
      if (rows * dim > Integer.MAX_VALUE - 8) {
        throw fail(file, 0, rows + " × " + dim + " values do not fit one array; quantize or "
            + "split the pool");
      }
      float[] data = new float[(int) (rows * dim)];
      int perChunk = (int) Math.max(1, (1 << 22) / record);
      ByteBuffer buf = ByteBuffer.allocateDirect((int) (perChunk * record))
          .order(ByteOrder.LITTLE_ENDIAN);
      ch.position(0);
      int out = 0;
      for (long row = 0; row < rows; ) {
        int n = (int) Math.min(perChunk, rows - row);
        buf.clear().limit((int) (n * record));
        readFully(ch, buf, file);
        buf.flip();
        for (int r = 0; r < n; r++, row++) {
          int d = buf.getInt();
          if (d != dim) {
            throw fail(file, row, "has dimension " + d + " but row 0 has " + dim
                + "; every vector must have the same length");
          }
          for (int c = 0; c < dim; c++) {
            switch (kind) {
              case FVECS:
                data[out++] = buf.getFloat();
                break;
              case BVECS:
                data[out++] = buf.get() & 0xff;
                break;
              default:
                data[out++] = buf.getInt();
            }
          }
        }
        progress.update(row * record, size);
      }
      return VectorSet.wrap(data, (int) rows, dim);
    } catch (IOException e) {
      throw SourceFiles.cannotRead(file, e);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, Path file) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        throw new java.io.EOFException();
      }
    }
  }

  private static GioInputException fail(Path file, long row, String problem) {
    return new GioInputException(file + ": vector " + row + ": " + problem);
  }
}
