package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built-in all-MiniLM-L6-v2 models, fp32 and int8, loaded from the class path. */
class BuiltInModelTest {

  private static double dot(float[] rows, int a, int b, int d) {
    double s = 0;
    for (int c = 0; c < d; c++) {
      s += rows[a * d + c] * rows[b * d + c];
    }
    return s;
  }

  @ParameterizedTest
  @EnumSource(BuiltInModel.class)
  void paraphrasesAreCloserThanUnrelatedSentencesAndRowsHaveUnitLength(BuiltInModel m)
      throws IOException {
    List<String> texts = List.of(
        "A man is playing the guitar on stage.",
        "Someone performs a song with a guitar in front of an audience.",
        "The compiler rejects programs with type errors.",
        "Fix a crash when the configuration file is missing.",
        "Do not crash if there is no config file.");
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults())) {
      assertEquals(384, e.dim());
      float[] rows = e.embed(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(1.0, dot(rows, i, i, 384), 1e-5, "unit length of row " + i);
      }
      assertTrue(dot(rows, 0, 1, 384) > dot(rows, 0, 2, 384) + 0.2);
      assertTrue(dot(rows, 0, 1, 384) > dot(rows, 0, 3, 384) + 0.2);
      assertTrue(dot(rows, 3, 4, 384) > dot(rows, 3, 2, 384) + 0.2);
      assertTrue(dot(rows, 3, 4, 384) > dot(rows, 3, 0, 384) + 0.2);
      assertTrue(e.describe().startsWith(m.id() + " (all-MiniLM-L6-v2"), e.describe());
      assertEquals(0, e.truncated());
    }
  }

  @ParameterizedTest
  @EnumSource(BuiltInModel.class)
  void oneAndTwoThreadsGiveTheSameBytes(BuiltInModel m) throws IOException {
    List<String> texts = ShippedCorpus.changelog().subList(0, 40); // short lines: the test is about threads
    float[] one;
    float[] two;
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults().withThreads(1))) {
      one = e.embed(texts);
    }
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults().withThreads(2))) {
      two = e.embed(texts);
      assertArrayEquals(one, e.embed(texts), "a second call on the same texts");
    }
    assertArrayEquals(one, two);
  }

  @ParameterizedTest
  @EnumSource(BuiltInModel.class)
  void aLineOverTheMaximumLengthIsTruncatedToTheSameVectorAsItsFirstPieces(BuiltInModel m)
      throws IOException {
    String word = "alpha beta gamma delta ";
    String longLine = word.repeat(100); // 400 pieces
    String cut = word.repeat(BuiltInModel.MAX_LENGTH / 4 - 1).strip() + " alpha beta"; // 254 pieces
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults())) {
      assertEquals(BuiltInModel.MAX_LENGTH - 2, e.tokenizer().encode(cut, 1000).length - 2);
      float[] a = e.embed(List.of(longLine));
      assertEquals(1, e.truncated());
      float[] b = e.embed(List.of(cut));
      assertEquals(1, e.truncated());
      assertArrayEquals(a, b, 1e-6f);
    }
  }
}
