package org.gio.io.npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.internal.ReadAhead;
import org.gio.io.internal.RecordRuns;
import org.gio.io.internal.SourceFiles;

/**
 * A .npy file as a {@link VectorSource}: passes read it in chunks (positioned reads into two
 * reused buffers, the next chunk read ahead on a helper thread), so a pool larger than the heap
 * can be passed over (the neighbour table, k-means, statistics) with two chunks in memory; {@link
 * #gather} reads just the rows asked for. The operating system's page cache, not the Java heap,
 * holds the file.
 */
public final class NpySource implements VectorSource {
  private final Path file;
  private final FileChannel channel;
  private final NpyHeader header;
  private final long rows;
  private final int dim;
  private final boolean finiteOnly;

  private NpySource(Path file, FileChannel channel, NpyHeader header, boolean finiteOnly) {
    this.file = file;
    this.finiteOnly = finiteOnly;
    this.channel = channel;
    this.header = header;
    this.rows = header.shape()[0];
    this.dim = Math.toIntExact(header.shape()[1]);
  }

  /** Opens {@code file}; checks the header and the length now, reads values on demand. */
  public static NpySource open(Path file) {
    return open(file, false);
  }

  /**
   * Like {@link #open}, for passes that need finite values (the neighbour table): a pass stops at
   * the first NaN or infinite value with one line naming the file, the row and the column.
   */
  public static NpySource openFinite(Path file) {
    return open(file, true);
  }

  private static NpySource open(Path file, boolean finiteOnly) {
    SourceFiles.checkReadable(file);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      NpyHeader header = NpyReader.readHeader(file, channel);
      NpySource source = new NpySource(file, channel, header, finiteOnly);
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

  /**
   * Passes over the rows in chunks of at most {@code maxRows}, reading the next chunk on a helper
   * thread while the visitor works on this one, into two reused buffers (positioned reads, no
   * mapping per chunk). With {@link #openFinite}, a NaN or infinite value stops the pass with the
   * file, row and column.
   */
  @Override
  public void forEachChunk(int maxRows, ChunkVisitor visitor) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
    }
    if (rows == 0) {
      return;
    }
    int rowBytes = dim * header.itemSize();
    // Buffers of at most 256 MiB per chunk (two of them, plus one staging buffer of bytes).
    int perChunk = (int) Math.max(1, Math.min(Math.min(maxRows, rows), (1 << 28) / rowBytes));
    ByteBuffer staging = ByteBuffer.allocateDirect(perChunk * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
    ReadAhead.Filler filler = (index, data) -> {
      long first = index * perChunk;
      int n = data.length / dim;
      read(staging, first, n);
      copy(staging, data);
      if (finiteOnly) {
        checkFinite(data, first, n);
      }
    };
    ReadAhead.run(rows, perChunk, dim, "gio-npy-read " + file.getFileName(), filler, visitor);
  }

  /**
   * The given rows (ascending, distinct) by positioned reads of just those rows, runs of
   * consecutive rows in one read each.
   */
  @Override
  public VectorSet gather(long[] wanted) {
    float[] out = new float[Math.multiplyExact(wanted.length, dim)];
    int rowBytes = dim * header.itemSize();
    int most = Math.max(1, (1 << 20) / rowBytes);
    ByteBuffer staging = ByteBuffer.allocateDirect(most * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] run = new float[most * dim];
    RecordRuns.forEach(wanted, rows, most, (first, n, at) -> {
      read(staging, first, n);
      copy(staging, run);
      System.arraycopy(run, 0, out, at * dim, n * dim);
    });
    return VectorSet.wrap(out, wanted.length, dim);
  }

  /** Reads rows [first, first + n) into {@code staging} (position 0, limit their bytes). */
  private void read(ByteBuffer staging, long first, int n) {
    int rowBytes = dim * header.itemSize();
    staging.clear().limit(n * rowBytes);
    long at = header.dataOffset() + first * rowBytes;
    try {
      while (staging.hasRemaining()) {
        int got = channel.read(staging, at + staging.position());
        if (got < 0) {
          throw new GioInputException(file + ": the file ended at row " + (first + staging.position() / rowBytes)
              + " while being read (was it truncated meanwhile?); re-export the array");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read rows " + first + " to " + (first + n - 1) + ": "
          + e.getMessage(), e);
    }
    staging.flip();
  }

  /** Widens or copies the staged values into {@code data} (as many as it holds). */
  private void copy(ByteBuffer staging, float[] data) {
    int count = staging.remaining() / header.itemSize();
    if (header.itemSize() == 4) {
      staging.asFloatBuffer().get(data, 0, count);
    } else {
      java.nio.DoubleBuffer d = staging.asDoubleBuffer();
      for (int i = 0; i < count; i++) {
        data[i] = (float) d.get(i);
      }
    }
  }

  private void checkFinite(float[] scratch, long first, int n) {
    for (int i = 0; i < n * dim; i++) {
      if (!Float.isFinite(scratch[i])) {
        throw new GioInputException(file + ": row " + (first + i / dim) + " has " + describe(scratch[i])
            + " in column " + (i % dim) + "; remove or repair that row");
      }
    }
  }

  private static String describe(float v) {
    return Float.isNaN(v) ? "NaN" : "an infinite value";
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
