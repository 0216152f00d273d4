package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gio.core.GioInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tiny BERT-shaped model built by {@code text/tiny-bert/make_tiny_bert.py} (torch export,
 * committed): token ids written by hand from BERT's rules, embeddings computed by torch.
 */
class OnnxSentenceEmbedderTest {
  private static Path model;
  private static JsonNode expected;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    model = Path.of(OnnxSentenceEmbedderTest.class.getResource("/text/tiny-bert/model.onnx").toURI()).getParent();
    expected = new ObjectMapper().readTree(model.resolve("expected.json").toFile());
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  private static float[] floats(JsonNode array) {
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) array.get(i).asDouble();
    }
    return out;
  }

  @Test
  void manyBatchesOfMixedLengthsOnSeveralThreadsGiveEachRowItsOwnVector() throws IOException {
    // 1 to 30 pieces: batches are cut by row count and by length, and run in parallel.
    String[] words = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "gio", "selects"};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < (i * 7) % 29; w++) {
        line.append(words[(i + w * 3) % words.length]).append(' ');
      }
      texts.add(line.toString());
    }
    float[] one;
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(model,
        OnnxSentenceEmbedder.Options.defaults().withBatchSize(8).withThreads(1))) {
      one = e.embed(texts);
      int d = e.dim();
      for (int i = 0; i < texts.size(); i += 37) {
        float[] alone = e.embed(List.of(texts.get(i)));
        assertArrayEquals(alone, java.util.Arrays.copyOfRange(one, i * d, (i + 1) * d), 1e-6f,
            "row " + i + " in a batch and alone");
      }
    }
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(model,
        OnnxSentenceEmbedder.Options.defaults().withBatchSize(8).withThreads(3))) {
      assertArrayEquals(one, e.embed(texts), "1 and 3 threads");
    }
  }

  @Test
  void tokenizesKnownStringsToTheExpectedIds() throws IOException {
    WordPieceTokenizer t = WordPieceTokenizer.load(model.resolve("vocab.txt"), true);
    for (JsonNode c : expected.get("cases")) {
      assertArrayEquals(ints(c.get("ids")), t.encode(c.get("text").asText(), 512), c.get("text").asText());
    }
  }

  @Test
  void truncatesToTheMaximumLengthKeepingClsAndSep() throws IOException {
    WordPieceTokenizer t = WordPieceTokenizer.load(model.resolve("vocab.txt"), true);
    assertArrayEquals(new int[] {2, 5, 6, 3}, t.encode("the quick brown fox", 4));
    assertArrayEquals(new int[] {2, 15, 16, 3}, t.encode("unaffable", 4), "cuts between pieces");
    assertArrayEquals(new int[] {2, 3}, t.encode("the quick", 2));
  }

  @Test
  void embedsLikeSentenceTransformersMeanPoolingAndNormalisation() throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode c : expected.get("cases")) {
      texts.add(c.get("text").asText());
    }
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(model, OnnxSentenceEmbedder.Options.defaults().withBatchSize(3))) {
      assertEquals(expected.get("hidden").asInt(), e.dim());
      assertEquals(32, e.maxLength());
      // One call, batches of 3 with padding: the mask must keep padding out of the mean.
      float[] rows = e.embed(texts);
      int d = e.dim();
      int i = 0;
      for (JsonNode c : expected.get("cases")) {
        float[] want = floats(c.get("embedding"));
        float[] got = java.util.Arrays.copyOfRange(rows, i * d, (i + 1) * d);
        double norm = 0;
        for (int k = 0; k < d; k++) {
          assertEquals(want[k], got[k], 2e-5, c.get("text").asText() + " column " + k);
          norm += got[k] * got[k];
        }
        assertEquals(1.0, norm, 1e-5);
        i++;
      }
      // Alone, without padding, a text gets the same row.
      float[] alone = e.embed(List.of(texts.get(1)));
      assertArrayEquals(java.util.Arrays.copyOfRange(rows, d, 2 * d), alone, 2e-6f);
    }
  }

  @Test
  void aMissingModelFolderNamesTheExpectedFiles(@TempDir Path dir) throws IOException {
    GioInputException e = assertThrows(GioInputException.class,
        () -> OnnxSentenceEmbedder.open(dir.resolve("no-such-model")));
    assertTrue(e.getMessage().contains("model.onnx and tokenizer.json or vocab.txt"), e.getMessage());
    Files.copy(model.resolve("model.onnx"), dir.resolve("model.onnx"));
    e = assertThrows(GioInputException.class, () -> OnnxSentenceEmbedder.open(dir));
    assertTrue(e.getMessage().contains("no tokenizer.json or vocab.txt"), e.getMessage());
    Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
    Files.writeString(dir.resolve("model.onnx"), "not a model");
    e = assertThrows(GioInputException.class, () -> OnnxSentenceEmbedder.open(dir));
    assertTrue(e.getMessage().contains("ONNX Runtime cannot load it"), e.getMessage());
  }

  @Test
  void aFolderWithoutTheModelFileSaysSo(@TempDir Path dir) throws IOException {
    Files.copy(model.resolve("vocab.txt"), dir.resolve("vocab.txt"));
    GioInputException e = assertThrows(GioInputException.class, () -> OnnxSentenceEmbedder.open(dir));
    assertTrue(e.getMessage().contains("no model.onnx"), e.getMessage());
  }

  @Test
  void aModelWithOtherInputNamesIsRefusedNamingThem(@TempDir Path dir) throws IOException {
    // The same graph with its input renamed (same length, so the protobuf stays valid).
    byte[] bytes = Files.readAllBytes(model.resolve("model.onnx"));
    byte[] from = "input_ids".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] to = "token_idx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int replaced = 0;
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
        replaced++;
      }
    }
    assertTrue(replaced > 0);
    Files.write(dir.resolve("model.onnx"), bytes);
    Files.copy(model.resolve("vocab.txt"), dir.resolve("vocab.txt"));
    GioInputException e = assertThrows(GioInputException.class, () -> OnnxSentenceEmbedder.open(dir));
    assertTrue(e.getMessage().contains("expected inputs input_ids and attention_mask"), e.getMessage());
    assertTrue(e.getMessage().contains("token_idx"), e.getMessage());
  }

  @Test
  void aLineOverTheMaximumLengthIsTruncatedAndCounted() throws IOException {
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(model)) {
      String longLine = "the quick brown fox ".repeat(40); // 160 words, max length 32
      float[] rows = e.embed(List.of("the quick brown fox", longLine, "the fox"));
      assertEquals(1, e.truncated());
      assertEquals(3 * e.dim(), rows.length);
      e.embed(List.of(longLine, longLine));
      assertEquals(3, e.truncated());
    }
  }

  @Test
  void aTokenizerJsonInTheFolderIsReadInsteadOfVocabTxt(@TempDir Path dir) throws IOException {
    Files.copy(model.resolve("model.onnx"), dir.resolve("model.onnx"));
    Files.copy(model.resolve("sentence_bert_config.json"), dir.resolve("sentence_bert_config.json"));
    List<String> vocab = Files.readAllLines(model.resolve("vocab.txt"));
    StringBuilder json = new StringBuilder("{\"normalizer\": {\"type\": \"BertNormalizer\","
        + " \"clean_text\": true, \"handle_chinese_chars\": true, \"strip_accents\": null,"
        + " \"lowercase\": true}, \"model\": {\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\","
        + " \"continuing_subword_prefix\": \"##\", \"max_input_chars_per_word\": 100, \"vocab\": {");
    for (int i = 0; i < vocab.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(new ObjectMapper().writeValueAsString(vocab.get(i).strip()))
          .append(": ").append(i);
    }
    Files.writeString(dir.resolve("tokenizer.json"), json.append("}}}").toString());
    try (OnnxSentenceEmbedder fromJson = OnnxSentenceEmbedder.open(dir);
        OnnxSentenceEmbedder fromVocab = OnnxSentenceEmbedder.open(model)) {
      for (JsonNode c : expected.get("cases")) {
        assertArrayEquals(ints(c.get("ids")), fromJson.tokenizer().encode(c.get("text").asText(), 512));
      }
      List<String> texts = List.of("the quick brown fox", "unaffable");
      assertArrayEquals(fromVocab.embed(texts), fromJson.embed(texts));
    }
  }

  @Test
  void aTokenizerJsonOfAnotherKindIsRefused() {
    GioInputException e = assertThrows(GioInputException.class, () -> TokenizerJson.read(
        new java.io.ByteArrayInputStream("{\"model\": {\"type\": \"BPE\"}}".getBytes()), "t.json"));
    assertTrue(e.getMessage().startsWith("t.json: tokenizer model is 'BPE'"), e.getMessage());
    e = assertThrows(GioInputException.class, () -> TokenizerJson.read(
        new java.io.ByteArrayInputStream("{\"model\": ".getBytes()), "t.json"));
    assertTrue(e.getMessage().startsWith("t.json: not valid JSON"), e.getMessage());
  }
}
