package org.gio.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gio.io.text.TextSource;
import org.gio.io.text.WordPieceTokenizer;

/**
 * The text side: a WordPiece vocab.txt (loaded, then used on fuzzed text), and text files read
 * as lines or as JSONL documents.
 */
class VocabFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void vocab(FuzzedDataProvider data) throws Exception {
    check(data);
  }

  static void check(FuzzedDataProvider data) throws Exception {
    String text = data.consumeString(64);
    int maxLength = data.consumeInt(0, 64);
    boolean jsonl = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    Path vocab = FuzzFiles.write("vocab.txt", bytes);
    FuzzFiles.valueOrInputError(() -> WordPieceTokenizer.load(vocab, true).encode(text, maxLength));
    Path docs = FuzzFiles.write(jsonl ? "docs.jsonl" : "docs.txt", bytes);
    FuzzFiles.valueOrInputError(() -> TextSource.of(docs, null).forEach(record -> { }));
  }
}
