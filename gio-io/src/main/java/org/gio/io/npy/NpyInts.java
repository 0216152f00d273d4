package org.gio.io.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gio.io.internal.Shown;

/** 1-D little-endian int32 .npy arrays (e.g. a K-means assignment), as numpy reads and writes them. */
public final class NpyInts {
  private NpyInts() {}

  /** Writes {@code values} as a .npy v1.0 {@code <i4} array of shape (n,). */
  public static void write(OutputStream out, int[] values) throws IOException {
    NpyWriter.writeHeader(out, "<i4", values.length + ",");
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; ) {
      buf.clear();
      while (i < values.length && buf.remaining() >= 4) {
        buf.putInt(values[i++]);
      }
      out.write(buf.array(), 0, buf.position());
    }
  }

  /** Reads a 1-D {@code <i4} array; anything else fails naming the file. */
  public static int[] read(Path file) {
    try (FileChannel ch = FileChannel.open(file)) {
      NpyHeader h = NpyReader.parseHeader(file, ch);
      if (!h.dtype().equals("<i4") || h.shape().length != 1) {
        throw NpyReader.fail(file, "expected a 1-D '<i4' array, got " + Shown.text(h.dtype(), 40)
            + " of shape "
            + java.util.Arrays.toString(h.shape()));
      }
      long n = h.shape()[0];
      long bytes = h.dataBytes();
      if (bytes < 0 || n > Integer.MAX_VALUE - 8 || ch.size() - h.dataOffset() < bytes) {
        throw NpyReader.fail(file, "truncated: expected " + n + " int32 values");
      }
      int[] out = new int[(int) n];
      ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      ch.position(h.dataOffset());
      int filled = 0;
      while (filled < out.length) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), (out.length - filled) * 4L));
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          // fill
        }
        buf.flip();
        int k = buf.remaining() / 4;
        buf.asIntBuffer().get(out, filled, k);
        filled += k;
      }
      return out;
    } catch (NoSuchFileException e) {
      throw NpyReader.fail(file, "no such file");
    } catch (IOException e) {
      throw NpyReader.fail(file, "cannot be read: " + e.getMessage());
    }
  }
}
