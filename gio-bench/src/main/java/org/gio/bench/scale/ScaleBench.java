package org.gio.bench.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gio.core.backend.GioModule;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;

/**
 * The scale benchmark (issue 15, gio-bench/docs/scale.md).
 *
 * <pre>
 * generate DIR ROWS [DIM=768] [SEED=15] [NEAR=ROWS]
 *     writes DIR/pool-ROWS.npy (and DIR/target.npy if absent); with NEAR &lt; ROWS, DIR/pool-ROWS-nearNEAR.npy,
 *     whose rows from NEAR on come from clusters the target does not use (its first NEAR rows are
 *     pool-NEAR.npy of the same seed)
 * table POOL TARGET [L=128] [THREADS=2] [REPEATS=3] [BUILDER=simd|core]
 *     the neighbour table's build (scan + gather), alternating with numpy's table on the same
 *     files in the same run (docs/scale/numpy_table.py, run with THREADS BLAS threads)
 * select POOL TARGET [THREADS=2] [REPEATS=2] [XMX=4g] [NUMPY=yes|no] [GIO-OPTION...]
 *     the default {@code ./gio select} end to end (a child JVM, -XX:ActiveProcessorCount=THREADS),
 *     peak heap from its GC log, peak RssAnon sampled from /proc, beside numpy's table (L = 128)
 *     unless NUMPY is no; further arguments are passed to {@code gio select}; prints the folder
 *     that keeps each run's chosen rows and report
 * </pre>
 */
