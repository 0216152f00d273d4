package org.gio.io;

import java.io.IOException;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.csv.CsvReader;
import org.gio.io.csv.CsvWriter;
import org.gio.io.idx.IdxReader;
import org.gio.io.jsonl.JsonlReader;
import org.gio.io.jsonl.JsonlWriter;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;
import org.gio.io.npy.NpyWriter;
import org.gio.io.parquet.ParquetVectors;
import org.gio.io.vecs.FvecsWriter;
import org.gio.io.vecs.VecsReader;
import org.gio.io.vecs.VecsSource;

/**
 * The entry point of gio-io: read embeddings in any supported format, stream large .npy files,
 * describe a file, write vectors. Failures on bad input are {@link GioInputException}s whose one
 * line names the file, the position when known, and the fix.
 */
public final class Embeddings {
  private Embeddings() {}

  /** Reads every row of {@code file} into memory. */
  public static EmbeddingTable read(Path file, ReadOptions options) {
    EmbeddingFormat format = options.formatFor(file);
    rejectGzip(file, format);
    switch (format) {
      case NPY:
        return new EmbeddingTable(file, format, NpyReader.dtype(file),
            NpyReader.read(file, options.progress()), null);
      case FVECS:
        return vecs(file, format, VecsReader.Kind.FVECS, options);
      case BVECS:
        return vecs(file, format, VecsReader.Kind.BVECS, options);
      case IVECS:
        return vecs(file, format, VecsReader.Kind.IVECS, options);
      case CSV:
        return CsvReader.read(file, false, options);
      case TSV:
        return CsvReader.read(file, true, options);
      case JSONL:
        return JsonlReader.read(file, options);
      case IDX: {
        String[] dtype = {"uint8"};
        VectorSet v = IdxReader.read(file, options.progress(), dtype);
        return new EmbeddingTable(file, format, dtype[0] + (dtype[0].equals("uint8")
            ? " (scaled to [0, 1])" : ""), v, null);
      }
      case PARQUET:
        return ParquetVectors.read(file, options);
      default:
        throw new AssertionError(format);
    }
  }

  /** Binary formats are read by random access (mapped, or by DuckDB), which gzip does not allow. */
  private static void rejectGzip(Path file, EmbeddingFormat format) {
    boolean gz = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT)
        .endsWith(".gz");
    if (gz && (format == EmbeddingFormat.NPY || format == EmbeddingFormat.FVECS
        || format == EmbeddingFormat.BVECS || format == EmbeddingFormat.IVECS
        || format == EmbeddingFormat.PARQUET)) {
      throw new GioInputException(file + ": gzip-compressed " + format.id() + " is not supported "
          + "(the file is read by random access); gunzip it first");
    }
  }

  /** Reads {@code file} with the default options. */
  public static VectorSet read(Path file) {
    return read(file, ReadOptions.defaults()).vectors();
  }

  private static EmbeddingTable vecs(
      Path file, EmbeddingFormat format, VecsReader.Kind kind, ReadOptions options) {
    return new EmbeddingTable(file, format, kind.dtype(),
        VecsReader.read(file, kind, options.progress()), null);
  }

  /**
   * The rows of {@code file} in chunks. A .npy file and the vecs formats are streamed (read ahead
   * into two reused buffers, see {@link NpySource} and {@link VecsSource}) and never loaded whole;
   * other formats are read into memory first (they are rarely larger than the heap, and
   * row-oriented text cannot be sliced without a full pass anyway).
   */
  public static VectorSource source(Path file, ReadOptions options) {
    EmbeddingFormat format = options.formatFor(file);
    if (streams(format)) {
      rejectGzip(file, format);
      return switch (format) {
        case NPY -> NpySource.open(file);
        case FVECS -> VecsSource.open(file, VecsReader.Kind.FVECS);
        case BVECS -> VecsSource.open(file, VecsReader.Kind.BVECS);
        default -> VecsSource.open(file, VecsReader.Kind.IVECS);
      };
    }
    return VectorSource.of(read(file, options).vectors());
  }

  /** Whether {@link #source} streams files of this format (positioned reads, never loaded whole). */
  public static boolean streams(EmbeddingFormat format) {
    return format == EmbeddingFormat.NPY || format == EmbeddingFormat.FVECS
        || format == EmbeddingFormat.BVECS || format == EmbeddingFormat.IVECS;
  }

  /** The element type of a source {@link #source} streams ({@code float32}, {@code uint8}, ...). */
  public static String dtype(VectorSource streamed) {
    if (streamed instanceof NpySource npy) {
      return npy.dtype();
    }
    if (streamed instanceof VecsSource vecs) {
      return vecs.dtype();
    }
    throw new IllegalArgumentException("not a streamed source: " + streamed);
  }

  /** Rows, dimension, element type and non-finite counts, for {@code gio info}. */
  public static FileInfo info(Path file, ReadOptions options) {
    EmbeddingFormat format = options.formatFor(file);
    rejectGzip(file, format);
    long[] nan = {0};
    long[] inf = {0};
    String dtype;
    long rows;
    int dim;
    try (VectorSource source = streams(format) ? source(file, options) : null) {
      VectorSource s = source;
      if (s == null) {
        EmbeddingTable t = read(file, options);
        dtype = t.dtype();
        s = VectorSource.of(t.vectors());
      } else {
        dtype = dtype(source);
      }
      rows = s.rows();
      dim = s.dim();
      s.forEachChunk(1 << 16, (first, chunk) -> {
        for (float v : chunk.data()) {
          if (Float.isNaN(v)) {
            nan[0]++;
          } else if (Float.isInfinite(v)) {
            inf[0]++;
          }
        }
      });
    }
    return new FileInfo(file, format, rows, dim, dtype, nan[0], inf[0]);
  }

  /**
   * Writes vectors atomically in {@code format}, or in the format {@code file}'s extension names
   * when null (.npy when it names none).
   */
  public static void write(Path file, VectorSet vectors, EmbeddingFormat format)
      throws IOException {
    EmbeddingFormat f = format != null ? format : EmbeddingFormat.guess(file);
    if (f == null) {
      f = EmbeddingFormat.NPY;
    }
    switch (f) {
      case NPY:
        NpyWriter.write(file, vectors);
        break;
      case FVECS:
        FvecsWriter.write(file, vectors);
        break;
      case CSV:
        CsvWriter.write(file, vectors, false);
        break;
      case TSV:
        CsvWriter.write(file, vectors, true);
        break;
      case JSONL:
        JsonlWriter.write(file, vectors);
        break;
      case PARQUET:
        ParquetVectors.write(file, vectors);
        break;
      default:
        throw new GioInputException(file + ": gio cannot write " + f.id() + " files; use .npy, "
            + ".fvecs, .csv, .tsv, .jsonl or .parquet");
    }
  }
}
