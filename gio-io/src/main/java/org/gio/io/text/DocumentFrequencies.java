package org.gio.io.text;

/**
 * Document frequencies of hashed features, counted in a table of {@value #BUCKETS} buckets keyed by
 * the low 20 bits of each feature's hash. The table is far finer than the embedding dimension, so
 * a rare word keeps a high IDF even when it shares an output column with a common one; and it is a
 * fixed 4 MiB whatever the corpus size, so fitting streams.
 */
final class DocumentFrequencies {
  static final int BITS = 20;
  static final int BUCKETS = 1 << BITS;
  private static final int MASK = BUCKETS - 1;

  private final int[] df = new int[BUCKETS];
  // Which document last counted each bucket: counts each bucket once per document in O(features).
  private final int[] seenIn = new int[BUCKETS];
  private int documents;

  static int bucket(long hash) {
    return (int) hash & MASK;
  }

  void observe(long[] features, int count) {
    int doc = ++documents; // starts at 1, so the zeroed seenIn marks nothing as seen
    for (int i = 0; i < count; i++) {
      int b = bucket(features[i]);
      if (seenIn[b] != doc) {
        seenIn[b] = doc;
        df[b]++;
      }
    }
  }

  int documents() {
    return documents;
  }

  /** Smoothed IDF per bucket, as scikit-learn's default: ln((1 + N) / (1 + df)) + 1. */
  float[] idf() {
    float[] idf = new float[BUCKETS];
    double n1 = 1.0 + documents;
    for (int b = 0; b < BUCKETS; b++) {
      idf[b] = (float) (Math.log(n1 / (1.0 + df[b])) + 1.0);
    }
    return idf;
  }
}
