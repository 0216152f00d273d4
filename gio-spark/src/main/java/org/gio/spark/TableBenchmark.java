package org.gio.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gio.core.backend.Backends;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpySource;
import org.gio.io.npy.NpyWriter;

/**
 * On-demand benchmark (not a test): the distributed table on {@code local[2]} from Parquet beside
 * the one-machine streaming table from a memory-mapped .npy of the same rows, in the same run,
 * checked equal. Prints rows/s of both, their ratio, the driver's peak heap and the formula's
 * driver memory. Writes both files under {@code --dir} and deletes them after.
 *
 * <pre>
 * java -Xmx6g --add-modules jdk.incubator.vector [Spark's --add-opens] \
 *   -cp gio-spark/target/gio-spark.jar:$(cat gio-spark/target/spark-classpath.txt) \
 *   org.gio.spark.TableBenchmark --rows 1000000 --dim 128 --targets 1000 --dir /tmp/gio-bench
 * </pre>
 */
public final class TableBenchmark {
  private TableBenchmark() {}

  public static void main(String[] args) throws IOException {
    long rows = 1_000_000;
    int dim = 128;
    int targets = 1000;
    int depth = 128;
    int sample = 6000;
    Path dir = Path.of("/tmp/gio-spark-bench");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[i + 1]);
        case "--dim" -> dim = Integer.parseInt(args[i + 1]);
        case "--targets" -> targets = Integer.parseInt(args[i + 1]);
        case "--dir" -> dir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(dir);
    Path npy = dir.resolve("pool.npy");
    Path parquet = dir.resolve("pool.parquet");
    SparkSession spark = SparkSession.builder().master("local[2]").appName("gio-spark table benchmark")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.log.level", "WARN").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      long t = System.nanoTime();
      writeNpy(npy, rows, dim);
      writeParquet(spark, parquet, rows, dim);
      System.out.printf("data: %,d × %d, .npy %,d MB, Parquet %,d MB, written in %.1f s%n", rows, dim,
          Files.size(npy) >> 20, size(parquet) >> 20, (System.nanoTime() - t) / 1e9);
      VectorSet target = generate(rows, targets, dim, 99);
      long[] sampleIds = RowSample.sorted(rows, sample, 7);
      NeighbourTableBuilder builder = Backends.injector().getInstance(NeighbourTableBuilder.class);

      t = System.nanoTime();
      NeighbourTable local;
      try (NpySource source = NpySource.open(npy)) {
        local = NeighbourTables.build(builder, source, target, depth, sampleIds, 2);
      }
      double localS = (System.nanoTime() - t) / 1e9;

      long before = usedAfterGc();
      t = System.nanoTime();
      PreparedRows prepared = PreparedRows.of("pool", spark.read().parquet(parquet.toString()), "embedding", null, dim);
      double prepareS = (System.nanoTime() - t) / 1e9; // the split counts (added ids)
      long c = System.nanoTime();
      prepared.requireRows();
      double checkS = (System.nanoTime() - c) / 1e9;
      SparkNeighbourTables.Built built = SparkNeighbourTables.build(
          spark, prepared, target, depth, m -> RowSample.sorted(m, sample, 7), "");
      double sparkS = (System.nanoTime() - t) / 1e9;
      long retained = usedAfterGc() - before; // what the driver holds after the build: the table (and Spark's state)
      boolean same = sameEntries(local, built.table());

      long listed = built.table().listed().size();
      double formulaMb = (targets * (long) depth * 16 + targets * (long) depth * 20 + (listed + sample) * (4L * dim + 8)) / 1e6;
      System.out.printf("builder: %s; tables equal: %s%n", built.builder(), same);
      System.out.printf("local (.npy, 2 threads): %.1f s, %,.0f rows/s%n", localS, rows / localS);
      System.out.printf("spark (Parquet, local[2]): %.1f s (scan %.1f s, after the scan %.1f s, %,d rows fetched by a"
              + " second pass), %,.0f rows/s%n",
          sparkS, built.scanMillis() / 1e3, built.fetchMillis() / 1e3, built.fetchedRows(), rows / sparkS);
      System.out.printf("spark before the scan: split counts %.1f s, first-row check %.1f s (build repeats it)%n", prepareS, checkS);
      System.out.printf("spark / local: %.2f×; scan job alone / local: %.2f×%n", sparkS / localS, built.scanMillis() / 1e3 / localS);
      System.out.printf("driver memory: formula n·L·36 + (listed %,d + S %,d)·(4d + 8) = %.1f MB; retained after the"
              + " build (heap after GC, minus before) %.1f MB; peak heap of this JVM (driver and local executors) %,d MB%n",
          listed, sample, formulaMb, retained / 1e6, peakHeap() >> 20);
    } finally {
      spark.stop();
      Files.deleteIfExists(npy);
      SparkOutputs.delete(parquet);
    }
  }

  /** Row r of a seeded 64-cluster mixture: the same values whoever generates it. */
  static void row(long r, int dim, float[] out, int offset) {
    SplittableRandom centre = new SplittableRandom(r % 64);
    SplittableRandom noise = new SplittableRandom(0x9E3779B97F4A7C15L ^ r);
    for (int j = 0; j < dim; j++) {
      out[offset + j] = (float) (centre.nextDouble(-4, 4) + gaussian(noise));
    }
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  static VectorSet generate(long first, int count, int dim, long salt) {
    float[] data = new float[count * dim];
    for (int i = 0; i < count; i++) {
      row(first + i * salt, dim, data, i * dim);
    }
    return VectorSet.wrap(data, count, dim);
  }

  private static void writeNpy(Path file, long rows, int dim) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      NpyWriter.writeHeader(out, rows, dim);
      float[] v = new float[dim];
      ByteBuffer b = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
      for (long r = 0; r < rows; r++) {
        row(r, dim, v, 0);
        b.clear();
        b.asFloatBuffer().put(v);
        out.write(b.array());
      }
    }
  }

  private static void writeParquet(SparkSession spark, Path file, long rows, int dim) {
    int parts = (int) Math.max(1, Math.min(64, rows / 100_000));
    List<long[]> ranges = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      ranges.add(new long[] {rows * p / parts, rows * (p + 1) / parts});
    }
    JavaRDD<Row> data = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, parts)
        .flatMap(range -> new java.util.Iterator<Row>() { // lazily: a part's rows never sit in memory at once
          long r = range[0];

          @Override
          public boolean hasNext() {
            return r < range[1];
          }

          @Override
          public Row next() {
            float[] v = new float[dim];
            row(r++, dim, v, 0);
            Float[] boxed = new Float[dim];
            for (int j = 0; j < dim; j++) {
              boxed[j] = v[j];
            }
            return RowFactory.create((Object) boxed);
          }
        });
    StructType schema = new StructType().add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false));
    // part files in range order: sorted file names follow the row order, so added ids = row numbers
    spark.createDataFrame(data, schema).write().parquet(file.toString());
  }

  private static boolean sameEntries(NeighbourTable a, NeighbourTable b) {
    if (a.targets() != b.targets() || a.depth() != b.depth() || a.poolRows() != b.poolRows()) {
      return false;
    }
    for (int t = 0; t < a.targets(); t++) {
      for (int j = 0; j < a.depth(); j++) {
        if (a.id(t, j) != b.id(t, j) || a.squaredDistance(t, j) != b.squaredDistance(t, j)) {
          return false;
        }
      }
    }
    return java.util.Arrays.equals(a.listed().data(), b.listed().data())
        && java.util.Arrays.equals(a.sample().data(), b.sample().data());
  }

  private static long size(Path folder) throws IOException {
    try (var all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long usedAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
