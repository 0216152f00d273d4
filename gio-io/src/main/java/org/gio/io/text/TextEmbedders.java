package org.gio.io.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gio.core.GioInputException;

/** Builds an embedder from its name, as the command line and the benchmark spell it. */
public final class TextEmbedders {
  public static final String HASHED = "hashed";
  public static final String ONNX = "onnx";
  public static final String MINILM = "minilm";
  public static final String MINILM_Q = "minilm-q";
  /** Every name {@link #create} takes, for help texts and errors. */
  public static final String NAMES = "hashed, minilm, minilm-q or onnx";

  private TextEmbedders() {}

  /**
   * {@code hashed}: a {@link HashedNgramEmbedder} with {@code options}, its IDF fitted on every
   * document of {@code fitOn}; {@code onnx}: the {@link OnnxSentenceEmbedder} in {@code model}
   * (which must then be given; {@code options} are ignored); {@code minilm}, {@code minilm-q}:
   * the {@link BuiltInModel}s.
   */
  public static TextEmbedder create(
      String kind, Path model, HashedNgramEmbedder.Options options, List<TextSource> fitOn)
      throws IOException {
    switch (kind == null ? HASHED : kind.toLowerCase(Locale.ROOT)) {
      case HASHED:
        if (model != null) {
          throw new GioInputException("--model is for --embedder onnx; the hashed embedder needs no model");
        }
        return HashedNgramEmbedder.fit(options, fitOn);
      case ONNX:
        return OnnxSentenceEmbedder.open(model);
      case MINILM:
      case MINILM_Q:
        if (model != null) {
          throw new GioInputException("--model is for --embedder onnx; " + kind
              + " is built in (use --embedder onnx --model DIR for another model)");
        }
        return OnnxSentenceEmbedder.open(BuiltInModel.byId(kind),
            OnnxSentenceEmbedder.Options.defaults());
      default:
        throw new GioInputException("unknown embedder '" + kind + "'; choose " + NAMES);
    }
  }
}
