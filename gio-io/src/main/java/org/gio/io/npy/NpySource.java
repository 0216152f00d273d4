package org.gio.io.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.internal.SourceFiles;

/**
 * A .npy file as a {@link VectorSource}: the file is memory-mapped one chunk at a time, so a pool
 * larger than the heap can be passed over (k-means, statistics) with one chunk in memory. The
 * operating system's page cache, not the Java heap, holds the file.
 */
public final class NpySource implements VectorSource {
  private final Path file;
  private final FileChannel channel;
  private final NpyHeader header;
  private final long rows;
  private final int dim;

  private NpySource(Path file, FileChannel channel, NpyHeader header) {
    this.file = file;
    this.channel = channel;
    this.header = header;
    this.rows = header.shape()[0];
    this.dim = Math.toIntExact(header.shape()[1]);
  }

  /** Opens {@code file}; checks the header and the length now, reads values on demand. */
  public static NpySource open(Path file) {
    SourceFiles.checkReadable(file);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      NpyHeader header = NpyReader.readHeader(file, channel);
      NpySource source = new NpySource(file, channel, header);
      channel = null;
      return source;
    } catch (IOException e) {
      throw SourceFiles.cannotRead(file, e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
    }
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public int dim() {
    return dim;
  }

  /** {@code float32} or {@code float64}. */
  public String dtype() {
    return header.itemSize() == 4 ? "float32" : "float64";
  }

  @Override
  public void forEachChunk(int maxRows, ChunkVisitor visitor) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
    }
    int rowBytes = dim * header.itemSize();
    // A mapping is at most 2 GiB; keep chunks well inside that.
    int perChunk = Math.max(1, Math.min(maxRows, (Integer.MAX_VALUE / 2) / rowBytes));
    try {
      for (long start = 0; start < rows; start += perChunk) {
        int n = (int) Math.min(perChunk, rows - start);
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY,
            header.dataOffset() + start * rowBytes, (long) n * rowBytes);
        map.order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[n * dim];
        if (header.itemSize() == 4) {
          map.asFloatBuffer().get(data);
        } else {
          java.nio.DoubleBuffer d = map.asDoubleBuffer();
          for (int i = 0; i < data.length; i++) {
            data[i] = (float) d.get(i);
          }
        }
        visitor.accept(start, VectorSet.wrap(data, n, dim));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "NpySource[" + file + ", " + rows + " × " + dim + " " + dtype() + "]";
  }
}
