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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gio.core.GioInputException;

/**
 * A Hugging Face sentence-transformer exported to ONNX, run locally with ONNX Runtime: WordPiece
 * ids in, token states out, then the sentence-transformers "mean" pooling (token states averaged
 * over the attention mask) and L2 normalisation. Nothing is fetched: the model is either built in
 * ({@link BuiltInModel}, from the class path) or a folder holding
 *
 * <ul>
 *   <li>{@code model.onnx} — inputs {@code input_ids}, {@code attention_mask} and optionally
 *       {@code token_type_ids} (int64, batch × sequence); first output the token states (batch ×
 *       sequence × hidden) or an already pooled batch × hidden;
 *   <li>{@code tokenizer.json} (Hugging Face's tokenizer file: vocabulary and normalizer) or
 *       {@code vocab.txt} (the WordPiece vocabulary; then {@code tokenizer_config.json}'s {@code
 *       do_lower_case}, default true);
 *   <li>optionally {@code sentence_bert_config.json} ({@code max_seq_length}).
 * </ul>
 *
 * <p>Maximum length: {@code max_seq_length} when given, else {@value BuiltInModel#MAX_LENGTH}
 * (sentence-transformers' value for all-MiniLM-L6-v2, also for the built-in models), capped by
 * {@code tokenizer_config.json}'s {@code model_max_length}. Longer texts keep their first pieces
 * and are counted ({@link #truncated()}).
 *
 * <p>Batching (dynamic padding): texts are sorted by token count within each call, stably, and cut
 * into batches of at most {@link Options#batchSize()} rows of similar length, each padded only to
 * its longest row; rows come back in the caller's order. The same call gives the same bytes every
 * time. For an int8 model that quantizes activations per batch a row's vector also depends on the
 * rows that share its batch (gio-bench/docs/text.md measures how much).
 *
 * <p>Threads: each batch runs on one thread (ONNX Runtime's intra-op threads = 1) and {@link
 * Options#threads()} batches run at once, longest first, on one shared session. On this model's
 * small matrices that beat one batch at a time on all cores: no hand-over between threads at each
 * of the ~190 operators of a run, and a descheduled thread holds up only its own batch
 * (gio-bench/docs/text.md, "End to end after profiling"). A batch's rows do not depend on the thread count.
 */
