package org.gio.io;

import java.nio.file.Path;
import java.util.Locale;
import org.gio.core.GioInputException;

/** The file formats gio reads embeddings from, named as {@code --format} spells them. */
public enum EmbeddingFormat {
  NPY("npy", true),
  FVECS("fvecs", true),
  BVECS("bvecs", false),
  IVECS("ivecs", false),
  CSV("csv", true),
  TSV("tsv", true),
  JSONL("jsonl", true),
  IDX("idx", false),
  PARQUET("parquet", true);

  private final String id;
  private final boolean writable;

  EmbeddingFormat(String id, boolean writable) {
    this.id = id;
    this.writable = writable;
  }

  /** The lower-case name used by {@code --format} and in messages. */
  public String id() {
    return id;
  }

  /** Whether gio can write float vectors in this format. */
  public boolean writable() {
    return writable;
  }

  /** True for formats whose rows carry more than the vector (ids, text, other columns). */
  public boolean hasRecords() {
    return this == CSV || this == TSV || this == JSONL || this == PARQUET;
  }

  /** Parses a {@code --format} value. */
  public static EmbeddingFormat parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (EmbeddingFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    if (n.equals("ndjson") || n.equals("json")) {
      return JSONL;
    }
    throw new GioInputException(
        "unknown format '" + name + "'; use one of npy, fvecs, bvecs, ivecs, csv, tsv, jsonl, idx, parquet");
  }

  /**
   * The format a file name implies ({@code .gz} is looked through), or a failure telling the user to
   * pass {@code --format}.
   */
  public static EmbeddingFormat of(Path file) {
    EmbeddingFormat f = guess(file);
    if (f == null) {
      throw new GioInputException(
          file + ": cannot tell the format from the file name; add --format (npy, fvecs, bvecs, "
              + "ivecs, csv, tsv, jsonl, idx, parquet)");
    }
    return f;
  }

  /** The format a file name implies, or null. */
  public static EmbeddingFormat guess(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return null;
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    // MNIST's own names: train-images-idx3-ubyte, t10k-images.idx3-ubyte, ...
    if (n.endsWith(".idx") || n.matches(".*[-.]idx\\d-u?byte") || n.matches(".*\\.idx\\d")) {
      return IDX;
    }
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1);
    switch (ext) {
      case "npy":
        return NPY;
      case "fvecs":
        return FVECS;
      case "bvecs":
        return BVECS;
      case "ivecs":
        return IVECS;
      case "csv":
        return CSV;
      case "tsv":
      case "tab":
        return TSV;
      case "jsonl":
      case "ndjson":
        return JSONL;
      case "parquet":
      case "pq":
        return PARQUET;
      default:
        return null;
    }
  }
}
