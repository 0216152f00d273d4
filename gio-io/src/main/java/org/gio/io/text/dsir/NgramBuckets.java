package org.gio.io.text.dsir;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DSIR's features (Xie et al. 2023, §3): a document is lower-cased and split into words as NLTK's
 * {@code WordPunctTokenizer} does ({@code \w+|[^\w\s]+}: runs of letters and digits, runs of
 * other non-space characters); every unigram and every bigram (the two words joined by one space)
 * is hashed into one of {@code buckets} by MurmurHash3 (32 bits, seed 0, of its UTF-8 bytes),
 * bucket = hash mod buckets. The paper hashes with Python's salted {@code hash}; a fixed hash makes
 * the features the same on every run.
 */
final class NgramBuckets {
  private static final Pattern WORD = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final HashFunction HASH = Hashing.murmur3_32_fixed(0);

  private final int buckets;

  NgramBuckets(int buckets) {
    this.buckets = buckets;
  }

  int buckets() {
    return buckets;
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Calls {@code sink} with the bucket of each of the document's unigrams and bigrams. */
  void forEach(String text, java.util.function.IntConsumer sink) {
    List<String> w = words(text);
    for (int i = 0; i < w.size(); i++) {
      sink.accept(bucket(w.get(i)));
      if (i + 1 < w.size()) {
        sink.accept(bucket(w.get(i) + " " + w.get(i + 1)));
      }
    }
  }

  int bucket(String ngram) {
    return Math.floorMod(HASH.hashBytes(ngram.getBytes(StandardCharsets.UTF_8)).asInt(), buckets);
  }
}
