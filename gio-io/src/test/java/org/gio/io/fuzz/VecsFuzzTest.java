package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.io.ReadProgress;
import org.gio.io.vecs.VecsReader;

/** .fvecs, .bvecs and .ivecs (the first byte picks the kind). */
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
  }
}
