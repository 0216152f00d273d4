package org.gio.io.csv;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;

/**
 * Writes vectors as a plain numeric CSV or TSV without a header (what {@code numpy.loadtxt}
 * reads), each value in the shortest text that reads back to the same float.
 */
public final class CsvWriter {
  private CsvWriter() {}

  public static void write(Path file, VectorSet vectors, boolean tsv) throws IOException {
    char sep = tsv ? '\t' : ',';
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
      StringBuilder line = new StringBuilder();
      float[] data = vectors.data();
      for (int r = 0; r < vectors.size(); r++) {
        line.setLength(0);
        for (int c = 0, o = vectors.offset(r); c < vectors.dim(); c++) {
          if (c > 0) {
            line.append(sep);
          }
          line.append(data[o + c]);
        }
        w.write(line.append('\n').toString());
      }
      w.flush();
    });
  }
}
