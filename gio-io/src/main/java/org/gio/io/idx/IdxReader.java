package org.gio.io.idx;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.ReadProgress;
import org.gio.io.internal.SourceFiles;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format, gzipped or not): a big-endian header {@code 0
 * 0 type dims}, the dimension sizes, then the values. Each item (an image) becomes one row of its
 * flattened pixels; unsigned bytes are scaled to [0, 1], float and double are kept as they are.
 */
public final class IdxReader {
  private IdxReader() {}

  /** The IDX element type names for {@code gio info}. */
  static String dtype(int type) {
    switch (type) {
      case 0x08:
        return "uint8";
      case 0x09:
        return "int8";
      case 0x0B:
        return "int16";
      case 0x0C:
        return "int32";
      case 0x0D:
        return "float32";
      case 0x0E:
        return "float64";
      default:
        return "unknown(0x" + Integer.toHexString(type) + ")";
    }
  }

  /** Reads the file; {@code dtype[0]} receives the element type name when not null. */
  public static VectorSet read(Path file, ReadProgress progress, String[] dtype) {
    try (DataInputStream in = new DataInputStream(SourceFiles.open(file, progress))) {
      int zero = in.readUnsignedShort();
      int type = in.readUnsignedByte();
      int dims = in.readUnsignedByte();
      if (zero != 0 || dims == 0 || dims > 8) {
        throw fail(file, "not an IDX file (bad magic number); expected e.g. "
            + "train-images-idx3-ubyte(.gz) from MNIST");
      }
      if (type != 0x08 && type != 0x0D && type != 0x0E) {
        throw fail(file, "IDX element type " + dtype(type) + " is not supported; gio reads "
            + "uint8 (scaled to [0, 1]), float32 and float64");
      }
      if (dims == 1) {
        throw fail(file, "is a 1-D IDX file (labels?); give the images file, e.g. "
            + "train-images-idx3-ubyte.gz");
      }
      long rows = in.readInt() & 0xffffffffL;
      long dim = 1;
      boolean empty = rows == 0;
      for (int i = 1; i < dims; i++) {
        long size = in.readInt() & 0xffffffffL;
        empty |= size == 0;
        dim = Math.min(dim * size, Integer.MAX_VALUE); // capped: no overflow over 8 sizes
      }
      if (empty) {
        throw fail(file, "holds no items (a dimension size is 0)");
      }
      if (rows * dim > Integer.MAX_VALUE - 8) {
        throw fail(file, rows + " × " + dim + " values do not fit one array; split the file");
      }
      if (dtype != null) {
        dtype[0] = dtype(type);
      }
      int total = (int) (rows * dim);
      // Grown as values arrive, not sized by the header: a header claiming 4 billion items in a
      // short (or gzipped) file is found truncated without allocating for its claim.
      float[] data = new float[Math.min(total, 1 << 16)];
      int i = 0;
      try {
        byte[] buf = new byte[1 << 16];
        int width = type == 0x08 ? 1 : type == 0x0D ? 4 : 8;
        while (i < total) {
          if (i == data.length) {
            data = java.util.Arrays.copyOf(data, (int) Math.min(total, 2L * data.length));
          }
          int n = Math.min(data.length - i, buf.length / width);
          for (int got = 0; got < n * width; ) {
            int r = in.read(buf, got, n * width - got);
            if (r < 0) {
              i += got / width; // for the message: the values that did arrive
              throw new EOFException();
            }
            got += r;
          }
          java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, n * width); // big-endian
          for (int j = 0; j < n; j++) {
            data[i++] = width == 1 ? (buf[j] & 0xff) / 255f
                : width == 4 ? b.getFloat() : (float) b.getDouble();
          }
        }
      } catch (EOFException e) {
        throw fail(file, "truncated: item " + (i / dim) + " of " + rows + " is incomplete; "
            + "re-download the file");
      }
      return VectorSet.wrap(data, (int) rows, (int) dim);
    } catch (EOFException e) {
      throw fail(file, "truncated header; re-download the file");
    } catch (IOException e) {
      throw SourceFiles.cannotRead(file, e);
    }
  }

  private static GioInputException fail(Path file, String problem) {
    return new GioInputException(file + ": " + problem);
  }

}
