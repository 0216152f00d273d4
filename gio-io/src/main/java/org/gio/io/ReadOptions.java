package org.gio.io;

/**
 * How to read one embeddings file. Every field is optional: by default the format comes from the
 * extension, the vector column or field is found automatically, and CSV headers are detected.
 *
 * @param format the format, or null to take it from the file name
 * @param column CSV/TSV/Parquet: the column holding the vector, by name or 0-based position; null
 *     to detect it (the bracketed column, else every column, in CSV; the only list column in
 *     Parquet)
 * @param field JSONL: the field holding the vector; null to use {@code embedding} or the only
 *     numeric-array field
 * @param header CSV/TSV: whether the first line names the columns
 * @param progress told how far reading has got; never null
 */
public record ReadOptions(
    EmbeddingFormat format, String column, String field, Header header, ReadProgress progress) {

  /** Whether a CSV/TSV file starts with a header line. */
  public enum Header {
    AUTO,
    YES,
    NO
  }

  public ReadOptions {
    header = header == null ? Header.AUTO : header;
    progress = progress == null ? ReadProgress.NONE : progress;
  }

  public static ReadOptions defaults() {
    return new ReadOptions(null, null, null, Header.AUTO, ReadProgress.NONE);
  }

  public ReadOptions withFormat(EmbeddingFormat f) {
    return new ReadOptions(f, column, field, header, progress);
  }

  public ReadOptions withColumn(String c) {
    return new ReadOptions(format, c, field, header, progress);
  }

  public ReadOptions withField(String f) {
    return new ReadOptions(format, column, f, header, progress);
  }

  public ReadOptions withHeader(Header h) {
    return new ReadOptions(format, column, field, h, progress);
  }

  public ReadOptions withProgress(ReadProgress p) {
    return new ReadOptions(format, column, field, header, p);
  }

  /** The format to use for {@code file}: the one given, else the extension's. */
  public EmbeddingFormat formatFor(java.nio.file.Path file) {
    return format != null ? format : EmbeddingFormat.of(file);
  }
}
