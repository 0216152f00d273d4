package org.gio.bench.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gio.io.text.BuiltInModel;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.OnnxSentenceEmbedder;
import org.gio.io.text.TextEmbedder;
import org.gio.io.text.WordPieceTokenizer;

/**
 * Throughput of the built-in sentence models and how much an int8 row depends on its batch
 * (gio-bench/docs/text.md, "Built-in models"), on the shipped corpus (examples/text).
 *
 * <pre>
 * java -cp gio-bench/target/benchmarks.jar org.gio.bench.text.EmbedThroughput \
 *     [lines=4000] [batches=16,32,64] [threads=2] [rounds=2] [corpus=examples/text]
 * </pre>
 *
 * Prints the corpus' token-length histogram, lines/s and CPU seconds per 1,000 lines per model ×
 * batch size × threads (the hashed embedder is the anchor, measured in the same run; CPU time is
 * the process's, so it is not fooled by a loaded machine the way lines/s is), then the
 * batch-composition study: the same lines embedded in file order, in a shuffled order (other batch
 * neighbours) and one at a time.
 */
public final class EmbedThroughput {

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(arg(args, "corpus", "examples/text"));
    int n = Integer.parseInt(arg(args, "lines", "4000"));
    int[] batches = ints(arg(args, "batches", "16,32,64"));
    int[] threads = ints(arg(args, "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    int rounds = Integer.parseInt(arg(args, "rounds", "2"));
    boolean study = Boolean.parseBoolean(arg(args, "study", "true"));
    String[] models = arg(args, "models", "minilm,minilm-q").split(",");
    List<String> all = ShippedText.lines(corpus);
    List<String> lines = new ArrayList<>(all);
    Collections.shuffle(lines, new Random(1));
    lines = lines.subList(0, Math.min(n, lines.size()));

    try (OnnxSentenceEmbedder probe = OnnxSentenceEmbedder.open(BuiltInModel.MINILM_Q,
        OnnxSentenceEmbedder.Options.defaults().withThreads(1))) {
      histogram(probe, all);
    }
    System.out.printf("%n%d lines (seeded sample of the corpus), %d cores%n%n", lines.size(),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| embedder | batch | threads | lines/s | CPU s per 1,000 lines | × hashed (same run) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    List<String> fitOn = lines;
    HashedNgramEmbedder hashed = HashedNgramEmbedder.fitOnTexts(HashedNgramEmbedder.Options.defaults(), fitOn);
    double[] anchor = rate(hashed, lines, 2048, rounds + 2);
    System.out.printf("| hashed (dim %d) | 2048 | all | %.0f | %.4f | 1 |%n", hashed.dim(), anchor[0], anchor[1]);
    for (String id : models) {
      BuiltInModel m = BuiltInModel.byId(id);
      for (int t : threads) {
        for (int b : batches) {
          try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options
              .defaults().withThreads(t).withBatchSize(b))) {
            double[] r = rate(e, lines, 2048, rounds);
            System.out.printf("| %s | %d | %d | %.0f | %.3f | %.4f |%n", m.id(), b, t, r[0], r[1], r[0] / anchor[0]);
          }
        }
      }
    }
    if (study) {
      batchStudy(lines.subList(0, Math.min(2048, lines.size())));
    }
  }

  /** Word pieces per line (with [CLS] and [SEP]), in bins. */
  private static void histogram(OnnxSentenceEmbedder e, List<String> lines) {
    int[] edges = {8, 16, 32, 64, 128, 256, Integer.MAX_VALUE};
    int[] counts = new int[edges.length];
    long sum = 0;
    WordPieceTokenizer tok = e.tokenizer();
    for (String l : lines) {
      int len = tok.encode(l, 100_000).length;
      sum += len;
      int b = 0;
      while (len > edges[b]) {
        b++;
      }
      counts[b]++;
    }
    System.out.printf("token lengths of the %d corpus lines (mean %.1f):%n%n", lines.size(), sum / (double) lines.size());
    System.out.println("| word pieces | lines | share |");
    System.out.println("|---|---:|---:|");
    int lo = 1;
    for (int b = 0; b < edges.length; b++) {
      String range = edges[b] == Integer.MAX_VALUE ? "> 256 (truncated)" : lo + "–" + edges[b];
      System.out.printf("| %s | %d | %.1f%% |%n", range, counts[b], 100.0 * counts[b] / lines.size());
      lo = edges[b] + 1;
    }
  }

  /**
   * Best lines/s and least process CPU seconds per 1,000 lines over {@code rounds}, the lines
   * handed over in chunks as TextEmbedding does.
   */
  static double[] rate(TextEmbedder e, List<String> lines, int chunk, int rounds) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double best = 0;
    double cpu = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      for (int i = 0; i < lines.size(); i += chunk) {
        e.embed(lines.subList(i, Math.min(lines.size(), i + chunk)));
      }
      best = Math.max(best, lines.size() / ((System.nanoTime() - start) / 1e9));
      cpu = Math.min(cpu, (os.getProcessCpuTime() - cpuStart) / 1e9 / lines.size() * 1000);
    }
    return new double[] {best, cpu};
  }

  /** How much a row depends on the rows that share its batch, fp32 and int8. */
  private static void batchStudy(List<String> lines) throws IOException {
    int n = lines.size();
    Integer[] perm = new Integer[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Collections.shuffle(Arrays.asList(perm), new Random(2));
    List<String> shuffled = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shuffled.add(lines.get(perm[i]));
    }
    float[] fp32 = null;
    System.out.printf("%nbatch composition, %d lines: cosine of each row with itself embedded another way%n%n", n);
    System.out.println("| model | compared | mean cosine | worst cosine | rows bit-identical |");
    System.out.println("|---|---|---:|---:|---:|");
    for (BuiltInModel m : BuiltInModel.values()) {
      try (OnnxSentenceEmbedder e = OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults())) {
        int d = e.dim();
        float[] inOrder = e.embed(lines);
        float[] other = unshuffle(e.embed(shuffled), perm, d);
        float[] alone = new float[n * d];
        for (int i = 0; i < n; i++) {
          System.arraycopy(e.embed(List.of(lines.get(i))), 0, alone, i * d, d);
        }
        print(m.id(), "file order vs shuffled batches", inOrder, other, d);
        print(m.id(), "file order vs one line per batch", inOrder, alone, d);
        if (fp32 == null) {
          fp32 = alone;
        } else {
          print(m.id(), "int8 vs fp32, both one line per batch", alone, fp32, d);
          print(m.id(), "int8 in file order vs fp32 alone", inOrder, fp32, d);
        }
      }
    }
  }

  private static float[] unshuffle(float[] rows, Integer[] perm, int d) {
    float[] out = new float[rows.length];
    for (int i = 0; i < perm.length; i++) {
      System.arraycopy(rows, i * d, out, perm[i] * d, d);
    }
    return out;
  }

  private static void print(String model, String what, float[] a, float[] b, int d) {
    int n = a.length / d;
    double sum = 0;
    double worst = 1;
    int same = 0;
    for (int i = 0; i < n; i++) {
      double c = 0;
      boolean eq = true;
      for (int k = 0; k < d; k++) {
        c += a[i * d + k] * b[i * d + k];
        eq &= a[i * d + k] == b[i * d + k];
      }
      sum += c;
      worst = Math.min(worst, c);
      same += eq ? 1 : 0;
    }
    System.out.printf("| %s | %s | %.5f | %.5f | %d of %d |%n", model, what, sum / n, worst, same, n);
  }

  static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  static String arg(String[] args, String name, String def) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return def;
  }
}
