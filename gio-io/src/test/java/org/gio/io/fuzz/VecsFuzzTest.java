package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.io.ReadProgress;
import org.gio.io.vecs.VecsReader;
import org.gio.io.vecs.VecsSource;

/**
 * .fvecs, .bvecs and .ivecs (the first byte picks the kind): read whole, and streamed chunk by chunk
 * (with the finite check, and a gather of the first and last rows).
 */
class VecsFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void vecs(FuzzedDataProvider data) throws Exception {
    check(data);
  }

  static void check(FuzzedDataProvider data) throws Exception {
    VecsReader.Kind kind = data.pickValue(VecsReader.Kind.values());
    Path file = FuzzFiles.write("f." + kind.name().toLowerCase(java.util.Locale.ROOT),
        data.consumeRemainingAsBytes());
    FuzzFiles.valueOrInputError(() -> VecsReader.read(file, kind, ReadProgress.NONE));
    FuzzFiles.valueOrInputError(() -> {
      try (VecsSource source = VecsSource.openFinite(file, kind)) {
        source.forEachChunk(7, (start, chunk) -> { });
        if (source.rows() > 0) {
          source.gather(source.rows() == 1 ? new long[] {0} : new long[] {0, source.rows() - 1});
        }
      }
      return null;
    });
  }
}
