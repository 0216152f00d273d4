package org.gio.io.jsonl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/** Writes vectors as JSON Lines, {@code {"embedding": [..]}} per row. */
public final class JsonlWriter {
  private JsonlWriter() {}

  public static void write(Path file, VectorSet vectors) throws IOException {
    AtomicFiles.write(file, out -> {
      StringBuilder line = new StringBuilder();
      float[] data = vectors.data();
      for (int r = 0; r < vectors.size(); r++) {
        line.setLength(0);
        line.append("{\"").append(JsonlReader.DEFAULT_FIELD).append("\": [");
        for (int c = 0, o = vectors.offset(r); c < vectors.dim(); c++) {
          float v = data[o + c];
          if (c > 0) {
            line.append(", ");
          }
          // JSON has no NaN/Infinity literals; strings keep them readable by our reader.
          if (Float.isFinite(v)) {
            line.append(v);
          } else {
            line.append('"').append(v).append('"');
          }
        }
        line.append("]}\n");
        out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
      }
    });
  }
}
