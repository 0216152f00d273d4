/**
 * Text to vectors: documents read from line or JSONL files ({@link org.gio.io.text.TextSource}),
 * embedded by a {@link org.gio.io.text.TextEmbedder} — hashed n-grams with TF-IDF by default, or a
 * local ONNX sentence model — in memory or streamed to .npy ({@link
 * org.gio.io.text.TextEmbedding}).
 */
package org.gio.io.text;
