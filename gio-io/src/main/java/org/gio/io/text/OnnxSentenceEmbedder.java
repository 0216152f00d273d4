package org.gio.io.text;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gio.core.GioInputException;

/**
 * A Hugging Face sentence-transformer exported to ONNX, run locally with ONNX Runtime: WordPiece
 * ids in, token states out, then the sentence-transformers "mean" pooling (token states averaged
 * over the attention mask) and L2 normalisation. Nothing is fetched: the folder must hold
 *
 * <ul>
 *   <li>{@code model.onnx} — inputs {@code input_ids}, {@code attention_mask} and optionally
 *       {@code token_type_ids} (int64, batch × sequence); first output the token states (batch ×
 *       sequence × hidden) or an already pooled batch × hidden;
 *   <li>{@code vocab.txt} — the WordPiece vocabulary;
 *   <li>optionally {@code tokenizer_config.json} ({@code do_lower_case}, default true) and {@code
 *       sentence_bert_config.json} ({@code max_seq_length}, default 256).
 * </ul>
 *
 * Texts are sorted by length within each call before batching, so padding stays small; rows come
 * back in the caller's order. ONNX Runtime uses every core for each batch.
 */
public final class OnnxSentenceEmbedder implements TextEmbedder {
  /** The files a model folder must hold. */
  public static final List<String> REQUIRED_FILES = List.of("model.onnx", "vocab.txt");

  private static final int DEFAULT_MAX_LENGTH = 256;
  private static final int DEFAULT_BATCH = 32;

  private final Path folder;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final int maxLength;
  private final int batchSize;
  private final int dim;
  private final boolean pooledOutput;
  private final Set<String> inputs;

