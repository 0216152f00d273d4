package org.gio.bench.text;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gio.bench.quality.Baselines;
import org.gio.core.backend.Backends;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Retrieval;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.io.text.BuiltInModel;
import org.gio.io.text.HashedNgramEmbedder;
import org.gio.io.text.OnnxSentenceEmbedder;
import org.gio.io.text.TextEmbedder;
import org.gio.io.text.dsir.Dsir;

/**
 * GIO (hashed n-grams, minilm, minilm-q), DSIR, retrieval and random on two text tasks built from
 * the shipped corpus (gio-bench/docs/text.md, "Methods on text"): precision (share of selected pool
 * documents with the target's label), KL(target ‖ selection) in the minilm space (exact k-NN
 * estimator, k = 5) and time. GIO first picks its own size; every method then runs at the size
 * GIO-minilm chose.
 *
 * <pre>
 * java -cp gio-bench/target/benchmarks.jar org.gio.bench.text.TextMethodsBenchmark \
 *     [tasks=games,science,descriptions] [poolSize=5000] [corpus=examples/text] [seed=0]
 * </pre>
 */
public final class TextMethodsBenchmark {
  private record Task(String name, List<String> pool, boolean[] hit, List<String> target) {}

  private record Row(String method, int size, double precision, double kl, double seconds) {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(EmbedThroughput.arg(args, "corpus", "examples/text"));
    long seed = Long.parseLong(EmbedThroughput.arg(args, "seed", "0"));
    int poolSize = Integer.parseInt(EmbedThroughput.arg(args, "poolSize", "5000"));
    Injector injector = Backends.injector();
    GioSelector selector = injector.getInstance(GioSelector.class);
    for (String name : EmbedThroughput.arg(args, "tasks", "games,science,descriptions").split(",")) {
      Task task = name.equals("descriptions") ? descriptions(corpus, poolSize) : section(corpus, name, poolSize);
      run(task, selector, injector, seed);
    }
  }

  /**
   * Target: 100 synopses of one section; pool: {@code poolSize} of the others, every k-th, so the
   * section keeps its natural share.
   */
  private static Task section(Path corpus, String section, int poolSize) throws IOException {
    List<String> pool = new ArrayList<>();
    List<String> target = new ArrayList<>();
    List<Boolean> hits = new ArrayList<>();
    List<ShippedText.Labelled> rest = new ArrayList<>();
    for (ShippedText.Labelled l : ShippedText.synopses(corpus)) {
      if (l.label().equals(section) && target.size() < 100) {
        target.add(l.text());
      } else {
        rest.add(l);
      }
    }
    int step = Math.max(1, rest.size() / poolSize);
    for (int i = 0; i < rest.size() && pool.size() < poolSize; i += step) {
      pool.add(rest.get(i).text());
      hits.add(rest.get(i).label().equals(section));
    }
    return new Task("synopses, section " + section, pool, toArray(hits), target);
  }

  /** Target: 100 package descriptions; pool: the other descriptions among changelog lines. */
  private static Task descriptions(Path corpus, int poolSize) throws IOException {
    List<String> desc = ShippedText.read(corpus, "debian-descriptions.txt");
    List<String> target = new ArrayList<>();
    List<String> pool = new ArrayList<>();
    List<Boolean> hits = new ArrayList<>();
    for (int i = 0; i < desc.size(); i++) {
      if (i % 7 == 0 && target.size() < 100) {
        target.add(desc.get(i));
      } else {
        pool.add(desc.get(i));
        hits.add(true);
      }
    }
    for (String l : ShippedText.read(corpus, "debian-changelog.txt")) {
      if (pool.size() >= poolSize) {
        break;
      }
      pool.add(l);
      hits.add(false);
    }
    return new Task("descriptions among changelog lines", pool, toArray(hits), target);
  }

