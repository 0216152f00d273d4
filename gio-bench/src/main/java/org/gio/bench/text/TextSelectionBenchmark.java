package org.gio.bench.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.OnnxSentenceEmbedder;
import org.gio.io.text.TextEmbedder;

/**
 * Text selection on Debian package descriptions (gio-bench/docs/text.md). Target: descriptions
 * from one archive section; pool: a sample of every section. For each hashed dimension it reports
 * the share of selected pool documents that belong to the target section — GIO against
 * nearest-neighbour retrieval and random at the same size — then the embedders' throughput.
 *
 * <pre>
 * apt-cache dumpavail > /tmp/packages.txt
 * java -cp gio-bench/target/benchmarks.jar org.gio.bench.text.TextSelectionBenchmark \
 *     /tmp/packages.txt [section=games] [poolSize=20000] [targetSize=300] [dims=128,256,512,1024] [model=DIR]
 * </pre>
 */
public final class TextSelectionBenchmark {

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    String section = arg(args, "section", "games");
    int poolSize = Integer.parseInt(arg(args, "poolSize", "20000"));
    int targetSize = Integer.parseInt(arg(args, "targetSize", "300"));
    int[] dims = Arrays.stream(arg(args, "dims", "128,256,512,1024").split(","))
        .mapToInt(Integer::parseInt).toArray();
    String model = arg(args, "model", null);

    List<DebianDescriptions.Doc> docs = new ArrayList<>(DebianDescriptions.read(file));
    Collections.shuffle(docs, new Random(42));
    List<String> target = new ArrayList<>();
    List<String> pool = new ArrayList<>();
    List<Boolean> inDomain = new ArrayList<>();
    // Target first, from the whole corpus; then the pool from what is left, at the section's
    // natural share.
    List<DebianDescriptions.Doc> rest = new ArrayList<>();
    for (DebianDescriptions.Doc d : docs) {
      if (d.section().equals(section) && target.size() < targetSize) {
        target.add(d.text());
      } else {
        rest.add(d);
      }
    }
    for (DebianDescriptions.Doc d : rest.subList(0, Math.min(poolSize, rest.size()))) {
      pool.add(d.text());
      inDomain.add(d.section().equals(section));
    }
    long baseCount = inDomain.stream().filter(b -> b).count();
    System.out.printf("corpus: %d distinct descriptions; target: %d from section %s; pool: %d, of which %d (%.1f%%) %s%n%n",
        docs.size(), target.size(), section, pool.size(), baseCount, 100.0 * baseCount / pool.size(), section);

    GioSelector selector = Backends.injector().getInstance(GioSelector.class);
    GioConfig config = GioConfig.builder().maxIter(2000).build();
    System.out.println("| dim | GIO selected | GIO precision | retrieval precision | random precision | GIO time (s) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (int dim : dims) {
      List<String> both = new ArrayList<>(pool);
      both.addAll(target);
      HashedNgramEmbedder e = HashedNgramEmbedder.fitOnTexts(
          HashedNgramEmbedder.Options.defaults().withDim(dim), both);
      VectorSet p = VectorSet.wrap(e.embed(pool), pool.size(), dim);
      VectorSet t = VectorSet.wrap(e.embed(target), target.size(), dim);
      long start = System.nanoTime();
      Selection s = selector.select(p, t, config);
      double secs = (System.nanoTime() - start) / 1e9;
      int[] chosen = distinct(s.rows());
      int n = chosen.length;
      double gio = precision(chosen, inDomain);
      double retrieval = precision(retrieve(p, t, n), inDomain);
      double random = randomPrecision(n, inDomain, 20);
      System.out.printf("| %d | %d | %.3f | %.3f | %.3f | %.1f |%n", dim, n, gio, retrieval, random, secs);
    }
    System.out.println();
    throughput(docs, model);
  }

  /** Embedding speed for short lines (synopses) and full descriptions, all cores. */
  private static void throughput(List<DebianDescriptions.Doc> docs, String model) throws IOException {
    List<String> full = new ArrayList<>();
    List<String> shortLines = new ArrayList<>();
    for (DebianDescriptions.Doc d : docs) {
      full.add(d.text());
      String t = d.text();
      int cut = t.indexOf(' ', Math.min(t.length(), 40));
      shortLines.add(cut < 0 ? t : t.substring(0, cut)); // ~40 characters, like a synopsis
    }
    HashedNgramEmbedder e = HashedNgramEmbedder.fitOnTexts(HashedNgramEmbedder.Options.defaults(), full);
    System.out.println("| embedder | documents | avg chars | lines/s |");
    System.out.println("|---|---:|---:|---:|");
    report("hashed, dim " + HashedNgramEmbedder.Options.DEFAULT_DIM, e, shortLines, 5);
    report("hashed, dim " + HashedNgramEmbedder.Options.DEFAULT_DIM, e, full, 3);
    report("hashed, dim " + HashedNgramEmbedder.Options.DEFAULT_DIM + " + char trigrams",
        HashedNgramEmbedder.fitOnTexts(HashedNgramEmbedder.Options.defaults().withCharTrigrams(true), full),
        shortLines, 3);
    if (model != null) {
      try (TextEmbedder onnx = OnnxSentenceEmbedder.open(Path.of(model))) {
        report("onnx " + Path.of(model).getFileName(), onnx, shortLines.subList(0, Math.min(20000, shortLines.size())), 2);
      }
    }
  }

  private static void report(String name, TextEmbedder e, List<String> texts, int rounds) {
    int batch = 2048;
    double best = 0;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < texts.size(); i += batch) {
        e.embed(texts.subList(i, Math.min(texts.size(), i + batch)));
      }
      best = Math.max(best, texts.size() / ((System.nanoTime() - start) / 1e9));
    }
    double chars = texts.stream().mapToInt(String::length).average().orElse(0);
    System.out.printf("| %s | %d | %.0f | %.0f |%n", name, texts.size(), chars, best);
  }

  private static int[] distinct(int[] rows) {
    return Arrays.stream(rows).distinct().toArray();
  }

  private static double precision(int[] rows, List<Boolean> inDomain) {
    int hits = 0;
    for (int r : rows) {
      hits += inDomain.get(r) ? 1 : 0;
    }
    return rows.length == 0 ? 0 : (double) hits / rows.length;
  }

  /** Retrieval baseline: the n pool rows with the highest cosine similarity to any target row. */
  private static int[] retrieve(VectorSet pool, VectorSet target, int n) {
    int d = pool.dim();
    float[] p = pool.data();
    float[] t = target.data();
    double[] best = new double[pool.size()];
    java.util.stream.IntStream.range(0, pool.size()).parallel().forEach(i -> {
      double m = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < target.size(); j++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += p[i * d + c] * t[j * d + c];
        }
        m = Math.max(m, s);
      }
      best[i] = m;
    });
    Integer[] order = new Integer[pool.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(best[b], best[a]));
    int[] out = new int[Math.min(n, order.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static double randomPrecision(int n, List<Boolean> inDomain, int trials) {
    Random rnd = new Random(7);
    double sum = 0;
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < inDomain.size(); i++) {
      idx.add(i);
    }
    for (int k = 0; k < trials; k++) {
      Collections.shuffle(idx, rnd);
      int[] rows = idx.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
      sum += precision(rows, inDomain);
    }
    return sum / trials;
  }

  private static String arg(String[] args, String name, String def) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return def;
  }
}
