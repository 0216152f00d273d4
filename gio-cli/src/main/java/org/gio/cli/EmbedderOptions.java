package org.gio.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.TextEmbedder;
import org.gio.io.text.TextEmbedders;
import org.gio.io.text.TextSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How text becomes vectors: the flags {@code gio embed} and {@code gio select --pool-text} share. */
final class EmbedderOptions {
  @Option(names = "--embedder", paramLabel = "NAME",
      description = "minilm (all-MiniLM-L6-v2, built in, 384 dims; the default), minilm-q (its int8 version:"
          + " faster, cosine ~0.99 with minilm), hashed (word n-grams, TF-IDF, no model, ~100x faster; the"
          + " default when --dim or --char-trigrams is given) or onnx (a sentence model in --model; the"
          + " default when --model is given).")
  String embedder;

  @Option(names = "--model", paramLabel = "DIR",
      description = "For --embedder onnx: folder with model.onnx and tokenizer.json or vocab.txt (a sentence-transformer exported to ONNX).")
  Path model;

  @Option(names = "--dim", paramLabel = "N",
      description = "For --embedder hashed: vector dimension (default: " + HashedNgramEmbedder.Options.DEFAULT_DIM + ").")
  Integer dim;

  @Option(names = "--char-trigrams", description = "For --embedder hashed: add character trigrams of each word (helps with typos and morphology).")
  boolean charTrigrams;

  @Option(names = "--text-field", paramLabel = "NAME",
      description = "Read JSONL: the document is this string field of each line's object (default for .jsonl files: text).")
  String textField;

  /** Fails with a usage error on flags that do not fit together, before any file is read. */
  void validate(CommandSpec spec) {
    String kind = kind();
    if (!java.util.List.of(TextEmbedders.HASHED, TextEmbedders.ONNX, TextEmbedders.MINILM,
        TextEmbedders.MINILM_Q).contains(kind)) {
      throw new ParameterException(spec.commandLine(),
          "--embedder must be " + TextEmbedders.NAMES + ", was '" + kind + "'");
    }
    if (!kind.equals(TextEmbedders.HASHED) && (dim != null || charTrigrams)) {
      throw new ParameterException(spec.commandLine(),
          "--dim and --char-trigrams are for --embedder hashed; a sentence model fixes its own dimension");
    }
    if (kind.equals(TextEmbedders.ONNX)) {
      if (model == null) {
        throw new ParameterException(spec.commandLine(),
            "--embedder onnx needs --model DIR (a folder with model.onnx and tokenizer.json or vocab.txt)");
      }
    } else if (model != null) {
      throw new ParameterException(spec.commandLine(), "--model needs --embedder onnx");
    }
    if (dim != null && dim <= 0) {
      throw new ParameterException(spec.commandLine(), "--dim must be positive, was " + dim);
    }
  }

  TextSource source(Path file) {
    return TextSource.of(file, textField);
  }

  /** The embedder; a hashed one is fitted on every document of {@code fitOn} (one streaming pass). */
  TextEmbedder create(List<TextSource> fitOn) throws IOException {
    HashedNgramEmbedder.Options options = HashedNgramEmbedder.Options.defaults()
        .withCharTrigrams(charTrigrams);
    if (dim != null) {
      options = options.withDim(dim);
    }
    return TextEmbedders.create(kind(), model, options, fitOn);
  }

  /**
   * The embedder's name: as given, else onnx with --model, hashed with --dim or --char-trigrams,
   * else minilm (the default: gio-bench/docs/text.md, "Methods on text").
   */
  String kind() {
    if (embedder != null) {
      return embedder.toLowerCase(Locale.ROOT);
    }
    if (model != null) {
      return TextEmbedders.ONNX;
    }
    return dim != null || charTrigrams ? TextEmbedders.HASHED : TextEmbedders.MINILM;
  }
}
