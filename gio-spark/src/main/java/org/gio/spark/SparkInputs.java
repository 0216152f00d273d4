package org.gio.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.GioInputException;

/**
 * Reads a pool or target with Spark's own readers: Parquet or JSON Lines, a file or a folder of part
 * files, the format from the extension (of the file, or of the folder's files) unless given.
 */
final class SparkInputs {
  private SparkInputs() {}

  static Dataset<Row> read(SparkSession spark, String what, String path, String format) {
    String f = format != null ? format.toLowerCase(Locale.ROOT) : formatOf(what, path);
    return switch (f) {
      case "parquet" -> spark.read().parquet(path);
      case "jsonl", "json" -> spark.read().json(path);
      default -> throw new GioInputException(what + ": unknown format '" + f + "'; use parquet or jsonl");
    };
  }

  /** The format of a local path from its extension; for other file systems give --format. */
  static String formatOf(String what, String path) {
    Path p = Path.of(path.startsWith("file:") ? path.substring(5) : path);
    if (path.contains("://") && !path.startsWith("file:")) {
      return extension(path).orElseThrow(() -> new GioInputException(
          what + ": " + path + " has no .parquet or .jsonl extension; give --format"));
    }
    if (!Files.exists(p)) {
      throw new GioInputException(what + ": " + path + ": no such file or folder");
    }
    if (Files.isDirectory(p)) {
      try (Stream<Path> files = Files.list(p)) {
        return files.map(x -> x.getFileName().toString())
            .filter(n -> !n.startsWith(".") && !n.startsWith("_"))
            .sorted()
            .map(SparkInputs::extension)
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow(() -> new GioInputException(
                what + ": folder " + path + " holds no .parquet or .jsonl files; give --format"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return extension(path).orElseThrow(() -> new GioInputException(
        what + ": " + path + " has no .parquet or .jsonl extension; give --format"));
  }

  private static Optional<String> extension(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet")) {
      return Optional.of("parquet");
    }
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return Optional.of("jsonl");
    }
    return Optional.empty();
  }
}
