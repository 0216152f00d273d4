package org.gio.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.gio.core.GioInputException;
import org.gio.io.AtomicFiles;

/**
 * The outputs of a run, each written to a temporary path and renamed: the chosen ids (one per
 * line, selection order), the chosen rows as ONE Parquet or JSON Lines file (Spark writes a folder
 * of one part file beside the output; the part is renamed onto it), and the JSON report. The rows
 * are written by an executor, so the output's folder must be one the executors see (one machine,
 * or a shared file system).
 */
final class SparkOutputs {
  private SparkOutputs() {}

  /** Fails before any work when an output's folder is missing or an output is an input. */
  static void check(List<Path> outputs, List<String> inputs) {
    for (Path out : outputs) {
      if (out == null) {
        continue;
      }
      Path abs = out.toAbsolutePath().normalize();
      Path folder = abs.getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        throw new GioInputException(out + ": output folder " + folder + " does not exist; create it first");
      }
      for (String in : inputs) {
        if (in != null && abs.equals(Path.of(in).toAbsolutePath().normalize())) {
          throw new GioInputException(out + ": the output is also an input; choose another output path");
        }
      }
      if (Files.isDirectory(abs)) {
        throw new GioInputException(out + ": is a folder; the output must be a file path");
      }
    }
  }

  static void ids(Path out, long[] ids) throws IOException {
    AtomicFiles.write(out, o -> {
      StringBuilder b = new StringBuilder();
      for (long id : ids) {
        b.append(id).append('\n');
      }
      o.write(b.toString().getBytes(StandardCharsets.UTF_8));
    });
  }

  /** Writes {@code rows} (sorted) as one file in the format of {@code out}'s extension. */
  static void rows(Path out, Dataset<Row> rows) throws IOException {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean parquet = name.endsWith(".parquet");
    if (!parquet && !name.endsWith(".jsonl") && !name.endsWith(".json")) {
      throw new GioInputException(out + ": --out-rows must end in .parquet or .jsonl");
    }
    Path abs = out.toAbsolutePath();
    Path folder = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
    try {
      String uri = folder.resolve("rows").toUri().toString();
      Dataset<Row> one = rows.repartition(1).sortWithinPartitions(ChosenRows.RANK); // one task, rank order
      if (parquet) {
        one.write().parquet(uri);
      } else {
        one.write().json(uri);
      }
      Path part;
      try (Stream<Path> files = Files.list(folder.resolve("rows"))) {
        part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
            .orElseThrow(() -> new IOException("Spark wrote no part file for " + out));
      }
      AtomicFiles.writePath(out, temp -> Files.move(part, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    } finally {
      delete(folder);
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
