package org.gio.io.quantize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.core.quantize.RowChunks;
import org.gio.core.vectors.VectorSet;

/**
 * A 2-D float32 or float64 .npy file read in chunks of rows, for pools larger than the heap: each
 * pass streams the file through one reused buffer; only one chunk is in memory at a time.
 */
public final class NpyRowChunks implements RowChunks {
  private final Path file;
  private final long rows;
  private final int dim;
  private final int itemSize;
  private final long dataOffset;
  private final int chunkRows;

  private NpyRowChunks(Path file, long rows, int dim, int itemSize, long offset, int chunkRows) {
    this.file = file;
    this.rows = rows;
    this.dim = dim;
    this.itemSize = itemSize;
    this.dataOffset = offset;
    this.chunkRows = chunkRows;
  }

  /** Opens {@code file}, checking its header and length; chunks hold about 32 MiB of floats. */
  public static NpyRowChunks open(Path file) {
    try (FileChannel ch = FileChannel.open(file)) {
      NpyArrays.Header h = NpyArrays.header(file, ch);
      if (!h.descr().equals("<f4") && !h.descr().equals("<f8")) {
        throw new GioInputException(file + ": dtype " + h.descr()
            + " is not supported; convert with a.astype('<f4')");
      }
      if (h.shape().length != 2 || h.shape()[0] == 0 || h.shape()[1] == 0) {
        throw new GioInputException(file + ": expected a non-empty 2-D array (rows × dimensions), "
            + "got shape " + java.util.Arrays.toString(h.shape()));
      }
      int item = h.descr().equals("<f4") ? 4 : 8;
      long rows = h.shape()[0];
      int dim = Math.toIntExact(h.shape()[1]);
      long needed = rows * dim * item;
      if (ch.size() - h.dataOffset() < needed) {
        throw new GioInputException(file + ": truncated: the header promises " + rows + " × "
            + dim + " values but the file is shorter");
      }
      int chunk = (int) Math.max(1, Math.min(rows, (32L << 20) / (4L * dim)));
      return new NpyRowChunks(file, rows, dim, item, h.dataOffset(), chunk);
    } catch (NoSuchFileException e) {
      throw new GioInputException(file + ": no such file");
    } catch (IOException e) {
      throw new GioInputException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** The same file read in chunks of {@code rows} rows. */
  public NpyRowChunks withChunkRows(int rows) {
    return new NpyRowChunks(file, this.rows, dim, itemSize, dataOffset, Math.max(1, rows));
  }

  public Path file() {
    return file;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void forEachChunk(Visitor visitor) {
    long rowBytes = (long) dim * itemSize;
    ByteBuffer buf =
        ByteBuffer.allocateDirect(Math.toIntExact(chunkRows * rowBytes))
            .order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[chunkRows * dim];
    try (FileChannel ch = FileChannel.open(file)) {
      long position = dataOffset;
      for (long first = 0; first < rows; first += chunkRows) {
        int n = (int) Math.min(chunkRows, rows - first);
        buf.clear();
        buf.limit(Math.toIntExact(n * rowBytes));
        while (buf.hasRemaining()) {
          int read = ch.read(buf, position);
          if (read < 0) {
            throw new GioInputException(file + ": truncated while reading row " + first);
          }
          position += read;
        }
        buf.flip();
        float[] out = n == chunkRows ? values : new float[n * dim];
        if (itemSize == 4) {
          buf.asFloatBuffer().get(out, 0, n * dim);
        } else {
          for (int i = 0; i < n * dim; i++) {
            out[i] = (float) buf.getDouble(i * 8);
          }
        }
        visitor.chunk(first, VectorSet.wrap(out, n, dim));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
