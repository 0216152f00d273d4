package org.gio.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Selected row indices as text: one 0-based index per line, in selection order. */
public final class IndexFile {
  private IndexFile() {}

  public static void write(Path file, int[] rows) throws IOException {
    write(file, java.util.Arrays.stream(rows).asLongStream().toArray());
  }

  /** Row ids of any size (pools beyond 2³¹ rows). */
  public static void write(Path file, long[] rows) throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          StringBuilder sb = new StringBuilder(rows.length * 7);
          for (long row : rows) {
            sb.append(row).append('\n');
          }
          out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        });
  }
}
