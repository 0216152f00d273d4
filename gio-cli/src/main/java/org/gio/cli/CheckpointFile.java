package org.gio.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.gio.core.GioInputException;
import org.gio.core.select.GreedyProgress;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/**
 * The checkpoint file of a default selection ({@code --checkpoint}): the inputs' and options'
 * {@link Fingerprint}, the {@link NeighbourTable} (so a resumed run skips the pool pass) and the
 * loop's {@link GreedyProgress}, written atomically (temporary file, then rename) and closed by a
 * CRC-32C of every byte before it.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): the magic {@code GIOCKPT}, a format version,
 * the fingerprint lines, the table (n, L, M, d, ids, squared distances, listed ids and vectors,
 * sample ids and vectors), the progress (steps, traces, counters), then the checksum. The checksum
 * is verified before anything is parsed, so a damaged file never sizes an allocation.
 */
final class CheckpointFile {
  private static final byte[] MAGIC = {'G', 'I', 'O', 'C', 'K', 'P', 'T', '\n'};
  private static final int VERSION = 1;

  /** What a checkpoint holds. */
  record Saved(List<String> fingerprint, NeighbourTable table, GreedyProgress progress) {}

  private CheckpointFile() {}

  static void write(Path file, List<String> fingerprint, NeighbourTable table, GreedyProgress progress)
      throws IOException {
    AtomicFiles.write(file, raw -> {
      CRC32C crc = new CRC32C();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(fingerprint.size());
      for (String line : fingerprint) {
        out.writeUTF(line);
      }
      writeTable(out, table);
      writeProgress(out, progress);
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
    });
  }

