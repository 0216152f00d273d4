package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token ids of the built-in models' tokenizer.json against Hugging Face's own tokenizers library
 * (Rust, through DJL; its native library comes inside the jar and is unpacked under target/), on
 * every line of the shipped corpus plus a few hand-picked non-ASCII strings.
 */
class TokenizerCrossCheckTest {

  static {
    // DJL unpacks its native library here instead of ~/.djl.ai: works offline, stays in target/
    System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    System.setProperty("ENGINE_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    System.setProperty("OFFLINE", "true");
  }

  @Test
  void idsMatchHuggingFaceTokenizersOnTheShippedCorpus() throws IOException {
    Path json = Path.of("target", "all-minilm-l6-v2-tokenizer.json");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
      Files.createDirectories(json.getParent());
      Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
    }
    WordPieceTokenizer ours;
    try (InputStream in = Files.newInputStream(json)) {
      ours = TokenizerJson.read(in, json.toString()).tokenizer();
    }
    List<String> lines = new ArrayList<>(ShippedCorpus.all());
    lines.addAll(List.of(
        "Café naïve façade résumé Ångström Øresund Ελληνικά ΣΟΦΟΣ",
        "東京都 中文分词 한국어 텍스트 日本語のテキスト",
        "Привет, мир! «кавычки» — тире … “quotes” ‘single’",
        "tab\tseparated\u00a0nbsp\u2028line\u200bzero-width\u0007bell\ufeffbom",
        "emoji 🙂👍🏽 and math ∑∫√ and ﬁ ligature and ＦＵＬＬ width",
        "İstanbul ǅ ß ẞ ŉ ΐ",
        "x".repeat(150) + " supercalifragilisticexpialidocious",
        ""));
    Map<String, String> options = Map.of(
        "addSpecialTokens", "true", "truncation", "false", "padding", "false", "maxLength", "100000");
    int nonAscii = 0;
    int mismatches = 0;
    String firstMismatch = null;
    try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(json, options)) {
      for (String line : lines) {
        long[] want = hf.encode(line).getIds();
        int[] got = ours.encode(line, 100000);
        long[] gotLong = Arrays.stream(got).asLongStream().toArray();
        if (!Arrays.equals(want, gotLong)) {
          mismatches++;
          if (firstMismatch == null) {
            firstMismatch = line + "\n hf:  " + Arrays.toString(want) + "\n gio: " + Arrays.toString(gotLong);
          }
        }
        nonAscii += line.chars().anyMatch(c -> c > 127) ? 1 : 0;
      }
    }
    assertTrue(lines.size() > 20000 && nonAscii > 150, lines.size() + " lines, " + nonAscii + " non-ASCII");
    assertEquals(0, mismatches, mismatches + " of " + lines.size() + " lines differ; first: " + firstMismatch);
  }
}
