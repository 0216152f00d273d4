package org.gio.io.text;

import java.util.List;

/**
 * Turns documents into float32 rows of one fixed dimension. Implementations are deterministic: the
 * same texts give the same rows, whatever the batch size or thread count, so selections can be
 * reproduced.
 */
public interface TextEmbedder extends AutoCloseable {

  /** Columns of every row. */
  int dim();

  /** Rows for {@code texts}, row-major: {@code texts.size() × dim()} values. */
  float[] embed(List<String> texts);

  /** One line for logs and reports, e.g. {@code hashed n-grams (dim 512, unigrams+bigrams)}. */
  String describe();

  /** Documents cut to the model's maximum length so far (0 for embedders without one). */
  default long truncated() {
    return 0;
  }

  /** Frees native resources (ONNX sessions); a no-op for pure-Java embedders. */
  @Override
  default void close() {}
}