public final class ScaleBench {
  static final int TARGET_ROWS = 2000;

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: generate DIR ROWS [DIM] [SEED] | table POOL TARGET [L] [THREADS] [REPEATS] [BUILDER]");
    }
    switch (args[0]) {
      case "generate" -> generate(args);
      case "table" -> table(args);
      case "select" -> select(args);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static String arg(String[] args, int i, String otherwise) {
    return args.length > i ? args[i] : otherwise;
  }

  private static void generate(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    long rows = Long.parseLong(args[2]);
    int dim = Integer.parseInt(arg(args, 3, "768"));
    long seed = Long.parseLong(arg(args, 4, "15"));
    long near = Long.parseLong(arg(args, 5, Long.toString(rows)));
    Files.createDirectories(dir);
    ClusterPool data = new ClusterPool(dim, seed);
    long start = System.nanoTime();
    Path target = dir.resolve("target.npy");
    if (!Files.exists(target)) {
      data.writeTarget(target, TARGET_ROWS);
    }
    Path pool = dir.resolve("pool-" + rows + (near < rows ? "-near" + near : "") + ".npy");
    data.writePool(pool, rows, near);
    System.out.printf("wrote %s (%d × %d) and %s in %.1f s%n", pool, rows, dim, target,
        (System.nanoTime() - start) / 1e9);
  }

  static NeighbourTableBuilder builder(String name) {
    if (name.equals("blocked")) {
      return new org.gio.core.table.BlockedNeighbourTableBuilder(org.gio.simd.SimdKernels.get());
    }
    var modules = new ArrayList<com.google.inject.Module>();
    modules.add(new GioModule());
    if (name.equals("simd")) {
      modules.add(new org.gio.simd.SimdModule());
    }
    com.google.inject.Module merged = com.google.inject.util.Modules.override(modules.get(0))
        .with(modules.subList(1, modules.size()));
    return com.google.inject.Guice.createInjector(merged).getInstance(NeighbourTableBuilder.class);
  }

  private static void table(String[] args) throws Exception {
    Path poolFile = Path.of(args[1]);
    Path targetFile = Path.of(args[2]);
    int depth = Integer.parseInt(arg(args, 3, "128"));
    int threads = Integer.parseInt(arg(args, 4, "2"));
    int repeats = Integer.parseInt(arg(args, 5, "3"));
    NeighbourTableBuilder builder = builder(arg(args, 6, "simd"));
    VectorSet target = NpyReader.read(targetFile);
    header(builder.name() + ", L = " + depth + ", " + threads + " threads");
    List<String> summary = new ArrayList<>();
    for (int rep = 0; rep < repeats; rep++) {
      double[] numpy = numpy(poolFile, targetFile, depth, threads);
      double[] gio = gio(builder, poolFile, target, depth, threads);
      String line = String.format("run %d: gio %.2f s wall / %.2f s CPU (scan %.2f s), numpy %.2f s wall / %.2f s CPU;"
          + " ratio wall %.2f, CPU %.2f; peak heap %.0f MB, peak RssAnon %.0f MB, load %.2f", rep + 1, gio[0], gio[4],
          gio[1], numpy[0], numpy[1], gio[0] / numpy[0], gio[4] / numpy[1], gio[2], gio[3], load());
      System.out.println(line);
      summary.add(line);
    }
  }

  private static void select(String[] args) throws Exception {
    Path poolFile = Path.of(args[1]);
    Path targetFile = Path.of(args[2]);
    int threads = Integer.parseInt(arg(args, 3, "2"));
    int repeats = Integer.parseInt(arg(args, 4, "2"));
    String xmx = arg(args, 5, "4g");
    boolean withNumpy = !arg(args, 6, "yes").equals("no");
    List<String> options = args.length > 7 ? List.of(args).subList(7, args.length) : List.of();
    header("gio select (default" + (options.isEmpty() ? "" : ", " + String.join(" ", options)) + "), " + threads
        + " threads, -Xmx" + xmx);
    long poolRows;
    try (NpySource pool = NpySource.open(poolFile)) {
      poolRows = pool.rows();
    }
    for (int rep = 0; rep < repeats; rep++) {
      double[] numpy = withNumpy ? numpy(poolFile, targetFile, 128, threads) : new double[] {Double.NaN, Double.NaN};
      double[] gio = cli(poolFile, targetFile, threads, xmx, options);
      System.out.printf("run %d: gio select %.2f s wall (table %.2f s, loop and rest %.2f s = %.0f %%), numpy table"
          + " %.2f s wall / %.2f s CPU; ratio %.2f; %.0f pool rows/s; peak heap %.0f MB, peak RssAnon %.0f MB,"
          + " load %.2f%n", rep + 1, gio[0], gio[1], gio[0] - gio[1], 100 * (gio[0] - gio[1]) / gio[0], numpy[0],
          numpy[1], gio[0] / numpy[0], poolRows / gio[0], gio[2], gio[3], load());
    }
  }

  /** {wall s, table s, peak heap MB, peak RssAnon MB} of one {@code ./gio select} in a child JVM. */
  static double[] cli(Path pool, Path target, int threads, String xmx, List<String> options)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("gio-scale");
    Path gcLog = dir.resolve("gc.log");
    Path report = dir.resolve("report.json");
    List<String> command = new ArrayList<>(List.of("./gio", "select", "--pool", pool.toString(), "--target",
        target.toString(), "--out", dir.resolve("chosen.txt").toString(), "--report", report.toString()));
    command.addAll(options);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("GIO_JAVA_OPTS", "-Xmx" + xmx + " -XX:ActiveProcessorCount=" + threads
        + " -Xlog:gc:file=" + gcLog);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    long peakAnon = 0;
    Path status = Path.of("/proc/" + p.pid() + "/status");
    while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("RssAnon:")) {
            peakAnon = Math.max(peakAnon, Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the process is ending
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("gio select failed: " + Files.readString(dir.resolve("out.txt")));
    }
    String json = Files.readString(report);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"table(?:Millis)?\"\\s*:\\s*([0-9.E]+)").matcher(json);
    double table = m.find() ? Double.parseDouble(m.group(1)) / 1e3 : Double.NaN;
    double peakHeap = 0;
    java.util.regex.Matcher g = java.util.regex.Pattern.compile("([0-9]+)M->([0-9]+)M").matcher(Files.readString(gcLog));
    while (g.find()) {
      peakHeap = Math.max(peakHeap, Double.parseDouble(g.group(1)));
    }
    System.out.println("  gio: " + Files.readAllLines(dir.resolve("chosen.txt")).size() + " rows chosen (in " + dir
        + "); "
        + json.replaceAll("(?s).*\"timingsMillis\"\\s*:\\s*(\\{[^}]*\\}).*", "timings $1").replaceAll("\\s+", " "));
    return new double[] {wall, table, peakHeap * 1.048576, peakAnon / 1e3};
  }

  /** {total s, scan s, peak heap MB, peak anon RSS MB} of one build. */
  static double[] gio(NeighbourTableBuilder builder, Path poolFile, VectorSet target, int depth, int threads) {
    System.gc();
    try (MemoryWatch watch = new MemoryWatch(); NpySource pool = NpySource.openFinite(poolFile)) {
      long cpu = cpuNanos();
      long start = System.nanoTime();
      var partial = NeighbourTables.scan(builder, pool, target, depth, threads);
      long scanned = System.nanoTime();
      long[] listed = NeighbourTable.listedIds(partial);
      NeighbourTable table = NeighbourTable.assemble(partial, pool.rows(), pool.gather(listed), new long[0],
          VectorSet.empty(pool.dim()));
      long end = System.nanoTime();
      System.out.printf("  gio: %d listed rows, first row's nearest %d%n", table.listed().size(), table.id(0, 0));
      return new double[] {(end - start) / 1e9, (scanned - start) / 1e9, MemoryWatch.peakHeapMb(), watch.peakAnonMb(),
          (cpuNanos() - cpu) / 1e9};
    }
  }

  /** This process's CPU time, all threads (JIT and GC included). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Runs docs/scale/numpy_table.py; returns its table's {wall, CPU} seconds. */
  static double[] numpy(Path pool, Path target, int depth, int threads) throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("gio.bench.numpy", "gio-bench/docs/scale/numpy_table.py"));
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), pool.toString(), target.toString(),
        Integer.toString(depth));
    pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
    pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    double seconds = Double.NaN;
    double cpu = Double.NaN;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.out.println("  " + line);
        int at = line.indexOf("numpy table:");
        if (at >= 0) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) s wall, ([0-9.]+) s CPU").matcher(line);
          if (m.find()) {
            seconds = Double.parseDouble(m.group(1));
            cpu = Double.parseDouble(m.group(2));
          }
        }
      }
    }
    if (p.waitFor() != 0 || Double.isNaN(seconds)) {
      throw new IllegalStateException("numpy_table.py failed (exit " + p.exitValue() + ")");
    }
    return new double[] {seconds, cpu};
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static void header(String what) {
    System.out.printf("%s; %s %s, %d processors, max heap %d MB, load %.2f%n", what,
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
  }
}
