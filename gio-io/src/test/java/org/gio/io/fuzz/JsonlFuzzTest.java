package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;

/** JSON Lines, with the vector field detected or named. */
class JsonlFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void jsonl(FuzzedDataProvider data) throws Exception {
    check(data);
  }

  static void check(FuzzedDataProvider data) throws Exception {
    ReadOptions options = data.consumeBoolean()
        ? ReadOptions.defaults().withField(data.consumeString(8)) : ReadOptions.defaults();
    Path file = FuzzFiles.write("f.jsonl", data.consumeRemainingAsBytes());
    FuzzFiles.valueOrInputError(() -> Embeddings.read(file, options));
  }
}
