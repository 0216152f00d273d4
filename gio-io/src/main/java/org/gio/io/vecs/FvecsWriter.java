package org.gio.io.vecs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/** Writes vectors as .fvecs: per row a little-endian int32 dimension, then float32 values. */
public final class FvecsWriter {
  private FvecsWriter() {}

  public static void write(Path file, VectorSet vectors) throws IOException {
    AtomicFiles.write(file, out -> {
      int dim = vectors.dim();
      ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
      float[] data = vectors.data();
      for (int r = 0; r < vectors.size(); r++) {
        buf.clear();
        buf.putInt(dim);
        for (int c = 0, o = vectors.offset(r); c < dim; c++) {
          buf.putFloat(data[o + c]);
        }
        out.write(buf.array(), 0, buf.position());
      }
    });
  }
}
