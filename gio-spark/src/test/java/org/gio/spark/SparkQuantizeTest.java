package org.gio.spark;

import static org.gio.spark.GioInputExceptionAssert.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.InvalidConfigException;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --quantize on Spark: MLlib K-means, GIO on the centroids, explosion by the cluster assignment. */
class SparkQuantizeTest {
  // the README's example (3,000 rows in six clusters, 8-d; a target from two of them)
  static final String POOL = "src/test/resources/clusters/pool.jsonl";
  static final String TARGET = "src/test/resources/clusters/target.jsonl";
  static final int POOL_ROWS = 3000;
  static final int K = 40;

  @TempDir Path dir;
  final SparkSession spark = SharedSpark.get();

  @AfterEach
  void defaults() {
    spark.conf().unset("spark.sql.files.maxPartitionBytes");
  }

  /** The pool as one JSONL file read in three partitions (added ids: row numbers). */
  Dataset<Row> pool() {
    spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(Path.of(POOL).toFile().length() / 3 + 1));
    Dataset<Row> pool = spark.read().json(POOL);
    assertEquals(3, pool.rdd().getNumPartitions());
    return pool;
  }

  Dataset<Row> target() {
    return spark.read().json(TARGET);
  }

  VectorSet targetRows() {
    return TargetRows.collect(target(), "embedding");
  }

  static GioConfig seeded(long seed) {
    return GioConfig.recommendedBuilder().seed(seed).build();
  }

  @Test
  void everyChosenCentroidsMembersComeBackOnceInClusterThenIdOrder() {
    GioSpark.Result r = GioSpark.select(spark, pool(), target(),
        GioSpark.Options.of("embedding").withConfig(seeded(3)).withQuantize(K));
    GioSpark.Quantized q = r.quantized();
    assertEquals(K, q.clusters(), "MLlib fitted K centroids");
    assertEquals(POOL_ROWS, Arrays.stream(q.sizes()).sum(), "every row assigned once");
    assertEquals(POOL_ROWS, r.poolRows());
    assertTrue(q.iterations() > 0);

    // a second fit with the same seed (reproducible: same sizes, same rows); the explosion checked
    // against the assignment it joins on
    PreparedRows rows = PreparedRows.of("pool", pool(), "embedding", null, 8);
    SparkQuantization fit = SparkQuantization.fit(spark, rows, K, 3);
    try {
      Map<Integer, List<Long>> members = new HashMap<>();
      for (Row a : fit.assignmentRows()) {
        members.computeIfAbsent(a.getInt(1), c -> new ArrayList<>()).add(a.getLong(0));
      }
      assertArrayEquals(q.sizes(), fit.sizes(), "the same seed fits the same clusters");
      int[] chosen = Arrays.stream(r.selection().rows()).distinct().toArray();
      assertTrue(chosen.length >= 2, "chosen centroids: " + chosen.length + ", " + r.selection().stopReason() + ", sizes " + Arrays.toString(q.sizes()));
      List<Long> expected = new ArrayList<>();
      for (int c : chosen) {
        List<Long> ids = members.getOrDefault(c, List.of());
        assertEquals(q.sizes()[c], ids.size());
        ids.stream().sorted().forEach(expected::add);
      }
      assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), r.ids());
      assertEquals(r.ids().length, Arrays.stream(r.ids()).distinct().count(), "no row twice");
      // a centroid listed twice adds nothing
      int[] twice = {chosen[0], chosen[1], chosen[0]};
      long[] once = fit.explode(spark, new int[] {chosen[0], chosen[1]});
      assertArrayEquals(once, fit.explode(spark, twice));

      // GIO ran gio select's selector on the centroids
      Selection onCentroids = Backends.injector().getInstance(GioSelector.class).select(fit.centroids(), targetRows(), seeded(3));
      assertArrayEquals(onCentroids.selected(), r.selection().selected());
    } finally {
      fit.release();
    }
    SparkQuantization other = SparkQuantization.fit(spark, rows, K, 4);
    other.release();
    assertFalse(Arrays.equals(fit.centroids().data(), other.centroids().data()), "the seed reaches MLlib");

    // the rows come back with their own columns, ranked in the exploded order
    List<Row> back = r.rows().collectAsList();
    assertEquals(r.ids().length, back.size());
    for (int i = 0; i < back.size(); i++) {
      Row row = back.get(i);
      assertEquals(i, row.getInt(row.fieldIndex(ChosenRows.RANK)));
      assertEquals(r.ids()[i], row.getLong(row.fieldIndex(ChosenRows.ID)));
      assertEquals(r.ids()[i], row.getLong(row.fieldIndex("row")), "the row's own columns come along");
    }
  }

  @Test
  void aQuantizedTargetHasK2Centroids() throws Exception {
    VectorSet centroids = SparkQuantization.fitTarget(spark, targetRows(), 12, 0);
    assertEquals(12, centroids.size());
    assertArrayEquals(centroids.data(), SparkQuantization.fitTarget(spark, targetRows(), 12, 0).data());
    // the default table path against the target's centroids
    GioSpark.Result r = GioSpark.select(spark, pool(), target(), GioSpark.Options.of("embedding").withQuantizeTarget(12));
    assertEquals(null, r.quantized(), "the pool was not quantized");
    VectorSet pool = org.gio.io.Embeddings.read(Path.of("../examples/clusters/pool.npy"));
    Selection expected = Backends.injector().getInstance(GioSelector.class).select(pool, centroids, GioConfig.recommended());
    assertTrue(expected.size() > 0);
    assertArrayEquals(expected.selected(), r.selection().selected(), "GIO ran against the target's centroids");
  }

  @Test
  void badKIsAOneLineError() {
    InvalidConfigException zero = assertThrows(InvalidConfigException.class,
        () -> GioSpark.Options.of("embedding").withQuantize(0));
    assertEquals("--quantize must be at least 2 (MLlib's K-means needs two clusters), was 0", zero.getMessage());
    assertThrows(InvalidConfigException.class, () -> GioSpark.Options.of("embedding").withQuantizeTarget(1));
    assertMessage(() -> GioSpark.select(spark, pool(), target(), GioSpark.Options.of("embedding").withQuantize(3001)),
        "pool: K-means with K = 3001 clusters needs at least 3001 rows, but the pool has 3000; lower --quantize");
    assertMessage(() -> GioSpark.select(spark, pool(), target(), GioSpark.Options.of("embedding").withQuantizeTarget(301)),
        "target: K-means with K = 301 clusters needs at least 301 rows, but the target has 300; lower --quantize-target");
  }

  @Test
  void theCommandWritesTheExplodedRowsAndTheQuantizationReport() throws Exception {
    Path pool = Files.copy(Path.of(POOL), dir.resolve("pool.jsonl"));
    Path target = Files.copy(Path.of(TARGET), dir.resolve("target.jsonl"));
    Path out = dir.resolve("chosen.txt");
    Path report = dir.resolve("report.json");
    GioSparkMainTest.Run r = GioSparkMainTest.run("select", "--pool", pool, "--target", target, "--column", "embedding",
        "--quantize", K, "--seed", 3, "--out", out, "--report", report, "-q");
    assertEquals(0, r.exit(), r.err());
    long[] ids = Files.readAllLines(out).stream().mapToLong(Long::parseLong).toArray();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(ids.length, json.get("selectedCount").asInt());
    assertEquals(ids[ids.length - 1], json.get("selected").get(ids.length - 1).asLong());
    JsonNode q = json.get("quantization");
    assertEquals(K, q.get("clusters").asInt());
    assertEquals(POOL_ROWS, q.get("poolRows").asLong());
    long sum = 0;
    for (JsonNode size : q.get("chosenSizes")) {
      sum += size.asLong();
    }
    assertEquals(ids.length, sum, "the chosen centroids' sizes add up to the rows written");

    GioSparkMainTest.Run zero = GioSparkMainTest.run("select", "--pool", pool, "--target", target, "--column", "embedding",
        "--quantize", 0, "--out", dir.resolve("z.txt"));
    assertEquals(2, zero.exit(), zero.err());
    assertEquals("gio-spark: --quantize must be at least 2 (MLlib's K-means needs two clusters), was 0", zero.err().strip());
    GioSparkMainTest.Run big = GioSparkMainTest.run("select", "--pool", pool, "--target", target, "--column", "embedding",
        "--quantize", 5000, "--out", dir.resolve("b.txt"), "--report", dir.resolve("b.json"));
    assertEquals(3, big.exit(), big.err());
    assertEquals(1, big.err().lines().count(), big.err());
    assertTrue(big.err().startsWith("gio-spark: pool: K-means with K = 5000 clusters needs at least 5000 rows"), big.err());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("chosen.txt", "pool.jsonl", "report.json", "target.jsonl"),
          left.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written by the failed runs");
    }
  }
}
