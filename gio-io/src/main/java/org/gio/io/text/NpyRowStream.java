package org.gio.io.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a .npy float32 array row by row, so embeddings of a file larger than memory never exist
 * whole. The row count goes in the header, so it must be known first (the first pass counts it).
 * The header is {@link org.gio.io.npy.NpyWriter}'s; that writer needs the whole matrix.
 */
final class NpyRowStream {
  private final OutputStream out;
  private final long rows;
  private final int dim;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private long written;

  NpyRowStream(OutputStream out, long rows, int dim) throws IOException {
    this.out = out;
    this.rows = rows;
    this.dim = dim;
    org.gio.io.npy.NpyWriter.writeHeader(out, rows, dim);
  }

  /** Appends {@code count} rows taken from the start of {@code data}. */
  void write(float[] data, int count) throws IOException {
    int n = count * dim;
    java.nio.FloatBuffer floats = buf.asFloatBuffer(); // little-endian view: bulk copies
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, floats.capacity());
      floats.clear();
      floats.put(data, i, k);
      out.write(buf.array(), 0, k * 4);
      i += k;
    }
    written += count;
  }

  /** Fails when fewer or more rows arrived than the header promised (the file changed between passes). */
  void finish() throws IOException {
    if (written != rows) {
      throw new IOException("wrote " + written + " rows, header says " + rows
          + ": the input changed while it was being read");
    }
  }
}
