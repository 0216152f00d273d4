package org.gio.io;

import java.nio.file.Path;

/**
 * What {@code gio info} prints about an embeddings file.
 *
 * @param dtype the stored element type, e.g. {@code float32}, {@code uint8}, {@code text}
 * @param nan count of NaN values
 * @param infinite count of +/- infinite values
 */
public record FileInfo(
    Path file, EmbeddingFormat format, long rows, int dim, String dtype, long nan, long infinite) {}