  private OnnxSentenceEmbedder(
      Path folder, OrtEnvironment env, OrtSession session, WordPieceTokenizer tokenizer,
      int maxLength, int batchSize) throws OrtException {
    this.folder = folder;
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.batchSize = batchSize;
    this.inputs = session.getInputNames();
    if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
      throw new GioInputException(folder.resolve("model.onnx") + ": expected inputs input_ids and"
          + " attention_mask, found " + inputs + "; export the model with Hugging Face's names");
    }
    NodeInfo out = session.getOutputInfo().values().iterator().next();
    if (!(out.getInfo() instanceof TensorInfo t) || (t.getShape().length != 3 && t.getShape().length != 2)) {
      throw new GioInputException(folder.resolve("model.onnx")
          + ": first output must be a tensor of token states (batch × sequence × hidden)");
    }
    long[] shape = t.getShape();
    this.pooledOutput = shape.length == 2;
    long hidden = shape[shape.length - 1];
    this.dim = hidden > 0 ? (int) hidden : probeDim();
  }

  /** Opens the model in {@code folder}; fails naming the missing files before loading anything. */
  public static OnnxSentenceEmbedder open(Path folder) throws IOException {
    return open(folder, DEFAULT_BATCH);
  }

  public static OnnxSentenceEmbedder open(Path folder, int batchSize) throws IOException {
    if (folder == null) {
      throw new GioInputException("the onnx embedder needs --model DIR: a folder holding "
          + String.join(" and ", REQUIRED_FILES) + " (a sentence-transformer exported to ONNX)");
    }
    if (!Files.isDirectory(folder)) {
      throw new GioInputException(folder + ": model folder not found; expected a folder holding "
          + String.join(" and ", REQUIRED_FILES) + " (a sentence-transformer exported to ONNX)");
    }
    for (String f : REQUIRED_FILES) {
      if (!Files.isRegularFile(folder.resolve(f))) {
        throw new GioInputException(folder + ": no " + f + " in the model folder; expected "
            + String.join(" and ", REQUIRED_FILES)
            + ", plus optionally tokenizer_config.json and sentence_bert_config.json");
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode tokConfig = readJson(json, folder.resolve("tokenizer_config.json"));
    JsonNode sbConfig = readJson(json, folder.resolve("sentence_bert_config.json"));
    boolean lower = tokConfig.path("do_lower_case").asBoolean(true);
    int maxLength = sbConfig.path("max_seq_length").asInt(DEFAULT_MAX_LENGTH);
    int modelMax = tokConfig.path("model_max_length").asInt(Integer.MAX_VALUE);
    maxLength = Math.max(2, Math.min(maxLength, modelMax));
    WordPieceTokenizer tokenizer = WordPieceTokenizer.load(folder.resolve("vocab.txt"), lower);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(folder.resolve("model.onnx").toString(), options);
      return new OnnxSentenceEmbedder(folder, env, session, tokenizer, maxLength, batchSize);
    } catch (OrtException e) {
      throw new GioInputException(folder.resolve("model.onnx") + ": ONNX Runtime cannot load it: "
          + e.getMessage(), e);
    }
  }

  private static JsonNode readJson(ObjectMapper json, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GioInputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  int maxLength() {
    return maxLength;
  }

  WordPieceTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public float[] embed(List<String> texts) {
    int n = texts.size();
    int[][] ids = new int[n][];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      ids[i] = tokenizer.encode(texts.get(i), maxLength);
      order[i] = i;
    }
    // Similar lengths together: less padding, and the result does not depend on it.
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
    float[] out = new float[n * dim];
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      runBatch(ids, order, from, to, out);
    }
    return out;
  }

  private void runBatch(int[][] ids, Integer[] order, int from, int to, float[] out) {
    int b = to - from;
    int seq = 0;
    for (int i = from; i < to; i++) {
      seq = Math.max(seq, ids[order[i]].length);
    }
    long[] inputIds = new long[b * seq];
    long[] mask = new long[b * seq];
    java.util.Arrays.fill(inputIds, tokenizer.padId());
    for (int r = 0; r < b; r++) {
      int[] row = ids[order[from + r]];
      for (int t = 0; t < row.length; t++) {
        inputIds[r * seq + t] = row[t];
        mask[r * seq + t] = 1;
      }
    }
    long[] shape = {b, seq};
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
      feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (inputs.contains("token_type_ids")) {
        feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * seq]), shape));
      }
      try (OrtSession.Result result = session.run(feed)) {
        OnnxValue value = result.get(0);
        FloatBuffer states = ((OnnxTensor) value).getFloatBuffer();
        for (int r = 0; r < b; r++) {
          int offset = order[from + r] * dim;
          if (pooledOutput) {
            states.get(r * dim, out, offset, dim);
          } else {
            meanPool(states, r, seq, mask, out, offset);
          }
          normalize(out, offset, dim);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException(folder.resolve("model.onnx") + ": inference failed: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  /** sentence-transformers' mean pooling: sum of the unmasked token states over their count. */
  private void meanPool(FloatBuffer states, int r, int seq, long[] mask, float[] out, int offset) {
    double[] sum = new double[dim];
    int count = 0;
    for (int t = 0; t < seq; t++) {
      if (mask[r * seq + t] == 0) {
        continue;
      }
      count++;
      int base = (r * seq + t) * dim;
      for (int c = 0; c < dim; c++) {
        sum[c] += states.get(base + c);
      }
    }
    double denom = Math.max(count, 1e-9); // sentence-transformers clamps the count at 1e-9
    for (int c = 0; c < dim; c++) {
      out[offset + c] = (float) (sum[c] / denom);
    }
  }

  static void normalize(float[] v, int offset, int dim) {
    double norm = 0;
    for (int c = 0; c < dim; c++) {
      norm += (double) v[offset + c] * v[offset + c];
    }
    // torch.nn.functional.normalize divides by max(norm, 1e-12).
    float inv = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
    for (int c = 0; c < dim; c++) {
      v[offset + c] *= inv;
    }
  }

  /** For models whose hidden size is symbolic: run one tiny batch and read it off the output. */
  private int probeDim() throws OrtException {
    long[] shape = {1, 2};
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      int[] ids = tokenizer.encode("", maxLength);
      long[] l = {ids[0], ids[1]};
      feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(l), shape));
      feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {1, 1}), shape));
      if (inputs.contains("token_type_ids")) {
        feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[2]), shape));
      }
      try (OrtSession.Result result = session.run(feed)) {
        long[] s = ((TensorInfo) result.get(0).getInfo()).getShape();
        return (int) s[s.length - 1];
      }
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public String describe() {
    return "onnx sentence model " + folder + " (dim " + dim + ", max length " + maxLength
        + ", mean pooling, L2)";
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
