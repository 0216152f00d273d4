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
import org.gio.core.select.PublishedProgress;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/**
 * The checkpoint file of a selection ({@code --checkpoint}): which loop wrote it, the inputs' and
 * options' {@link Fingerprint}, and the loop's state: for the default selection the {@link
 * NeighbourTable} (so a resumed run skips the pool pass) and its {@link GreedyProgress}; for the
 * published loop ({@code --faithful}) its {@link PublishedProgress} (the pool is read again).
 * Written atomically (temporary file, then rename) and closed by a CRC-32C of every byte before it.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): the magic {@code GIOCKPT}, a format version,
 * the loop's name, the fingerprint lines; then either the table (n, L, M, d, ids, squared
 * distances, listed ids and vectors, sample ids and vectors) and the progress (steps, traces,
 * counters), or the published progress (steps, draws, traces, counters, candidate point); then the
 * checksum. The checksum is verified before anything is parsed, so a damaged file never sizes an
 * allocation. Format 1 (before the published loop could be saved) had no loop name and is read as
 * a default selection's.
 */
final class CheckpointFile {
  private static final byte[] MAGIC = {'G', 'I', 'O', 'C', 'K', 'P', 'T', '\n'};
  private static final int VERSION = 2;

  /** The loop a checkpoint continues. */
  enum Loop {
    DEFAULT("the default selection", "without --faithful"),
    PUBLISHED("the published loop", "--faithful");

    /** The loop's name, in the fingerprint's first line. */
    final String label;
    /** The label with the option that chooses it, for messages. */
    final String description;

    Loop(String label, String option) {
      this.label = label;
      this.description = label + " (" + option + ")";
    }
  }

  /** What a checkpoint holds: the table and progress of the default loop, or the published progress. */
  record Saved(
      Loop loop, List<String> fingerprint, NeighbourTable table, GreedyProgress progress,
      PublishedProgress published) {}

  private CheckpointFile() {}

  static void write(Path file, List<String> fingerprint, NeighbourTable table, GreedyProgress progress)
      throws IOException {
    write(file, Loop.DEFAULT, fingerprint, out -> {
      writeTable(out, table);
      writeProgress(out, progress);
    });
  }

  static void write(Path file, List<String> fingerprint, PublishedProgress progress) throws IOException {
    write(file, Loop.PUBLISHED, fingerprint, out -> writePublished(out, progress));
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static void write(Path file, Loop loop, List<String> fingerprint, Body body) throws IOException {
    AtomicFiles.write(file, raw -> {
      CRC32C crc = new CRC32C();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(loop.name());
      out.writeInt(fingerprint.size());
      for (String line : fingerprint) {
        out.writeUTF(line);
      }
      body.write(out);
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
    });
  }

  /**
   * Reads a checkpoint of {@code expected}'s loop.
   *
   * @throws GioInputException when it is missing, damaged, or written by the other loop
   */
  static Saved read(Path file, Loop expected) throws IOException {
    Saved saved = read(file);
    if (saved.loop() != expected) {
      throw new GioInputException(file + ": cannot resume, the checkpoint is of " + saved.loop().description
          + " and this command runs " + expected.description + "; run the command that wrote it with "
          + "--resume, or start again without --resume");
    }
    return saved;
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
      if (version != VERSION && version != 1) {
        throw new GioInputException(file + ": checkpoint format " + version + ", this gio reads format "
            + VERSION + "; run without --resume to start again");
      }
      Loop loop = version == 1 ? Loop.DEFAULT : Loop.valueOf(in.readUTF());
      int lines = in.readInt();
      List<String> fingerprint = new ArrayList<>(lines);
      for (int i = 0; i < lines; i++) {
        fingerprint.add(in.readUTF());
      }
      if (loop == Loop.PUBLISHED) {
        return new Saved(loop, fingerprint, null, null, readPublished(in));
      }
      NeighbourTable table = readTable(in);
      GreedyProgress progress = readProgress(in);
      return new Saved(loop, fingerprint, table, progress, null);
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
    writeInts(out, p.steps());
    writeDoubles(out, p.kl());
    writeDoubles(out, p.exactKl());
    out.writeInt(p.iterations());
    out.writeInt(p.rejectedInRow());
    out.writeInt(p.risesInRow());
    out.writeLong(Double.doubleToRawLongBits(p.previousKl()));
    out.writeLong(Double.doubleToRawLongBits(p.previousExact()));
  }

  private static GreedyProgress readProgress(DataInputStream in) throws IOException {
    int[] steps = readInts(in);
    double[] kl = readDoubles(in, in.readInt());
    double[] exact = readDoubles(in, in.readInt());
    return new GreedyProgress(steps, kl, exact, in.readInt(), in.readInt(), in.readInt(),
        Double.longBitsToDouble(in.readLong()), Double.longBitsToDouble(in.readLong()));
  }

  private static void writePublished(DataOutputStream out, PublishedProgress p) throws IOException {
    writeInts(out, p.steps());
    writeInts(out, p.draws());
    writeDoubles(out, p.kl());
    writeDoubles(out, p.exactKl());
    out.writeInt(p.iterations());
    out.writeInt(p.rejectedInRow());
    out.writeInt(p.risesInRow());
    out.writeInt(p.resets());
    out.writeBoolean(p.longDescent());
    out.writeLong(Double.doubleToRawLongBits(p.previousKl()));
    out.writeLong(Double.doubleToRawLongBits(p.previousExact()));
    PublishedProgress.Candidate c = p.candidate();
    out.writeInt(c.point().length);
    Bulk.write(out, c.point(), 0, c.point().length);
    out.writeInt(c.lastRow());
    out.writeBoolean(c.pending());
    writeInts(out, c.exhausted());
  }

  private static PublishedProgress readPublished(DataInputStream in) throws IOException {
    int[] steps = readInts(in);
    int[] draws = readInts(in);
    double[] kl = readDoubles(in, in.readInt());
    double[] exact = readDoubles(in, in.readInt());
    int iterations = in.readInt();
    int rejectedInRow = in.readInt();
    int risesInRow = in.readInt();
    int resets = in.readInt();
    boolean longDescent = in.readBoolean();
    double previousKl = Double.longBitsToDouble(in.readLong());
    double previousExact = Double.longBitsToDouble(in.readLong());
    float[] point = new float[in.readInt()];
    Bulk.read(in, point);
    PublishedProgress.Candidate candidate =
        new PublishedProgress.Candidate(point, in.readInt(), in.readBoolean(), readInts(in));
    return new PublishedProgress(steps, draws, kl, exact, iterations, rejectedInRow, risesInRow, resets,
        longDescent, previousKl, previousExact, candidate);
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    Bulk.write(out, values);
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    Bulk.read(in, values);
    return values;
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
