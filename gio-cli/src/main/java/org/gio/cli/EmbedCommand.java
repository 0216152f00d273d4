package org.gio.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.TextEmbedder;
import org.gio.io.text.TextEmbedding;
import org.gio.io.text.TextSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gio embed}: documents of a text file to a .npy matrix, one row per document. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Turn a text file (one document per line, or JSONL) into a .npy matrix of float32 rows.",
      "Streams, so files larger than memory work. The default embedder is the built-in",
      "all-MiniLM-L6-v2 (--embedder minilm); --embedder hashed is ~100x faster and needs no model."
    },
    footer = {
      "",
      "Examples:",
      "  gio embed --input pool.txt --out pool.npy                         (built-in all-MiniLM-L6-v2)",
      "  gio embed --input docs.jsonl --text-field body --out docs.npy --dim 1024",
      "  gio embed --input pool.txt --out pool.npy --embedder minilm-q    (int8: faster)",
      "  gio embed --input pool.txt --out pool.npy --embedder onnx --model minilm-onnx/",
      "",
      "The hashed embedder fits its TF-IDF weights on the input itself.",
      "To embed a pool and a target alike, use 'gio select --pool-text --target-text'.",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class EmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Text file: one document per line (UTF-8), or JSONL.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .npy (rows × dimension, float32).")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Mixin EmbedderOptions embedder;

  @Override
  public Integer call() throws Exception {
    embedder.validate(spec);
    OutputPaths.check(List.of(out), input);
    TextSource source = embedder.source(input);
    long start = System.nanoTime();
    Progress progress = new Progress(spec.commandLine().getErr(), quiet);
    try (TextEmbedder e = embedder.create(List.of(source))) {
      long known = e instanceof HashedNgramEmbedder h ? h.fittedDocuments() : -1;
      long rows = TextEmbedding.embedToNpy(e, source, out, known, progress);
      if (!quiet) {
        double s = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getErr().printf(
            "gio: embedded %d documents to %s (%d × %d, %s) in %.2f s, %.0f lines/s%n",
            rows, out, rows, e.dim(), e.describe(), s, rows / s);
      }
      if (e.truncated() > 0) {
        spec.commandLine().getErr().printf("gio: %d documents were longer than the model's"
            + " maximum length and were truncated%n", e.truncated());
      }
    } finally {
      progress.end();
    }
    return ExitCodes.OK;
  }
}