public final class OnnxSentenceEmbedder implements TextEmbedder {
  /** The model file a folder must hold; plus one of {@link #TOKENIZER_FILES}. */
  public static final String MODEL_FILE = "model.onnx";
  /** The tokenizer files a folder may hold, the first found wins. */
  public static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "vocab.txt");

  /**
   * How to run a model.
   *
   * @param batchSize rows per ONNX Runtime call
   * @param threads batches run at once, one thread each (the vectors do not depend on it)
   */
  public record Options(int batchSize, int threads) {
    public Options {
      if (batchSize < 1 || threads < 1) {
        throw new IllegalArgumentException("batch size and threads must be ≥ 1");
      }
    }

    /** Batches of 32 rows on every core. */
    public static Options defaults() {
      return new Options(DEFAULT_BATCH, Runtime.getRuntime().availableProcessors());
    }

    public Options withThreads(int n) {
      return new Options(batchSize, n);
    }

    public Options withBatchSize(int n) {
      return new Options(n, threads);
    }
  }

  private static final int DEFAULT_BATCH = 32;

  private final String name;
  private final String modelName;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;
  private final int maxLength;
  private final int batchSize;
  private final int dim;
  private final boolean pooledOutput;
  private final Set<String> inputs;
  private final AtomicLong truncated = new AtomicLong();
  private final Workers workers;

  private OnnxSentenceEmbedder(
      String name, String modelName, OrtEnvironment env, OrtSession session,
      WordPieceTokenizer tokenizer, int maxLength, Options options) throws OrtException {
    this.name = name;
    this.modelName = modelName;
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
    this.maxLength = maxLength;
    this.batchSize = options.batchSize();
    this.workers = new Workers(options.threads());
    this.inputs = session.getInputNames();
    if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
      close();
      throw new GioInputException(modelName + ": expected inputs input_ids and attention_mask,"
          + " found " + inputs + "; export the model with Hugging Face's input names");
    }
    NodeInfo out = session.getOutputInfo().values().iterator().next();
    if (!(out.getInfo() instanceof TensorInfo t) || (t.getShape().length != 3 && t.getShape().length != 2)) {
      close();
      throw new GioInputException(modelName
          + ": first output must be a tensor of token states (batch × sequence × hidden)");
    }
    long[] shape = t.getShape();
    this.pooledOutput = shape.length == 2;
    long hidden = shape[shape.length - 1];
    this.dim = hidden > 0 ? (int) hidden : probeDim();
  }

  /** Opens the model in {@code folder}; fails naming the missing files before loading anything. */
  public static OnnxSentenceEmbedder open(Path folder) throws IOException {
    return open(folder, Options.defaults());
  }

  public static OnnxSentenceEmbedder open(Path folder, Options options) throws IOException {
    String expected = MODEL_FILE + " and " + String.join(" or ", TOKENIZER_FILES);
    if (folder == null) {
      throw new GioInputException("the onnx embedder needs --model DIR: a folder holding "
          + expected + " (a sentence-transformer exported to ONNX)");
    }
    if (!Files.isDirectory(folder)) {
      throw new GioInputException(folder + ": model folder not found; expected a folder holding "
          + expected + " (a sentence-transformer exported to ONNX)");
    }
    if (!Files.isRegularFile(folder.resolve(MODEL_FILE))) {
      throw new GioInputException(folder + ": no " + MODEL_FILE + " in the model folder; expected "
          + expected + ", plus optionally sentence_bert_config.json");
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode tokConfig = readJson(json, folder.resolve("tokenizer_config.json"));
    JsonNode sbConfig = readJson(json, folder.resolve("sentence_bert_config.json"));
    WordPieceTokenizer tokenizer;
    Path tokenizerJson = folder.resolve("tokenizer.json");
    Path vocabTxt = folder.resolve("vocab.txt");
    if (Files.isRegularFile(tokenizerJson)) {
      try (InputStream in = Files.newInputStream(tokenizerJson)) {
        tokenizer = TokenizerJson.read(in, tokenizerJson.toString()).tokenizer();
      }
    } else if (Files.isRegularFile(vocabTxt)) {
      tokenizer = WordPieceTokenizer.load(vocabTxt, tokConfig.path("do_lower_case").asBoolean(true));
    } else {
      throw new GioInputException(folder + ": no tokenizer.json or vocab.txt in the model folder;"
          + " copy the model's tokenizer.json (Hugging Face) next to " + MODEL_FILE);
    }
    int maxLength = sbConfig.path("max_seq_length").asInt(BuiltInModel.MAX_LENGTH);
    int modelMax = tokConfig.path("model_max_length").asInt(Integer.MAX_VALUE);
    maxLength = Math.max(2, Math.min(maxLength, modelMax));
    Path model = folder.resolve(MODEL_FILE);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = sessionOptions()) {
      OrtSession session = env.createSession(model.toString(), so);
      return new OnnxSentenceEmbedder("onnx sentence model " + folder, model.toString(), env,
          session, tokenizer, maxLength, options);
    } catch (OrtException e) {
      throw new GioInputException(model + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
    }
  }

  /** Opens a built-in model from the class path. */
  public static OnnxSentenceEmbedder open(BuiltInModel model, Options options) throws IOException {
    TokenizerJson tok = model.tokenizer();
    byte[] bytes = model.modelBytes();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = sessionOptions()) {
      OrtSession session = env.createSession(bytes, so);
      return new OnnxSentenceEmbedder(model.id() + " (all-MiniLM-L6-v2"
          + (model == BuiltInModel.MINILM_Q ? ", int8" : "") + ")", model.id(), env, session,
          tok.tokenizer(), BuiltInModel.MAX_LENGTH, options);
    } catch (OrtException e) {
      throw new IllegalStateException("built-in model " + model.id() + ": " + e.getMessage(), e);
    }
  }

  private static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    // One thread per run: the parallelism is across batches (Workers); no ORT thread pool at all,
    // so nothing spins or waits on a partner.
    so.setIntraOpNumThreads(1);
    so.setInterOpNumThreads(1);
    so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    so.addConfigEntry("session.intra_op.allow_spinning", "0");
    return so;
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

  /** The tokenizer the model reads its ids from. */
  public WordPieceTokenizer tokenizer() {
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
    int slices = Math.min(workers.size(), Math.max(1, n / 256));
    workers.run(slices, slice -> {
      for (int i = (int) ((long) n * slice / slices); i < (long) n * (slice + 1) / slices; i++) {
        ids[i] = encode(texts.get(i));
      }
    });
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Similar lengths together: less padding. A stable sort, so the batches are a function of
    // the call's texts alone.
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(ids[a].length, ids[b].length));
    float[] out = new float[n * dim];
    int longest = n == 0 ? 0 : ids[order[n - 1]].length;
    int cells = Math.min(n, batchSize) * longest;
    int[] starts = batchStarts(ids, order);
    // Longest batches first: what is left for the last thread at the end is a short batch.
    AtomicInteger next = new AtomicInteger(starts.length - 1);
    workers.run(Math.min(workers.size(), starts.length - 1), worker -> {
      Feed feed = new Feed(cells);
      for (int k = next.decrementAndGet(); k >= 0; k = next.decrementAndGet()) {
        runBatch(ids, order, starts[k], starts[k + 1], out, feed);
      }
    });
    return out;
  }

  /**
   * Where each batch of the sorted rows starts, plus {@code n} at the end: at most {@link
   * Options#batchSize()} rows, and none longer than its first row + max(4, an eighth), so a few
   * long rows do not pad a batch of shorter ones (on mixed-length text 14% padding, 12% of the
   * work, went to 2–3%: gio-bench/docs/text.md).
   */
  private int[] batchStarts(int[][] ids, Integer[] order) {
    int n = order.length;
    int[] starts = new int[n + 1];
    int count = 0;
    for (int from = 0; from < n; ) {
      starts[count++] = from;
      int first = ids[order[from]].length;
      int cap = first + Math.max(4, first / 8);
      int to = from + 1;
      while (to < n && to - from < batchSize && ids[order[to]].length <= cap) {
        to++;
      }
      from = to;
    }
    starts[count++] = n;
    return java.util.Arrays.copyOf(starts, count);
  }

  /** The word-piece ids of one text, truncated to the maximum length (and counted if so). */
  private int[] encode(String text) {
    int[] ids = tokenizer.encode(text, maxLength + 1);
    if (ids.length <= maxLength) {
      return ids;
    }
    truncated.incrementAndGet();
    int[] cut = java.util.Arrays.copyOf(ids, maxLength);
    cut[maxLength - 1] = ids[ids.length - 1]; // [SEP]
    return cut;
  }

  /** Direct buffers for one call's batches, so ONNX Runtime reads them without a copy. */
  private static final class Feed {
    final LongBuffer ids;
    final LongBuffer mask;
    final LongBuffer types;

    Feed(int capacity) {
      ids = direct(capacity);
      mask = direct(capacity);
      types = direct(capacity);
    }

    private static LongBuffer direct(int n) {
      return ByteBuffer.allocateDirect(Math.max(1, n) * Long.BYTES).order(ByteOrder.nativeOrder())
          .asLongBuffer();
    }
  }

  private void runBatch(int[][] ids, Integer[] order, int from, int to, float[] out, Feed feed) {
    int b = to - from;
    int seq = 0;
    for (int i = from; i < to; i++) {
      seq = Math.max(seq, ids[order[i]].length);
    }
    int cells = b * seq;
    feed.ids.clear();
    feed.mask.clear();
    feed.types.clear();
    int[] lengths = new int[b];
    for (int r = 0; r < b; r++) {
      int[] row = ids[order[from + r]];
      lengths[r] = row.length;
      for (int t = 0; t < seq; t++) {
        feed.ids.put(t < row.length ? row[t] : tokenizer.padId());
        feed.mask.put(t < row.length ? 1 : 0);
        feed.types.put(0);
      }
    }
    feed.ids.flip();
    feed.mask.flip();
    feed.types.flip();
    long[] shape = {b, seq};
    Map<String, OnnxTensor> tensors = new HashMap<>();
    try {
      tensors.put("input_ids", OnnxTensor.createTensor(env, feed.ids.limit(cells), shape));
      tensors.put("attention_mask", OnnxTensor.createTensor(env, feed.mask.limit(cells), shape));
      if (inputs.contains("token_type_ids")) {
        tensors.put("token_type_ids", OnnxTensor.createTensor(env, feed.types.limit(cells), shape));
      }
      try (OrtSession.Result result = session.run(tensors)) {
        FloatBuffer states = ((OnnxTensor) result.get(0)).getFloatBuffer();
        for (int r = 0; r < b; r++) {
          int offset = order[from + r] * dim;
          if (pooledOutput) {
            states.get(r * dim, out, offset, dim);
          } else {
            meanPool(states, r * seq * dim, lengths[r], out, offset);
          }
          normalize(out, offset, dim);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException(modelName + ": inference failed: " + e.getMessage(), e);
    } finally {
      tensors.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * sentence-transformers' mean pooling: the sum of the first {@code count} token states (the
   * unmasked ones: padding is always at the end) over their count.
   */
  private void meanPool(FloatBuffer states, int base, int count, float[] out, int offset) {
    double[] sum = new double[dim];
    for (int t = 0; t < count; t++) {
      int at = base + t * dim;
      for (int c = 0; c < dim; c++) {
        sum[c] += states.get(at + c);
      }
    }
    double denom = Math.max(count, 1e-9); // sentence-transformers clamps the count at 1e-9
    for (int c = 0; c < dim; c++) {
      out[offset + c] = (float) (sum[c] / denom);
    }
  }

  /** Texts cut to the maximum length since this embedder was opened. */
  @Override
  public long truncated() {
    return truncated.get();
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
    return name + " (dim " + dim + ", max length " + maxLength
        + ", mean pooling, L2)";
  }

  @Override
  public void close() {
    workers.close();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
