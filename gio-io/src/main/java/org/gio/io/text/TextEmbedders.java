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

  private TextEmbedders() {}

  /**
   * {@code hashed}: a {@link HashedNgramEmbedder} with {@code options}, its IDF fitted on every
   * document of {@code fitOn}; {@code onnx}: the {@link OnnxSentenceEmbedder} in {@code model}
   * (which must then be given; {@code options} are ignored).
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
      default:
        throw new GioInputException("unknown embedder '" + kind + "'; choose hashed or onnx");
    }
  }
}
