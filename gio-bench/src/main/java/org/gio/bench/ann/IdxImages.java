package org.gio.bench.ann;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.gio.core.vectors.VectorSet;

/**
 * A minimal reader for MNIST-style IDX image files (magic 0x00000803: unsigned bytes, n × rows ×
 * cols, big-endian header), optionally gzipped. Local to the bench so it needs nothing from gio-io.
 * Pixels are scaled to [0, 1].
 */
final class IdxImages {
  private IdxImages() {}

  static VectorSet read(Path file, int maxImages) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in =
            new DataInputStream(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw)) {
      int magic = in.readInt();
      if (magic != 0x00000803) {
        throw new IOException(file + ": not an IDX image file (magic " + Integer.toHexString(magic) + ")");
      }
      int n = Math.min(in.readInt(), maxImages);
      int dim = in.readInt() * in.readInt();
      byte[] pixels = new byte[n * dim];
      in.readFully(pixels);
      float[] data = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        data[i] = (pixels[i] & 0xff) / 255f;
      }
      return VectorSet.wrap(data, n, dim);
    }
  }
}
