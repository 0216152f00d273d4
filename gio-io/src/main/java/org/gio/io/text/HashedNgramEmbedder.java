package org.gio.io.text;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The default embedder, needing no model: signed feature hashing of word unigrams and bigrams (and
 * optionally character trigrams) into {@code dim} columns, weighted by TF-IDF, rows scaled to unit
 * length. For a document with feature multiset F:
 *
 * <pre>
 *   h        = MurmurHash3_x64_128(seed, bytes(f)), first 64 bits      (see NgramHasher)
 *   column   = ((h >>> 32) & 0x7fffffff) mod dim
 *   sign     = h < 0 ? −1 : +1
 *   row[column] += sign · idf[h & 0xfffff]        for each occurrence of f in F (raw term count)
 *   idf[b]   = ln((1 + N) / (1 + df[b])) + 1      N documents fitted on, df over 2^20 buckets
 *   row      = row / ‖row‖₂                       (an empty document stays all zero)
 * </pre>
 *
 * The sign makes colliding features cancel on average instead of piling up (Weinberger et al.
 * 2009), so inner products stay unbiased. Fit on pool and target together so both are weighted
 * alike. Deterministic on any machine and thread count.
 */
public final class HashedNgramEmbedder implements TextEmbedder {

  /** Options of the hashed embedder. */
  public record Options(int dim, boolean charTrigrams, int seed) {
    /** Chosen on the text benchmark (gio-bench/docs/text.md): twice 512's precision, for 1.7x GIO time. */
    public static final int DEFAULT_DIM = 1024;

    /** "gio" in ASCII: any fixed value works; it is fixed so vectors agree across runs. */
    public static final int DEFAULT_SEED = 0x67696f;

    public Options {
      if (dim <= 0) {
        throw new IllegalArgumentException("--dim must be positive, was " + dim);
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_DIM, false, DEFAULT_SEED);
    }

    public Options withDim(int d) {
      return new Options(d, charTrigrams, seed);
    }

    public Options withCharTrigrams(boolean on) {
      return new Options(dim, on, seed);
    }
  }

  private static final int PARALLEL_THRESHOLD = 256;

  private final Options options;
  private final float[] idf;
  private final long fittedDocuments;
  private final ThreadLocal<NgramHasher> hashers;

  private HashedNgramEmbedder(Options options, DocumentFrequencies df) {
    this.options = options;
    this.idf = df.idf();
    this.fittedDocuments = df.documents();
    this.hashers = ThreadLocal.withInitial(() -> new NgramHasher(options.seed(), options.charTrigrams()));
  }

  /** Fits the IDF weights on every document of {@code sources}, streaming each file once. */
  public static HashedNgramEmbedder fit(Options options, List<TextSource> sources) throws IOException {
    DocumentFrequencies df = new DocumentFrequencies();
    NgramHasher hasher = new NgramHasher(options.seed(), options.charTrigrams());
    for (TextSource source : sources) {
      source.forEach(
          r -> {
            hasher.hash(r.text());
            df.observe(hasher.features(), hasher.count());
          });
    }
    return new HashedNgramEmbedder(options, df);
  }

  /** Fits the IDF weights on in-memory documents. */
  public static HashedNgramEmbedder fitOnTexts(Options options, Iterable<String> texts) {
    DocumentFrequencies df = new DocumentFrequencies();
    NgramHasher hasher = new NgramHasher(options.seed(), options.charTrigrams());
    for (String text : texts) {
      hasher.hash(text);
      df.observe(hasher.features(), hasher.count());
    }
    return new HashedNgramEmbedder(options, df);
  }

  /** Documents the IDF weights were fitted on. */
  public long fittedDocuments() {
    return fittedDocuments;
  }

  public Options options() {
    return options;
  }

  @Override
  public int dim() {
    return options.dim();
  }

  @Override
  public float[] embed(List<String> texts) {
    int d = options.dim();
    float[] out = new float[texts.size() * d];
    IntStream rows = IntStream.range(0, texts.size());
    // Rows are independent, so threads change nothing but speed.
    (texts.size() >= PARALLEL_THRESHOLD ? rows.parallel() : rows)
        .forEach(i -> embedRow(texts.get(i), out, i * d));
    return out;
  }

  private void embedRow(String text, float[] out, int offset) {
    NgramHasher hasher = hashers.get();
    hasher.hash(text);
    long[] f = hasher.features();
    int d = options.dim();
    for (int i = 0, n = hasher.count(); i < n; i++) {
      long h = f[i];
      int column = (int) (((h >>> 32) & 0x7fffffffL) % d);
      float w = idf[DocumentFrequencies.bucket(h)];
      out[offset + column] += h < 0 ? -w : w;
    }
    double norm = 0;
    for (int c = 0; c < d; c++) {
      norm += (double) out[offset + c] * out[offset + c];
    }
    if (norm > 0) {
      float inv = (float) (1.0 / Math.sqrt(norm));
      for (int c = 0; c < d; c++) {
        out[offset + c] *= inv;
      }
    }
  }

  @Override
  public String describe() {
    return "hashed n-grams (dim " + options.dim() + ", word unigrams+bigrams"
        + (options.charTrigrams() ? "+char trigrams" : "") + ", TF-IDF, seed " + options.seed() + ")";
  }
}
