package org.gio.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.bench.quality.FashionMnist;
import org.gio.bench.quality.QualityTask;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distributed default selection picks the rows, in the order, of the one-machine selection. */
class GioSparkSelectTest {
  @TempDir Path dir;
  final SparkSession spark = SharedSpark.get();

  @AfterEach
  void defaults() {
    spark.conf().unset("spark.sql.files.maxPartitionBytes");
  }

  static Selection local(VectorSet pool, VectorSet target) {
    return Backends.injector().getInstance(GioSelector.class).select(pool, target, GioConfig.recommended());
  }

  /** Splits the next file read into about {@code partitions} partitions. */
  void split(Path file, int partitions) {
    spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(file.toFile().length() / partitions + 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8})
  void aClusteredSetSelectsTheLocalRowsOnAnyPartitioning(int partitions) {
    VectorSet pool = SparkNeighbourTablesTest.POOL;
    VectorSet target = SparkNeighbourTablesTest.TARGET;
    Path poolFile = TestData.jsonl(dir.resolve("pool"), pool, 1);
    Path targetFile = TestData.jsonl(dir.resolve("target"), target, 1);
    Selection expected = local(pool, target);
    assertTrue(expected.size() > 10, "selected " + expected.size());
    Dataset<Row> targetRows = spark.read().json(targetFile.toString());
    split(poolFile, partitions);
    Dataset<Row> poolRows = spark.read().json(poolFile.toString());
    assertEquals(partitions, poolRows.rdd().getNumPartitions());
    GioSpark.Result result = GioSpark.select(spark, poolRows, targetRows, GioSpark.Options.of("embedding"));
    assertArrayEquals(expected.selected(), result.selection().selected());
    assertArrayEquals(expected.exactKl(), result.selection().exactKl());
    assertEquals(expected.stopReason(), result.selection().stopReason());

    List<Row> chosen = result.rows().collectAsList();
    assertEquals(expected.size(), chosen.size());
    for (int i = 0; i < chosen.size(); i++) {
      Row row = chosen.get(i);
      long id = expected.selected()[i];
      assertEquals(i, row.getInt(row.fieldIndex(ChosenRows.RANK)));
      assertEquals(id, row.getLong(row.fieldIndex(ChosenRows.ID)));
      assertEquals("row-" + id, row.getString(row.fieldIndex("label")), "the row's own columns come along");
    }
  }

  @Test
  void theReadmeExampleSelectsTheRowsOfGioSelect() throws Exception {
    VectorSet pool = org.gio.io.Embeddings.read(Path.of("../examples/clusters/pool.npy"));
    VectorSet target = org.gio.io.Embeddings.read(Path.of("../examples/clusters/target.npy"));
    Selection expected = local(pool, target);
    assertEquals(25, expected.size(), "the README's 25 rows");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "150000");
    GioSpark.Result result = GioSpark.select(spark, spark.read().json("src/test/resources/clusters/pool.jsonl"),
        spark.read().json("src/test/resources/clusters/target.jsonl"), GioSpark.Options.of("embedding"));
    assertTrue(result.partitions() > 2, "partitions: " + result.partitions());
    assertArrayEquals(expected.selected(), result.selection().selected());
  }

  @Test
  void fashionMnistSmallSelectsTheLocalRowsFromParquet() throws Exception {
    Path data = FashionMnist.DEFAULT_DIR;
    Assumptions.assumeTrue(Files.isDirectory(data), "dataset-fashion-mnist is not installed (.ci/run installs it)");
    QualityTask task = FashionMnist.load(data).classShift("small", 6_000, 0);
    Selection expected = local(task.pool(), task.target());
    String poolPath = dir.resolve("pool.parquet").toString();
    // user ids, and rows spread over the partitions by a shuffle: the ids, not the order, name rows
    TestData.frame(spark, task.pool(), "float").repartition(3).write().parquet(poolPath);
    Dataset<Row> target = TestData.frame(spark, task.target(), "double").coalesce(1);
    GioSpark.Result result = GioSpark.select(
        spark, spark.read().parquet(poolPath), target, GioSpark.Options.of("embedding").withIdColumn("id"));
    assertTrue(expected.size() > 100, "selected " + expected.size());
    assertArrayEquals(expected.selected(), result.selection().selected());
    assertTrue(result.partitions() > 1, "partitions: " + result.partitions());
  }
}