  private static boolean[] toArray(List<Boolean> b) {
    boolean[] out = new boolean[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  private static void run(Task task, GioSelector selector, Injector injector, long seed) throws IOException {
    int base = 0;
    for (boolean h : task.hit()) {
      base += h ? 1 : 0;
    }
    System.out.printf("%n### %s%n%npool %d (%d with the target's label, %.1f%%), target %d%n%n",
        task.name(), task.pool().size(), base, 100.0 * base / task.pool().size(), task.target().size());
    Map<String, VectorSet[]> spaces = new LinkedHashMap<>();
    Map<String, Double> embedSeconds = new LinkedHashMap<>();
    List<String> both = new ArrayList<>(task.pool());
    both.addAll(task.target());
    embed(spaces, embedSeconds, "hashed", HashedNgramEmbedder.fitOnTexts(
        HashedNgramEmbedder.Options.defaults(), both), task);
    for (BuiltInModel m : BuiltInModel.values()) {
      embed(spaces, embedSeconds, m.id(), OnnxSentenceEmbedder.open(m, OnnxSentenceEmbedder.Options.defaults()), task);
    }
    VectorSet[] klSpace = spaces.get("minilm");
    List<Row> rows = new ArrayList<>();
    int size = 0;
    for (String space : spaces.keySet()) {
      VectorSet[] s = spaces.get(space);
      long t0 = System.nanoTime();
      Selection sel = selector.select(s[0], s[1], GioConfig.recommended());
      double secs = (System.nanoTime() - t0) / 1e9;
      rows.add(row("GIO default, " + space + " (own size)", sel.rows(), task, klSpace, injector, secs));
      if (space.equals("minilm")) {
        size = sel.size();
      }
    }
    for (String space : spaces.keySet()) {
      VectorSet[] s = spaces.get(space);
      long t0 = System.nanoTime();
      Selection sel = selector.select(s[0], s[1], GioConfig.recommendedBuilder().budget(size).build());
      rows.add(row("GIO --budget, " + space, sel.rows(), task, klSpace, injector, (System.nanoTime() - t0) / 1e9));
    }
    long t0 = System.nanoTime();
    int[] dsir = Dsir.withSeed(seed).select(task.pool(), task.target(), size).selected();
    rows.add(row("DSIR (10,000 buckets)", dsir, task, klSpace, injector, (System.nanoTime() - t0) / 1e9));
    for (String space : spaces.keySet()) {
      VectorSet[] s = spaces.get(space);
      t0 = System.nanoTime();
      int[] r = Retrieval.nearest(s[0], s[1], size);
      rows.add(row("retrieval, " + space, r, task, klSpace, injector, (System.nanoTime() - t0) / 1e9));
    }
    rows.add(row("random", Baselines.random(task.pool().size(), size, seed), task, klSpace, injector, 0));
    System.out.println("| method | rows | precision | KL(target‖sel.), minilm space | time (s) |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Row r : rows) {
      System.out.printf("| %s | %d | %.3f | %.2f | %.1f |%n", r.method(), r.size(), r.precision(), r.kl(), r.seconds());
    }
    System.out.printf("%nembedding pool + target: %s%n", embedSeconds.entrySet().stream()
        .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).toList());
  }

  private static void embed(Map<String, VectorSet[]> spaces, Map<String, Double> seconds, String name,
      TextEmbedder e, Task task) {
    try (e) {
      long t0 = System.nanoTime();
      VectorSet p = VectorSet.wrap(embedAll(e, task.pool()), task.pool().size(), e.dim());
      VectorSet t = VectorSet.wrap(embedAll(e, task.target()), task.target().size(), e.dim());
      seconds.put(name, (System.nanoTime() - t0) / 1e9);
      spaces.put(name, new VectorSet[] {p, t});
    }
  }

  /** In chunks of 2048 lines, as gio select does. */
  private static float[] embedAll(TextEmbedder e, List<String> texts) {
    float[] out = new float[texts.size() * e.dim()];
    for (int i = 0; i < texts.size(); i += 2048) {
      float[] part = e.embed(texts.subList(i, Math.min(texts.size(), i + 2048)));
      System.arraycopy(part, 0, out, i * e.dim(), part.length);
    }
    return out;
  }

  private static Row row(String method, int[] selected, Task task, VectorSet[] klSpace,
      Injector injector, double seconds) {
    int[] distinct = Arrays.stream(selected).distinct().toArray();
    int hits = 0;
    for (int r : distinct) {
      hits += task.hit()[r] ? 1 : 0;
    }
    double kl = Double.NaN;
    if (distinct.length >= 5) {
      VectorOps ops = injector.getInstance(VectorOps.class);
      Target t = Target.of(klSpace[1], 5, injector.getInstance(KthNeighbourSearch.class));
      kl = new KnnKl(ops).start(t, klSpace[0].select(distinct)).value();
    }
    return new Row(method, distinct.length, distinct.length == 0 ? 0 : hits / (double) distinct.length, kl, seconds);
  }
}
