package org.gio.io.vecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.internal.ReadAhead;
import org.gio.io.internal.RecordRuns;
import org.gio.io.internal.SourceFiles;

/**
 * An .fvecs, .bvecs or .ivecs file as a {@link VectorSource}, streamed like {@code NpySource}:
 * passes read records by positioned reads into reused buffers, the next chunk read ahead on a
 * helper thread, and {@link #gather} reads just the records asked for. Opening checks the first
 * dimension field and that the length is a whole number of records; every record's own dimension
 * field is checked when it is read (and, with {@link #openFinite}, its values are finite), failing
 * with the file and the vector's row.
 */
public final class VecsSource implements VectorSource {
  /** Most bytes one chunk's staging buffer or float array may take. */
  private static final int CHUNK_BYTES = 1 << 28;

  private final Path file;
  private final FileChannel channel;
  private final VecsReader.Kind kind;
  private final int dim;
  private final long rows;
  private final int record;
  private final boolean finiteOnly;

  private VecsSource(Path file, FileChannel channel, VecsReader.Kind kind, int dim, long rows, boolean finiteOnly) {
    this.file = file;
    this.channel = channel;
    this.kind = kind;
    this.dim = dim;
    this.rows = rows;
    this.record = 4 + dim * kind.bytes;
    this.finiteOnly = finiteOnly;
  }

  /** Opens {@code file}; checks the first dimension field and the length now, reads values on demand. */
  public static VecsSource open(Path file, VecsReader.Kind kind) {
    return open(file, kind, false);
  }

  /**
   * Like {@link #open}, for passes that need finite values (the neighbour table): a pass stops at
   * the first NaN or infinite value with one line naming the file, the vector and the column.
   */
  public static VecsSource openFinite(Path file, VecsReader.Kind kind) {
    return open(file, kind, true);
  }

  private static VecsSource open(Path file, VecsReader.Kind kind, boolean finiteOnly) {
    long size = SourceFiles.checkReadable(file);
    if (size < 4) {
      throw fail(file, 0, "truncated: shorter than one dimension field");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (head.hasRemaining()) {
        if (channel.read(head, head.position()) < 0) {
          throw fail(file, 0, "truncated: shorter than one dimension field");
        }
      }
      int dim = head.getInt(0);
      if (dim <= 0 || dim > (1 << 24)) {
        throw fail(file, 0, "dimension field is " + dim + "; this is not a ."
            + kind.name().toLowerCase(Locale.ROOT) + " file (or it is big-endian)");
      }
      long record = 4L + (long) dim * kind.bytes;
      if (size % record != 0) {
        throw fail(file, size / record, "truncated or malformed: " + size + " bytes is not a "
            + "multiple of the " + record + "-byte record of dimension " + dim + "; re-export it");
      }
      VecsSource source = new VecsSource(file, channel, kind, dim, size / record, finiteOnly);
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

  /** {@code float32}, {@code uint8} or {@code int32}. */
  public String dtype() {
    return kind.dtype();
  }

  /** Records per chunk for a pass asking for at most {@code maxRows}: both buffers stay under 256 MiB. */
  int perChunk(long maxRows) {
    long most = CHUNK_BYTES / Math.max(record, dim * Float.BYTES);
    return (int) Math.max(1, Math.min(Math.min(maxRows, rows), most));
  }

  /**
   * Passes over the rows in chunks of at most {@code maxRows}, reading the next chunk on a helper
   * thread while the visitor works on this one, into two reused buffers. A record whose dimension
   * field differs from the first one's (or, with {@link #openFinite}, a non-finite value) stops the
   * pass with the file and the vector's row, after the chunks before it were visited.
   */
  @Override
  public void forEachChunk(int maxRows, ChunkVisitor visitor) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
    }
    if (rows == 0) {
      return;
    }
    int perChunk = perChunk(maxRows);
    ByteBuffer staging = ByteBuffer.allocateDirect(perChunk * record).order(ByteOrder.LITTLE_ENDIAN);
    ReadAhead.Filler filler = (index, data) -> {
      long first = index * perChunk;
      int n = data.length / dim;
      read(staging, first, n);
      decode(staging, first, n, data, 0);
    };
    ReadAhead.run(rows, perChunk, dim, "gio-vecs-read " + file.getFileName(), filler, visitor);
  }

  /**
   * The given rows (ascending, distinct) by positioned reads of just those records, runs of
   * consecutive records in one read each; their dimension fields are checked as in a pass.
   */
  @Override
  public VectorSet gather(long[] wanted) {
    float[] out = new float[Math.multiplyExact(wanted.length, dim)];
    int most = Math.max(1, (1 << 20) / record);
    ByteBuffer staging = ByteBuffer.allocateDirect(most * record).order(ByteOrder.LITTLE_ENDIAN);
    RecordRuns.forEach(wanted, rows, most, (first, n, at) -> {
      read(staging, first, n);
      decode(staging, first, n, out, at * dim);
    });
    return VectorSet.wrap(out, wanted.length, dim);
  }

  /** Reads records [first, first + n) into {@code staging} (position 0, limit their bytes). */
  private void read(ByteBuffer staging, long first, int n) {
    staging.clear().limit(n * record);
    long at = first * record;
    try {
      while (staging.hasRemaining()) {
        if (channel.read(staging, at + staging.position()) < 0) {
          throw fail(file, first + staging.position() / record,
              "the file ended while being read (was it truncated meanwhile?); re-export it");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read vectors " + first + " to " + (first + n - 1) + ": "
          + e.getMessage(), e);
    }
    staging.flip();
  }

  /** Checks and decodes {@code n} staged records (rows from {@code first}) into {@code out[at..]}. */
  private void decode(ByteBuffer staging, long first, int n, float[] out, int at) {
    for (int r = 0; r < n; r++) {
      int base = r * record;
      int d = staging.getInt(base);
      if (d != dim) {
        throw fail(file, first + r, "has dimension " + d + " but row 0 has " + dim
            + "; every vector must have the same length");
      }
      int o = at + r * dim;
      switch (kind) {
        case FVECS -> {
          for (int c = 0; c < dim; c++) {
            out[o + c] = staging.getFloat(base + 4 + 4 * c);
          }
          if (finiteOnly) {
            checkFinite(out, o, first + r);
          }
        }
        case BVECS -> {
          for (int c = 0; c < dim; c++) {
            out[o + c] = staging.get(base + 4 + c) & 0xff;
          }
        }
        default -> {
          for (int c = 0; c < dim; c++) {
            out[o + c] = staging.getInt(base + 4 + 4 * c);
          }
        }
      }
    }
  }

  private void checkFinite(float[] values, int offset, long row) {
    for (int c = 0; c < dim; c++) {
      float v = values[offset + c];
      if (!Float.isFinite(v)) {
        throw fail(file, row, "has " + (Float.isNaN(v) ? "NaN" : "an infinite value") + " in column " + c
            + "; remove or repair that row");
      }
    }
  }

  static GioInputException fail(Path file, long row, String problem) {
    return new GioInputException(file + ": vector " + row + ": " + problem);
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
    return "VecsSource[" + file + ", " + rows + " × " + dim + " " + dtype() + "]";
  }
}
