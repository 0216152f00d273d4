package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every reader in one fuzz test, the last input byte choosing which: the short burst of every
 * build runs this one JVM (Jazzer's start-up costs more than the burst itself), while the
 * per-reader tests are fuzzed one per JVM on demand ({@code -Pfuzz}, gio-io/README.md).
 */
class AllReadersFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void readers(FuzzedDataProvider data) throws Exception {
    switch (data.consumeInt(0, 5)) {
      case 0 -> NpyFuzzTest.check(data.consumeRemainingAsBytes());
      case 1 -> VecsFuzzTest.check(data);
      case 2 -> IdxFuzzTest.check(data);
      case 3 -> CsvFuzzTest.check(data);
      case 4 -> JsonlFuzzTest.check(data);
      default -> VocabFuzzTest.check(data);
    }
  }
}
