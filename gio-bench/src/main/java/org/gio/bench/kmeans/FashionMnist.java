package org.gio.bench.kmeans;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.gio.core.vectors.VectorSet;

/** Reads the FashionMNIST training images (Debian's dataset-fashion-mnist) as rows scaled to [0, 1]. */
final class FashionMnist {
  static final Path DEFAULT =
      Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

  private FashionMnist() {}

  static VectorSet read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
      int magic = in.readInt();
      if (magic != 0x803) {
        throw new IOException(file + ": not an IDX image file (magic " + magic + ")");
      }
      int n = in.readInt();
      int dim = in.readInt() * in.readInt();
      byte[] bytes = new byte[n * dim];
      in.readFully(bytes);
      float[] data = new float[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        data[i] = (bytes[i] & 0xff) / 255f;
      }
      return VectorSet.wrap(data, n, dim);
    }
  }
}
