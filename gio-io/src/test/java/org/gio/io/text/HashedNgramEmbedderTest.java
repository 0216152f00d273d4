package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashedNgramEmbedderTest {
  private static final int D = HashedNgramEmbedder.Options.DEFAULT_DIM;
  private static final List<String> CORPUS = List.of(
      "the cat sat on the mat",
      "a dog barked at the mailman",
      "stochastic gradient descent converges slowly",
      "gradient information optimization selects data",
      "");

  private static HashedNgramEmbedder fit(HashedNgramEmbedder.Options o) {
    return HashedNgramEmbedder.fitOnTexts(o, CORPUS);
  }

  private static float[] row(HashedNgramEmbedder e, String text) {
    return e.embed(List.of(text));
  }

  private static double norm(float[] v, int from, int dim) {
    double s = 0;
    for (int i = from; i < from + dim; i++) {
      s += (double) v[i] * v[i];
    }
    return Math.sqrt(s);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void sameTextsGiveTheSameRowsWhateverTheBatchOrThreads() {
    HashedNgramEmbedder a = fit(HashedNgramEmbedder.Options.defaults());
    HashedNgramEmbedder b = fit(HashedNgramEmbedder.Options.defaults());
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(CORPUS.get(i % CORPUS.size()) + " item " + i);
    }
    float[] batch = a.embed(many); // parallel path
    for (int i = 0; i < many.size(); i += 97) {
      float[] single = b.embed(List.of(many.get(i))); // sequential path, another instance
      assertArrayEquals(single, Arrays.copyOfRange(batch, i * D, (i + 1) * D), "row " + i);
    }
  }

  @Test
  void rowsHaveUnitLengthAndEmptyTextIsAZeroRow() {
    HashedNgramEmbedder e = fit(HashedNgramEmbedder.Options.defaults());
    float[] rows = e.embed(CORPUS);
    for (int r = 0; r < 4; r++) {
      assertEquals(1.0, norm(rows, r * D, D), 1e-5);
    }
    assertEquals(0.0, norm(rows, 4 * D, D));
    assertEquals(0.0, norm(row(e, "  ,;!  "), 0, D), "punctuation only has no words");
  }

  @Test
  void aVeryLongLineStaysFiniteAndUnitLength() {
    HashedNgramEmbedder e = fit(HashedNgramEmbedder.Options.defaults().withCharTrigrams(true));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.append("word").append(i % 5000).append(' ');
    }
    float[] v = row(e, sb.toString());
    for (float x : v) {
      assertTrue(Float.isFinite(x));
    }
    assertEquals(1.0, norm(v, 0, D), 1e-5);
  }

  @Test
  void caseAndUnicodeCompositionDoNotMatter() {
    HashedNgramEmbedder e = fit(HashedNgramEmbedder.Options.defaults().withCharTrigrams(true));
    float[] composed = row(e, "Café crème à Zürich");
    float[] decomposed = row(e, "Cafe\u0301 cre\u0300me a\u0300 Zu\u0308rich");
    float[] upper = row(e, "CAFÉ CRÈME À ZÜRICH");
    assertArrayEquals(composed, decomposed);
    assertArrayEquals(composed, upper);
    assertNotEquals(0.0, norm(row(e, "東京 Ελληνικά русский"), 0, D));
    assertTrue(dot(composed, row(e, "cafe creme a zurich")) < 0.999, "accents are kept");
  }

  @Test
  void similarTextsAreCloserThanUnrelatedOnes() {
    HashedNgramEmbedder e = fit(HashedNgramEmbedder.Options.defaults());
    float[] a = row(e, "gradient descent converges");
    float[] b = row(e, "stochastic gradient descent");
    float[] c = row(e, "the dog barked");
    assertTrue(dot(a, b) > dot(a, c) + 0.2);
  }

  @Test
  void wordsAndBigramsAreTheFeatures() {
    NgramHasher h = new NgramHasher(HashedNgramEmbedder.Options.DEFAULT_SEED, false);
    h.hash("Alpha beta, GAMMA");
    assertEquals(5, h.count(), "3 unigrams + 2 bigrams");
    long[] first = Arrays.copyOf(h.features(), h.count());
    h.hash("alpha BETA gamma");
    assertArrayEquals(first, Arrays.copyOf(h.features(), h.count()));
    NgramHasher t = new NgramHasher(HashedNgramEmbedder.Options.DEFAULT_SEED, true);
    t.hash("abc");
    assertEquals(1 + 3, t.count(), "1 unigram + trigrams of ' abc ': ' ab', 'abc', 'bc '");
    t.hash("é");
    assertEquals(1 + 1, t.count(), "' é ' is one trigram of code points");
  }

  @Test
  void collisionsAreSignedSoTheyDoNotPileUp() {
    // With one column every feature collides: rows are +1, -1 or 0, never NaN.
    HashedNgramEmbedder one = fit(HashedNgramEmbedder.Options.defaults().withDim(1));
    for (String s : CORPUS) {
      float v = row(one, s)[0];
      assertTrue(v == 1f || v == -1f || v == 0f, s + " -> " + v);
    }
    // Find two distinct words that share a column of a 4-column space with opposite signs: a
    // document with both cancels in that column, as signed hashing intends.
    HashedNgramEmbedder four = HashedNgramEmbedder.fitOnTexts(
        HashedNgramEmbedder.Options.defaults().withDim(4), List.of());
    String[] words = new String[64];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + i;
    }
    boolean found = false;
    for (int i = 0; i < words.length && !found; i++) {
      float[] a = row(four, words[i]);
      for (int j = i + 1; j < words.length && !found; j++) {
        float[] b = row(four, words[j]);
        if (opposite(a, b)) {
          // Equal IDF (fitted on nothing), so the two words cancel and only the bigram is left.
          float[] both = row(four, words[i] + " " + words[j]);
          int nonZero = 0;
          for (float x : both) {
            nonZero += x == 0f ? 0 : 1;
          }
          assertEquals(1, nonZero, Arrays.toString(both));
          assertEquals(1.0, norm(both, 0, 4), 1e-6);
          found = true;
        }
      }
    }
    assertTrue(found, "64 words in 4 signed columns must contain an opposite-sign collision");
  }

  private static boolean opposite(float[] a, float[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != -b[i]) {
        return false;
      }
    }
    return true;
  }

  @Test
  void idfDownWeightsCommonWords() {
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      docs.add("common filler text number" + i);
    }
    docs.add("rare");
    HashedNgramEmbedder e = HashedNgramEmbedder.fitOnTexts(HashedNgramEmbedder.Options.defaults(), docs);
    float[] rare = row(e, "rare");
    float[] common = row(e, "common");
    float[] both = row(e, "rare common");
    assertTrue(dot(both, rare) > dot(both, common), "the rare word dominates the mixed row");
  }
}
