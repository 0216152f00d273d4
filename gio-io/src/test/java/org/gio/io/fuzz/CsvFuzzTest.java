package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;

/**
 * CSV and TSV, including the reference's {@code id⇥text⇥[v1, …]} layout: the first bytes pick
 * CSV or TSV, the header mode and whether a column is named.
 */
class CsvFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void csv(FuzzedDataProvider data) throws Exception {
    check(data);
  }

  static void check(FuzzedDataProvider data) throws Exception {
    boolean tsv = data.consumeBoolean();
    ReadOptions options = ReadOptions.defaults()
        .withHeader(data.pickValue(ReadOptions.Header.values()));
    if (data.consumeBoolean()) {
      options = options.withColumn(data.consumeString(8));
    }
    Path file = FuzzFiles.write(tsv ? "f.tsv" : "f.csv", data.consumeRemainingAsBytes());
    ReadOptions o = options;
    FuzzFiles.valueOrInputError(() -> Embeddings.read(file, o));
  }
}
