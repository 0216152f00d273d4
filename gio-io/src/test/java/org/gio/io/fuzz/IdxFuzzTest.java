package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.gio.io.ReadProgress;
import org.gio.io.idx.IdxReader;

/** IDX (MNIST), plain or gzipped (the first byte picks which). */
class IdxFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void idx(FuzzedDataProvider data) throws Exception {
    check(data);
  }

  static void check(FuzzedDataProvider data) throws Exception {
    boolean gzip = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    if (gzip) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(bytes);
      }
      bytes = gz.toByteArray();
    }
    Path file = FuzzFiles.write(gzip ? "f-idx3-ubyte.gz" : "f-idx3-ubyte", bytes);
    FuzzFiles.valueOrInputError(() -> IdxReader.read(file, ReadProgress.NONE, new String[1]));
  }
}