  static Saved read(Path file) throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new GioInputException(file + ": no checkpoint to resume from; run without --resume to start");
    }
    if (size < MAGIC.length + 4 + 8) {
      throw damaged(file, "too short to be a checkpoint");
    }
    verify(file, size);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw damaged(file, "not a gio checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new GioInputException(file + ": checkpoint format " + version + ", this gio reads format "
            + VERSION + "; run without --resume to start again");
      }
      int lines = in.readInt();
      List<String> fingerprint = new ArrayList<>(lines);
      for (int i = 0; i < lines; i++) {
        fingerprint.add(in.readUTF());
      }
      NeighbourTable table = readTable(in);
      GreedyProgress progress = readProgress(in);
      return new Saved(fingerprint, table, progress);
    } catch (EOFException | IllegalArgumentException | NegativeArraySizeException e) {
      // the checksum matched, so this is a file written by another program or a bug
      throw damaged(file, "its contents do not parse");
    }
  }

  /** Checks the trailing CRC-32C against the bytes before it. */
  private static void verify(Path file, long size) throws IOException {
    CRC32C crc = new CRC32C();
    long stored;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 20];
      long left = size - 8;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw damaged(file, "it ended early");
        }
        crc.update(buffer, 0, n);
        left -= n;
      }
      stored = new DataInputStream(in).readLong();
    }
    if (stored != crc.getValue()) {
      throw damaged(file, "its checksum does not match (damaged or partly overwritten)");
    }
  }

  private static GioInputException damaged(Path file, String why) {
    return new GioInputException(file + ": cannot resume, " + why
        + "; delete it and run without --resume to start again");
  }

  private static void writeTable(DataOutputStream out, NeighbourTable t) throws IOException {
    int n = t.targets();
    int depth = t.depth();
    out.writeInt(n);
    out.writeInt(depth);
    out.writeLong(t.poolRows());
    out.writeInt(t.listed().dim());
    long[] row = new long[depth];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < depth; j++) {
        row[j] = t.id(i, j);
      }
      Bulk.write(out, row);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < depth; j++) {
        row[j] = Double.doubleToRawLongBits(t.squaredDistance(i, j));
      }
      Bulk.write(out, row);
    }
    long[] listedIds = new long[t.listed().size()];
    for (int i = 0; i < listedIds.length; i++) {
      listedIds[i] = t.listedId(i);
    }
    out.writeInt(listedIds.length);
    Bulk.write(out, listedIds);
    writeVectors(out, t.listed());
    long[] sampleIds = t.sampleIds();
    out.writeInt(sampleIds.length);
    Bulk.write(out, sampleIds);
    writeVectors(out, t.sample());
  }

  private static NeighbourTable readTable(DataInputStream in) throws IOException {
    int n = in.readInt();
    int depth = in.readInt();
    long poolRows = in.readLong();
    int dim = in.readInt();
    long[] ids = readLongs(in, Math.multiplyExact(n, depth));
    double[] squared = readDoubles(in, ids.length);
    
    long[] listedIds = readLongs(in, in.readInt());
    VectorSet listed = readVectors(in, listedIds.length, dim);
    long[] sampleIds = readLongs(in, in.readInt());
    VectorSet sample = readVectors(in, sampleIds.length, dim);
    return NeighbourTable.of(n, depth, poolRows, ids, squared, listedIds, listed, sampleIds, sample);
  }

  private static void writeProgress(DataOutputStream out, GreedyProgress p) throws IOException {
    out.writeInt(p.steps().length);
    Bulk.write(out, p.steps());
    writeDoubles(out, p.kl());
    writeDoubles(out, p.exactKl());
    out.writeInt(p.iterations());
    out.writeInt(p.rejectedInRow());
    out.writeInt(p.risesInRow());
    out.writeLong(Double.doubleToRawLongBits(p.previousKl()));
    out.writeLong(Double.doubleToRawLongBits(p.previousExact()));
  }

  private static GreedyProgress readProgress(DataInputStream in) throws IOException {
    int[] steps = new int[in.readInt()];
    Bulk.read(in, steps);
    double[] kl = readDoubles(in, in.readInt());
    double[] exact = readDoubles(in, in.readInt());
    return new GreedyProgress(steps, kl, exact, in.readInt(), in.readInt(), in.readInt(),
        Double.longBitsToDouble(in.readLong()), Double.longBitsToDouble(in.readLong()));
  }

  private static void writeVectors(DataOutputStream out, VectorSet v) throws IOException {
    for (int i = 0; i < v.size(); i++) {
      Bulk.write(out, v.data(), v.offset(i), v.dim());
    }
  }

  private static VectorSet readVectors(DataInputStream in, int rows, int dim) throws IOException {
    float[] data = new float[Math.multiplyExact(rows, dim)];
    Bulk.read(in, data);
    return VectorSet.wrap(data, rows, dim);
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    long[] bits = new long[values.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]); // every bit, NaN payloads included
    }
    Bulk.write(out, bits);
  }

  private static double[] readDoubles(DataInputStream in, int length) throws IOException {
    long[] bits = readLongs(in, length);
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = Double.longBitsToDouble(bits[i]);
    }
    return values;
  }

  private static long[] readLongs(DataInputStream in, int length) throws IOException {
    long[] values = new long[length];
    Bulk.read(in, values);
    return values;
  }

  /** Arrays through a 64 KiB big-endian buffer: an element at a time is ten times slower. */
  private static final class Bulk {
    private static final int BYTES = 64 << 10;
    // one buffer per thread: the writes of one checkpoint reuse it (one per row would be 64 KiB each)
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(BYTES));

    static void write(DataOutputStream out, long[] a) throws IOException {
      ByteBuffer b = BUFFER.get();
      for (int at = 0; at < a.length; ) {
        int n = Math.min(a.length - at, BYTES / 8);
        b.clear();
        b.asLongBuffer().put(a, at, n);
        out.write(b.array(), 0, n * 8);
        at += n;
      }
    }

    static void write(DataOutputStream out, int[] a) throws IOException {
      ByteBuffer b = BUFFER.get();
      for (int at = 0; at < a.length; ) {
        int n = Math.min(a.length - at, BYTES / 4);
        b.clear();
        b.asIntBuffer().put(a, at, n);
        out.write(b.array(), 0, n * 4);
        at += n;
      }
    }

    static void write(DataOutputStream out, float[] a, int offset, int length) throws IOException {
      ByteBuffer b = BUFFER.get();
      for (int at = 0; at < length; ) {
        int n = Math.min(length - at, BYTES / 4);
        b.clear();
        b.asFloatBuffer().put(a, offset + at, n);
        out.write(b.array(), 0, n * 4);
        at += n;
      }
    }

    static void read(DataInputStream in, long[] a) throws IOException {
      byte[] bytes = BUFFER.get().array();
      for (int at = 0; at < a.length; ) {
        int n = Math.min(a.length - at, BYTES / 8);
        in.readFully(bytes, 0, n * 8);
        ByteBuffer.wrap(bytes, 0, n * 8).asLongBuffer().get(a, at, n);
        at += n;
      }
    }

    static void read(DataInputStream in, int[] a) throws IOException {
      byte[] bytes = BUFFER.get().array();
      for (int at = 0; at < a.length; ) {
        int n = Math.min(a.length - at, BYTES / 4);
        in.readFully(bytes, 0, n * 4);
        ByteBuffer.wrap(bytes, 0, n * 4).asIntBuffer().get(a, at, n);
        at += n;
      }
    }

    static void read(DataInputStream in, float[] a) throws IOException {
      byte[] bytes = BUFFER.get().array();
      for (int at = 0; at < a.length; ) {
        int n = Math.min(a.length - at, BYTES / 4);
        in.readFully(bytes, 0, n * 4);
        ByteBuffer.wrap(bytes, 0, n * 4).asFloatBuffer().get(a, at, n);
        at += n;
      }
    }
  }
}
