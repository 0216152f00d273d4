package org.gio.bench.quality;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.gio.io.npy.NpyWriter;

/**
 * Writes a task in {@code shared/quality}'s folder layout (features float32, labels int64, the
 * corrupt mask bool, task.json) so {@code score.py} can score Java's selections on the same data.
 */
final class TaskExport {
  private TaskExport() {}

  static void write(QualityTask task, Path dir) throws IOException {
    Files.createDirectories(dir);
    NpyWriter.write(dir.resolve("pool_pca50.npy"), task.pool());
    NpyWriter.write(dir.resolve("target_pca50.npy"), task.target());
    NpyWriter.write(dir.resolve("test_pca50.npy"), task.test());
    longs(dir.resolve("pool_labels.npy"), task.poolLabels());
    longs(dir.resolve("test_labels.npy"), task.testLabels());
    if (task.corrupt() != null) {
      byte[] b = new byte[task.corrupt().length];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (task.corrupt()[i] ? 1 : 0);
      }
      raw(dir.resolve("pool_corrupt.npy"), "|b1", b.length, b);
    }
    String json = task.targetClasses() == null
        ? "{\"task\": \"" + task.name() + "\"}"
        : "{\"task\": \"" + task.name() + "\", \"target_classes\": ["
            + Arrays.stream(task.targetClasses()).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "]}";
    Files.writeString(dir.resolve("task.json"), json);
  }

  private static void longs(Path file, int[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buf.putLong(v);
    }
    raw(file, "<i8", values.length, buf.array());
  }

  private static void raw(Path file, String descr, int n, byte[] body) throws IOException {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + n + ",), }";
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    head.putShort((short) header.length());
    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[10 + h.length + body.length];
    System.arraycopy(head.array(), 0, all, 0, 10);
    System.arraycopy(h, 0, all, 10, h.length);
    System.arraycopy(body, 0, all, 10 + h.length, body.length);
    Files.write(file, all);
  }
}
