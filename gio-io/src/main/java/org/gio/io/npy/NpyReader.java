package org.gio.io.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.internal.Shown;

/**
 * Reads a 2-D .npy array of little-endian float32 or float64 in C order into a {@link VectorSet}
 * (float64 is narrowed to float32). Anything else fails with a {@link GioInputException} naming
 * the file and the problem.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int CHUNK_BYTES = 1 << 24;

  private NpyReader() {}

  public static VectorSet read(Path file) {
    return read(file, org.gio.io.ReadProgress.NONE);
  }

  /** Reads {@code file}, telling {@code progress} the bytes read so far. */
  public static VectorSet read(Path file, org.gio.io.ReadProgress progress) {
    org.gio.io.internal.SourceFiles.checkReadable(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NpyHeader header = readHeader(file, channel);
      long rows = header.shape()[0];
      long cols = header.shape()[1];
      long values = rows * cols; // no overflow: readHeader checked the bytes against the file
      if (values > Integer.MAX_VALUE - 8) {
        throw fail(file, rows + " × " + cols + " values do not fit one array in memory; the default "
            + "'gio select' (without --faithful or --quantize) streams .npy pools of any size");
      }
      float[] data = new float[(int) values];
      channel.position(header.dataOffset());
      ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      int filled = 0;
      while (filled < data.length) {
        buf.clear();
        long remainingBytes = (data.length - filled) * (long) header.itemSize();
        if (remainingBytes < buf.capacity()) {
          buf.limit((int) remainingBytes);
        }
        while (buf.hasRemaining()) {
          if (channel.read(buf) < 0) {
            throw fail(file, "truncated while reading values");
          }
        }
        buf.flip();
        if (header.itemSize() == 4) {
          int n = buf.remaining() / 4;
          buf.asFloatBuffer().get(data, filled, n);
          filled += n;
        } else {
          int n = buf.remaining() / 8;
          for (int i = 0; i < n; i++) {
            data[filled++] = (float) buf.getDouble(i * 8);
          }
        }
        progress.update(header.dataOffset() + (long) filled * header.itemSize(), channel.size());
      }
      return VectorSet.wrap(data, (int) rows, (int) cols);
    } catch (NoSuchFileException e) {
      throw fail(file, "no such file");
    } catch (IOException e) {
      throw org.gio.io.internal.SourceFiles.cannotRead(file, e);
    }
  }

  /** The element type, e.g. {@code float32}, after checking the header. */
  public static String dtype(Path file) {
    org.gio.io.internal.SourceFiles.checkReadable(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readHeader(file, channel).itemSize() == 4 ? "float32" : "float64";
    } catch (IOException e) {
      throw org.gio.io.internal.SourceFiles.cannotRead(file, e);
    }
  }

  /** Reads and validates the header only (for {@code gio info} and streaming readers). */
  static NpyHeader readHeader(Path file, FileChannel channel) throws IOException {
    NpyHeader header = parseHeader(file, channel);
    if (header.kind() != 'f' || (header.itemSize() != 4 && header.itemSize() != 8)
        || header.order() != ByteOrder.LITTLE_ENDIAN) {
      throw fail(file, "dtype " + Shown.text(header.dtype(), 40) + " is not supported; convert with "
          + "a.astype('<f4')");
    }
    if (header.shape().length != 2) {
      throw fail(file, "expected a 2-D array (rows × dimensions), got shape "
          + java.util.Arrays.toString(header.shape()) + "; reshape with a.reshape(len(a), -1)");
    }
    long rows = header.shape()[0];
    long cols = header.shape()[1];
    if (rows == 0) {
      throw fail(file, "the array has no rows");
    }
    if (cols == 0) {
      throw fail(file, "rows have 0 columns; embeddings need at least one dimension");
    }
    if (cols > Integer.MAX_VALUE / 8) {
      throw fail(file, "rows have " + cols + " columns; at most " + Integer.MAX_VALUE / 8
          + " are supported");
    }
    long needed = header.dataBytes();
    long present = channel.size() - header.dataOffset();
    if (needed < 0 || present < needed) {
      throw fail(file, "truncated: the header promises " + rows + " × " + cols + " values ("
          + (needed < 0 ? "more than 2^63" : needed) + " bytes) but only " + present
          + " bytes follow; re-export the array");
    }
    return header;
  }

  /** Magic, version, dictionary and C order; the dtype and shape are the caller's to check. */
  static NpyHeader parseHeader(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      throw fail(file, "empty file; expected a .npy array");
    }
    ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    while (pre.hasRemaining() && channel.read(pre) >= 0) {
      // fill
    }
    pre.flip();
    if (pre.remaining() < 10 || !startsWithMagic(pre)) {
      throw fail(file, "not a .npy file (the NUMPY magic string is missing); save it with "
          + "numpy.save");
    }
    int major = pre.get(6);
    int headerLength;
    int prefix;
    if (major == 1) {
      headerLength = pre.getShort(8) & 0xffff;
      prefix = 10;
    } else if (major == 2 || major == 3) {
      if (pre.remaining() < 12) {
        throw fail(file, "truncated header");
      }
      headerLength = pre.getInt(8);
      prefix = 12;
    } else {
      throw fail(file, "unsupported .npy format version " + major + "; save with numpy.save");
    }
    if (headerLength < 0 || prefix + (long) headerLength > size) {
      throw fail(file, "truncated header");
    }
    ByteBuffer dict = ByteBuffer.allocate(headerLength);
    channel.position(prefix);
    while (dict.hasRemaining() && channel.read(dict) >= 0) {
      // fill
    }
    String text = new String(dict.array(), StandardCharsets.ISO_8859_1);
    NpyHeader header = NpyHeader.parse(text, prefix + headerLength);
    if (header == null) {
      throw fail(file, "malformed header: " + Shown.text(text.trim(), 120)
          + "; save it with numpy.save");
    }
    if (header.fortranOrder()) {
      throw fail(file, "Fortran-order arrays are not supported; save with "
          + "numpy.save(f, numpy.ascontiguousarray(a))");
    }
    return header;
  }

  private static boolean startsWithMagic(ByteBuffer b) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (b.get(i) != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  static GioInputException fail(Path file, String problem) {
    return new GioInputException(file + ": " + problem);
  }

  /** True when the path exists and is a regular file (for early checks by callers). */
  public static boolean exists(Path file) {
    return Files.isRegularFile(file);
  }
}
