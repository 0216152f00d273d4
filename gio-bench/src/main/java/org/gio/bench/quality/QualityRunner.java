package org.gio.bench.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The selection-quality benchmark of issue 7: builds the FashionMNIST tasks, runs every selector,
 * scores each selection, and writes {@code quality.md} (tables) and {@code quality-TASK.png}
 * (accuracy against selection size) to the output folder.
 *
 * <pre>
 *   java -cp gio-bench/target/benchmarks.jar org.gio.bench.quality.QualityRunner \
 *        [--tasks small,shift,noisy] [--out DIR] [--sizes 250,500,1000,2000] [--data DIR]
 *        [--variant 'name=recommended:candidates=16' ...] [--export DIR] [--no-ladder] [--quick] [--seeds 5]
 *        [--task-seed 0] [--target-classes 0,2,4,6] [--per-class]
 * </pre>
 *
 * <p>{@code --task-seed N} draws the tasks' random parts from seed N instead of 0 (which target
 * rows of the test split form the target, and, for small, which 6,000 training rows form the
 * pool; for noisy which rows are corrupted and which test rows are the target), so a comparison
 * can be repeated on other target samples; 0 builds the tasks of the tables in
 * gio-bench/docs/quality.md.
 *
 * <p>{@code --target-classes a,b,c} sets the classes the target of small and shift is drawn from
 * (as {@code TARGET_CLASSES} does for prepare.py; noisy's target covers every class and ignores
 * it); the default 0,2,4,6 builds the tasks of the earlier tables. Each task's table heading names
 * its classes, so a result says which class set it is for. The log gives each selection's rows
 * per class; {@code --per-class} adds the classifier's test recall per target class (trains the
 * models a second time).
 */
public final class QualityRunner {

  /** One scored selection. */
  public record Row(String selector, boolean selfSized, Scorer.Scores scores, double seconds, String stop) {}

  private final GioSelector selector;
  private final Scorer scorer;
  private final List<Integer> sizes;
  private final Map<String, GioConfig> variants;
  private final StringBuilder log = new StringBuilder();
  private boolean quick;
  private boolean perClass;

  public QualityRunner(GioSelector selector, Scorer scorer, List<Integer> sizes, Map<String, GioConfig> variants) {
    this.selector = selector;
    this.scorer = scorer;
    this.sizes = sizes;
    this.variants = variants;
  }

