package org.gio.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSource;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;

/** .npy header and data: read whole, and memory-mapped chunk by chunk. */
class NpyFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void npy(byte[] bytes) throws Exception {
    check(bytes);
  }

  static void check(byte[] bytes) throws Exception {
    Path file = FuzzFiles.write("f.npy", bytes);
    FuzzFiles.valueOrInputError(() -> NpyReader.read(file));
    FuzzFiles.valueOrInputError(() -> {
      try (VectorSource source = NpySource.open(file)) {
        source.forEachChunk(7, (start, chunk) -> { });
      }
      return null;
    });
  }
}
