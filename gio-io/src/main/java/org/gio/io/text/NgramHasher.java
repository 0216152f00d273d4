package org.gio.io.text;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Extracts the hashed features of one document: lower-cased word unigrams and bigrams, and
 * optionally character trigrams of each word. Not thread-safe: it reuses its buffers, so each
 * thread holds its own.
 *
 * <p>Each feature is a byte string hashed with 128-bit MurmurHash3 (x64, Guava's {@code
 * murmur3_128(seed)}), and the first 64 bits little-endian are kept: a unigram is the word's UTF-8
 * bytes, a bigram is {@code w1 0x20 w2} (a space cannot occur inside a word, so a bigram never
 * equals a unigram), a character trigram is {@code 0x01} followed by three code points of
 * {@code " " + word + " "} (the marker keeps trigrams apart from short words).
 */
final class NgramHasher {
  private static final byte BIGRAM_SEPARATOR = 0x20;
  private static final byte TRIGRAM_MARKER = 0x01;

  private final HashFunction hash;
  private final boolean charTrigrams;

  // UTF-8 bytes of the lower-cased words of the current document, back to back.
  private byte[] words = new byte[256];
  private int[] wordStart = new int[32];
  private int[] wordEnd = new int[32];
  private int wordCount;
  private byte[] scratch = new byte[64];
  private long[] features = new long[64];
  private int featureCount;

  NgramHasher(int seed, boolean charTrigrams) {
    this.hash = Hashing.murmur3_128(seed);
    this.charTrigrams = charTrigrams;
  }

  /** Hashes the features of {@code text}; read them with {@link #features()} and {@link #count()}. */
  void hash(String text) {
    tokenize(text);
    featureCount = 0;
    for (int w = 0; w < wordCount; w++) {
      add(hash.hashBytes(words, wordStart[w], wordEnd[w] - wordStart[w]).asLong());
      if (w + 1 < wordCount) {
        int a = wordEnd[w] - wordStart[w];
        int b = wordEnd[w + 1] - wordStart[w + 1];
        byte[] s = scratch(a + 1 + b);
        System.arraycopy(words, wordStart[w], s, 0, a);
        s[a] = BIGRAM_SEPARATOR;
        System.arraycopy(words, wordStart[w + 1], s, a + 1, b);
        add(hash.hashBytes(s, 0, a + 1 + b).asLong());
      }
      if (charTrigrams) {
        trigrams(wordStart[w], wordEnd[w]);
      }
    }
  }

  long[] features() {
    return features;
  }

  int count() {
    return featureCount;
  }

  private void trigrams(int from, int to) {
    // Padded word " w ": code-point boundaries found by skipping UTF-8 continuation bytes.
    int len = to - from;
    byte[] s = scratch(len + 3);
    s[0] = ' ';
    System.arraycopy(words, from, s, 1, len);
    s[len + 1] = ' ';
    int n = len + 2;
    int[] starts = new int[n + 1];
    int cps = 0;
    for (int i = 0; i < n; i++) {
      if ((s[i] & 0xC0) != 0x80) {
        starts[cps++] = i;
      }
    }
    starts[cps] = n;
    byte[] t = new byte[1 + (n)];
    t[0] = TRIGRAM_MARKER;
    for (int c = 0; c + 3 <= cps; c++) {
      int a = starts[c];
      int b = starts[c + 3];
      System.arraycopy(s, a, t, 1, b - a);
      add(hash.hashBytes(t, 0, 1 + b - a).asLong());
    }
  }

  private void add(long h) {
    if (featureCount == features.length) {
      features = Arrays.copyOf(features, featureCount * 2);
    }
    features[featureCount++] = h;
  }

  private byte[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, scratch.length * 2)];
    }
    return scratch;
  }

  /**
   * Splits NFC-normalised text into words: maximal runs of letters, digits and combining marks,
   * each code point lower-cased with {@link Character#toLowerCase(int)} (locale-independent).
   */
  private void tokenize(String text) {
    String s = needsNormalizing(text) ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
    wordCount = 0;
    int len = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        if (!inWord) {
          startWord(len);
          inWord = true;
        }
        if (len + 4 > words.length) {
          words = Arrays.copyOf(words, words.length * 2);
        }
        len = utf8(Character.toLowerCase(cp), words, len);
      } else if (inWord) {
        wordEnd[wordCount - 1] = len;
        inWord = false;
      }
    }
    if (inWord) {
      wordEnd[wordCount - 1] = len;
    }
  }

  private void startWord(int at) {
    if (wordCount == wordStart.length) {
      wordStart = Arrays.copyOf(wordStart, wordCount * 2);
      wordEnd = Arrays.copyOf(wordEnd, wordCount * 2);
    }
    wordStart[wordCount++] = at;
  }

  /** Text made only of code points below U+0300 is already NFC: nothing there composes. */
  private static boolean needsNormalizing(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x300) {
        return true;
      }
    }
    return false;
  }

  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static int utf8(int cp, byte[] out, int at) {
    if (cp < 0x80) {
      out[at++] = (byte) cp;
    } else if (cp < 0x800) {
      out[at++] = (byte) (0xC0 | (cp >> 6));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out[at++] = (byte) (0xE0 | (cp >> 12));
      out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      out[at++] = (byte) (0xF0 | (cp >> 18));
      out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    }
    return at;
  }
}
