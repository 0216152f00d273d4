package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in fp32 model against langchain4j's own embedder of the same jar (its own tokenizer,
 * one text per run, no padding), on a fixed sample of the shipped corpus: every component within
 * {@value #TOLERANCE}, so batching with dynamic padding and gio's tokenizer change nothing that
 * matters.
 */
class VectorCrossCheckTest {
  /** Largest absolute difference allowed in any component of a unit vector. */
  static final double TOLERANCE = 1e-6;
  /** The truncation of the model's tokenizer.json, which langchain4j's tokenizer applies. */
  static final int LANGCHAIN4J_MAX_LENGTH = 128;

  static {
    System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    System.setProperty("ENGINE_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath().toString());
    System.setProperty("OFFLINE", "true");
  }

  @Test
  void vectorsMatchLangchain4jsEmbedderWithinTolerance() throws IOException {
    AllMiniLmL6V2EmbeddingModel theirs = new AllMiniLmL6V2EmbeddingModel();
    float[] ours;
    List<String> texts;
    try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(BuiltInModel.MINILM,
        OnnxSentenceEmbedder.Options.defaults())) {
      // langchain4j's tokenizer applies the file's truncation (128 pieces), gio sentence-
      // transformers' 256: compare where neither cuts
      texts = ShippedCorpus.sample(150).stream()
          .filter(t -> e.tokenizer().encode(t, 1000).length <= LANGCHAIN4J_MAX_LENGTH).toList();
      ours = e.embed(texts);
    }
    double worst = 0;
    double worstCos = 1;
    for (int i = 0; i < texts.size(); i++) {
      float[] v = theirs.embed(texts.get(i)).content().vector();
      double cos = 0;
      for (int c = 0; c < 384; c++) {
        worst = Math.max(worst, Math.abs(v[c] - ours[i * 384 + c]));
        cos += v[c] * ours[i * 384 + c];
      }
      worstCos = Math.min(worstCos, cos);
    }
    System.out.printf("vector cross-check: %d texts, max |difference| %.2e, worst cosine %.7f%n",
        texts.size(), worst, worstCos);
    assertTrue(texts.size() > 120, texts.size() + " texts");
    assertTrue(worst < TOLERANCE, "max |difference| " + worst);
  }
}