  public static void main(String[] args) throws Exception {
    List<String> tasks = List.of("small", "shift", "noisy");
    boolean quick = false;
    boolean perClass = false;
    int seeds = 5;
    long taskSeed = 0;
    int[] targetClasses = FashionMnist.TARGET_CLASSES;
    Path out = Path.of("target/quality");
    Path data = FashionMnist.DEFAULT_DIR;
    Path export = null;
    List<Integer> sizes = List.of(250, 500, 1000, 2000, 4000);
    Map<String, GioConfig> variants = new LinkedHashMap<>(GioVariants.ladder());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tasks" -> tasks = List.of(args[++i].split(","));
        case "--out" -> out = Path.of(args[++i]);
        case "--data" -> data = Path.of(args[++i]);
        case "--export" -> export = Path.of(args[++i]);
        case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--quick" -> quick = true;
        case "--per-class" -> perClass = true;
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--task-seed" -> taskSeed = Long.parseLong(args[++i]);
        case "--target-classes" -> targetClasses = FashionMnist.parseClasses(args[++i]);
        case "--no-ladder" -> {
          GioConfig d = variants.get("gio default");
          variants.clear();
          variants.put("gio default", d);
        }
        case "--variant" -> {
          String[] nv = args[++i].split("=", 2);
          variants.put(nv[0], GioVariants.parse(nv[1]));
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(out);
    GioSelector selector = Backends.injector(null, null).getInstance(GioSelector.class);
    QualityRunner runner = new QualityRunner(selector, new Scorer(20, 0, seeds), sizes, variants);
    runner.quick = quick;
    runner.perClass = perClass;
    long t0 = System.nanoTime();
    FashionMnist mnist = FashionMnist.load(data);
    StringBuilder md = new StringBuilder("# Selection quality (FashionMNIST, PCA-50)\n\n");
    md.append("Backend: ").append(selector.describe()).append(". Generated by `QualityRunner`");
    md.append(taskSeed == 0 ? "" : ", task seed " + taskSeed);
    md.append(Arrays.equals(targetClasses, FashionMnist.TARGET_CLASSES) ? ".\n"
        : ", target classes " + classList(targetClasses) + " (small, shift).\n");
    for (String name : tasks) {
      long tt = System.nanoTime();
      QualityTask task = switch (name) {
        case "small" -> mnist.classShift("small", 6000, taskSeed, targetClasses);
        case "shift" -> mnist.classShift("shift", 60000, taskSeed, targetClasses);
        case "noisy" -> mnist.noisy(taskSeed);
        default -> throw new IllegalArgumentException("unknown task " + name);
      };
      System.err.printf("%s: built in %.1f s%s%n", name, (System.nanoTime() - tt) / 1e9,
          task.targetClasses() == null ? "" : ", target classes " + classList(task.targetClasses()));
      if (export != null) {
        TaskExport.write(task, export.resolve(name));
      }
      List<Row> rows = runner.run(task, export == null ? null : export.resolve(name));
      md.append(markdown(task, rows));
      chart(task, rows, out.resolve("quality-" + name + ".png"));
      Files.writeString(out.resolve("quality.md"), md);
    }
    System.err.printf("total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    System.out.println(md);
  }

  /** Runs and scores every selector on one task. */
  public List<Row> run(QualityTask task, Path selectionsDir) throws IOException {
    List<Row> rows = new ArrayList<>();
    int defaultSize = -1;
    for (Map.Entry<String, GioConfig> v : variants.entrySet()) {
      long t = System.nanoTime();
      Selection s = selector.select(task.pool(), task.target(), v.getValue());
      double sec = (System.nanoTime() - t) / 1e9;
      rows.add(scored(task, v.getKey(), true, s.rows(), sec, s.stopReason(), selectionsDir));
      if (v.getKey().equals("gio default")) {
        defaultSize = s.size();
      }
      if (quick && s.size() > 0) {
        // exploring: retrieval at each variant's own size, nothing else
        int[] near = Baselines.nearest(task.pool(), task.target(), s.size());
        rows.add(scored(task, "nearest retrieval @" + v.getKey(), false, near, 0, "", null));
      }
    }
    if (defaultSize < 0) {
      defaultSize = rows.get(rows.size() - 1).scores().size();
    }
    if (quick) {
      return rows;
    }
    List<Integer> all = new ArrayList<>(sizes);
    if (!all.contains(defaultSize) && defaultSize > 0) {
      all.add(defaultSize);
    }
    all.removeIf(n -> n > task.pool().size() || n <= 0);
    all.sort(Integer::compare);
    for (int n : all) {
      String suffix = n == defaultSize ? " @default size" : "";
      long t = System.nanoTime();
      Selection f = selector.select(task.pool(), task.target(), GioVariants.faithfulBudget(n));
      rows.add(scored(task, "faithful budget" + suffix, false, f.rows(), (System.nanoTime() - t) / 1e9, f.stopReason(), n == defaultSize ? selectionsDir : null));
      t = System.nanoTime();
      int[] near = Baselines.nearest(task.pool(), task.target(), n);
      rows.add(scored(task, "nearest retrieval" + suffix, false, near, (System.nanoTime() - t) / 1e9, "", n == defaultSize ? selectionsDir : null));
      t = System.nanoTime();
      int[] kc = Baselines.kCenterGreedy(task.pool(), task.target(), n);
      rows.add(scored(task, "k-center greedy" + suffix, false, kc, (System.nanoTime() - t) / 1e9, "", null));
      rows.add(scored(task, "random" + suffix, false, Baselines.random(task.pool().size(), n, 0), 0, "", null));
    }
    return rows;
  }

  private Row scored(QualityTask task, String name, boolean self, int[] selected, double sec, String stop, Path dir) throws IOException {
    Scorer.Scores s = scorer.score(task, selected);
    Row row = new Row(name, self, s, sec, stop);
    System.err.printf(Locale.ROOT, "%s %-28s n=%5d prec=%.4f corrupt=%.4f acc=%.4f kl=%.3f %.1fs %s%n",
        task.name(), name, s.size(), s.precision(), s.corrupt(), s.accuracy(), s.kl(), sec, stop);
    if (task.targetClasses() != null) {
      System.err.printf(Locale.ROOT, "%s %-28s classes %s%n", task.name(), name, classCounts(task, selected));
      if (perClass) {
        double[] recall = scorer.recallByClass(task, selected);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; recall != null && j < recall.length; j++) {
          sb.append(String.format(Locale.ROOT, "%d:%.4f ", task.targetClasses()[j], recall[j]));
        }
        System.err.printf(Locale.ROOT, "%s %-28s recall %s%n", task.name(), name, sb.toString().trim());
      }
    }
    if (dir != null) {
      Files.createDirectories(dir);
      StringBuilder sb = new StringBuilder();
      for (int r : selected) {
        sb.append(r).append('\n');
      }
      Files.writeString(dir.resolve("sel-" + name.replaceAll("[^A-Za-z0-9]+", "_") + ".txt"), sb);
    }
    return row;
  }

  static String markdown(QualityTask task, List<Row> rows) {
    boolean noisy = task.corrupt() != null;
    StringBuilder sb = new StringBuilder();
    sb.append("\n## ").append(task.name()).append(" (pool ").append(task.pool().size())
        .append(", target ").append(task.target().size());
    if (task.targetClasses() != null) {
      sb.append(", target classes ").append(classList(task.targetClasses()));
    }
    sb.append(")\n\n");
    sb.append("| selector | size | ").append(noisy ? "corrupt" : "precision")
        .append(" | accuracy | KL(target‖sel) | seconds | stop |\n|---|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      Scorer.Scores s = r.scores();
      sb.append(String.format(Locale.ROOT, "| %s%s | %d | %.3f | %.3f | %.2f | %.1f | %s |%n",
          r.selector(), r.selfSized() ? " (self-sized)" : "", s.size(), noisy ? s.corrupt() : s.precision(),
          s.accuracy(), s.kl(), r.seconds(), r.stop()));
    }
    return sb.toString();
  }

  /**
   * How many selected rows each label has, target classes first ({@code 5:210 7:190 9:200 | 8:2}):
   * shows whether a selection covers the target's classes evenly, which precision alone does not.
   */
  static String classCounts(QualityTask task, int[] selected) {
    int[] count = new int[Arrays.stream(task.poolLabels()).max().orElse(0) + 1];
    for (int r : selected) {
      count[task.poolLabels()[r]]++;
    }
    StringBuilder sb = new StringBuilder();
    for (int c : task.targetClasses()) {
      sb.append(c).append(':').append(count[c]).append(' ');
    }
    sb.append('|');
    for (int c = 0; c < count.length; c++) {
      int cc = c;
      if (count[c] > 0 && Arrays.stream(task.targetClasses()).noneMatch(t -> t == cc)) {
        sb.append(' ').append(c).append(':').append(count[c]);
      }
    }
    return sb.toString();
  }

  static String classList(int[] classes) {
    return Arrays.stream(classes).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
  }

  static void chart(QualityTask task, List<Row> rows, Path png) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("FashionMNIST " + task.name()
            + (task.targetClasses() == null ? "" : " (classes " + classList(task.targetClasses()) + ")")
            + ": accuracy vs selection size")
        .xAxisTitle("selected rows").yAxisTitle("test accuracy").build();
    chart.getStyler().setXAxisLogarithmic(true);
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.selfSized() || Double.isNaN(r.scores().accuracy())) {
        continue;
      }
      String base = r.selector().replace(" @default size", "");
      curves.computeIfAbsent(base, k -> new ArrayList<>()).add(new double[] {r.scores().size(), r.scores().accuracy()});
    }
    for (Map.Entry<String, List<double[]>> c : curves.entrySet()) {
      List<double[]> pts = c.getValue();
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      chart.addSeries(c.getKey(), pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }
    for (Row r : rows) {
      if (r.selfSized() && r.scores().size() > 0 && !Double.isNaN(r.scores().accuracy())) {
        XYSeries s = chart.addSeries(r.selector() + " (self-sized)", new double[] {r.scores().size()}, new double[] {r.scores().accuracy()});
        s.setMarker(SeriesMarkers.DIAMOND);
      }
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
