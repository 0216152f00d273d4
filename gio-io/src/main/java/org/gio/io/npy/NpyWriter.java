package org.gio.io.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/** Writes a {@link VectorSet} as a .npy version 1.0 array of little-endian float32, C order. */
public final class NpyWriter {
  private NpyWriter() {}

  public static void write(Path file, VectorSet vectors) throws IOException {
    AtomicFiles.write(file, out -> write(out, vectors));
  }

  static void write(OutputStream out, VectorSet vectors) throws IOException {
    writeHeader(out, vectors.size(), vectors.dim());
    float[] data = vectors.data();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < data.length; ) {
      buf.clear();
      while (i < data.length && buf.remaining() >= 4) {
        buf.putFloat(data[i++]);
      }
      out.write(buf.array(), 0, buf.position());
    }
  }

  /**
   * Writes the .npy v1.0 header of a {@code rows × dim} little-endian float32 C-order array; the
   * row data, {@code rows · dim} floats, must follow. For writers that stream rows.
   */
  public static void writeHeader(OutputStream out, long rows, int dim) throws IOException {
    writeHeader(out, "<f4", rows + ", " + dim);
  }

  /** A v1.0 header for dtype {@code descr} and the shape tuple's inside, e.g. {@code "5,"}. */
  static void writeHeader(OutputStream out, String descr, String shape) throws IOException {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape
        + "), }";
    // Pad so the data starts at a multiple of 64 bytes, ending the header with a newline.
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    prefix.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    prefix.put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.write(prefix.array());
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
  }
}
