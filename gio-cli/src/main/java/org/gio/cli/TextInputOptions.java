package org.gio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gio.io.EmbeddingFormat;
import org.gio.io.EmbeddingTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.TextEmbedder;
import org.gio.io.text.TextEmbedding;
import org.gio.io.text.TextSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code gio select} on text: pool and target given as text files are embedded (the built-in
 * minilm by default, hashed n-grams fitted on both, or an ONNX model) before selection, and the chosen lines can be written back.
 */
final class TextInputOptions {
  @Option(names = "--pool-text", paramLabel = "FILE", description = "Candidate pool as text: one document per line (UTF-8), or JSONL; instead of --pool.")
  Path poolText;

  @Option(names = "--target-text", paramLabel = "FILE", description = "Target sample as text; instead of --target.")
  Path targetText;

  @Option(names = "--out-lines", paramLabel = "FILE", description = "With --pool-text: the chosen lines themselves (JSONL: whole records), in selection order.")
  Path outLines;

  @Mixin EmbedderOptions embedder;

  /** The embedded inputs and how they were made. */
  /** Embedded pool and target; as tables, their rows are written back as vectors. */
  record Embedded(VectorSet pool, VectorSet target, String embedder, Path poolFile,
      Path targetFile, long truncated) {
    EmbeddingTable poolTable() {
      return new EmbeddingTable(poolFile, EmbeddingFormat.NPY, "text", pool, null);
    }

    EmbeddingTable targetTable() {
      return new EmbeddingTable(targetFile, EmbeddingFormat.NPY, "text", target, null);
    }
  }

  boolean active() {
    return poolText != null || targetText != null;
  }

  /**
   * Checks that exactly one form of each input is given, and that text-only flags come with text,
   * as a usage error before anything is read.
   */
  void validate(CommandSpec spec, Path pool, Path target, Path init) {
    if (pool == null && poolText == null) {
      throw usage(spec, "give the pool: --pool FILE (.npy vectors) or --pool-text FILE (text)");
    }
    if (target == null && targetText == null) {
      throw usage(spec, "give the target: --target FILE (.npy vectors) or --target-text FILE (text)");
    }
    if (pool != null && poolText != null) {
      throw usage(spec, "give --pool or --pool-text, not both");
    }
    if (target != null && targetText != null) {
      throw usage(spec, "give --target or --target-text, not both");
    }
    if (active() && (poolText == null || targetText == null)) {
      throw usage(spec, "--pool-text and --target-text go together: both sets must be embedded alike");
    }
    if (outLines != null && poolText == null) {
      throw usage(spec, "--out-lines needs --pool-text (with --pool there are no lines to write)");
    }
    if (active() && init != null) {
      throw usage(spec, "--init takes vectors and cannot be combined with --pool-text");
    }
    if (active()) {
      embedder.validate(spec);
    } else if (embedder.textField != null || embedder.model != null || embedder.dim != null
        || embedder.charTrigrams || embedder.embedder != null) {
      throw usage(spec, "--embedder, --model, --dim, --char-trigrams and --text-field need --pool-text and --target-text");
    }
  }

  private static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Embeds pool and target; a hashed embedder is fitted on both together. */
  Embedded embed(PrintWriter err, boolean quiet) throws IOException {
    TextSource pool = embedder.source(poolText);
    TextSource target = embedder.source(targetText);
    long start = System.nanoTime();
    Progress progress = new Progress(err, quiet);
    try (TextEmbedder e = embedder.create(List.of(pool, target))) {
      VectorSet p;
      try {
        p = TextEmbedding.embed(e, pool, -1, e instanceof HashedNgramEmbedder ? TextEmbedding.Progress.NONE : progress);
      } finally {
        progress.end();
      }
      VectorSet t = TextEmbedding.embed(e, target);
      if (!quiet) {
        err.printf("gio: embedded %d pool and %d target documents with %s in %.2f s%n",
            p.size(), t.size(), e.describe(), (System.nanoTime() - start) / 1e9);
        err.flush();
      }
      if (e.truncated() > 0) {
        err.printf("gio: %d documents were longer than the model's maximum length and were"
            + " truncated (counted in the report)%n", e.truncated());
        err.flush();
      }
      return new Embedded(p, t, e.describe(), poolText, targetText, e.truncated());
    }
  }

  /** Writes the pool lines at {@code rows}, in that order, reading the pool once more. */
  void writeLines(int[] rows) throws IOException {
    if (outLines == null) {
      return;
    }
    Map<Long, String> chosen = new HashMap<>();
    for (int r : rows) {
      chosen.put((long) r, null);
    }
    embedder.source(poolText).forEach(rec -> {
      if (chosen.containsKey(rec.row())) {
        chosen.put(rec.row(), rec.raw());
      }
    });
    AtomicFiles.write(outLines, out -> {
      for (int r : rows) {
        out.write(chosen.get((long) r).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    });
  }
}
