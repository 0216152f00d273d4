package org.gio.cli;

import org.gio.io.EmbeddingFormat;
import org.gio.io.ReadOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * How input files are read: format override, vector column or field, CSV header. A picocli mixin
 * shared by every command that reads embeddings; the format otherwise comes from each file's
 * extension.
 */
final class InputOptions {
  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "Input format for every input, instead of the extension's: npy, fvecs, bvecs, ivecs, csv, tsv, jsonl, idx, parquet.")
  EmbeddingFormat format;

  @Option(names = "--column", paramLabel = "NAME|POS",
      description = "CSV/TSV/Parquet: the column holding the vector, by header name or 0-based position (default: the bracketed column in CSV, else every column; the list column in Parquet).")
  String column;

  @Option(names = "--field", paramLabel = "NAME",
      description = "JSONL: the field holding the vector (default: embedding, or the only array-of-numbers field).")
  String field;

  @Option(names = "--header", paramLabel = "auto|yes|no",
      description = "CSV/TSV: whether the first line names the columns (default: ${DEFAULT-VALUE}, guessed).")
  ReadOptions.Header header = ReadOptions.Header.AUTO;

  ReadOptions toReadOptions() {
    return new ReadOptions(format, column, field, header, null);
  }

  static final class FormatConverter implements ITypeConverter<EmbeddingFormat> {
    @Override
    public EmbeddingFormat convert(String value) {
      return Converters.parse(value, EmbeddingFormat::parse);
    }
  }
}
