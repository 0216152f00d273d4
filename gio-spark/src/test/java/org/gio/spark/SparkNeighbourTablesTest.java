package org.gio.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.gio.core.backend.Backends;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distributed table equals the one-machine table on the same rows and ids, whatever the partitioning. */
class SparkNeighbourTablesTest {
  static final int DIM = 12;
  static final int DEPTH = 24;
  static final int SAMPLE = 300;
  static final long SEED = 7;
  static final VectorSet POOL = TestData.clustered(2_000, DIM, 6, 0, 6, 1);
  static final VectorSet TARGET = TestData.clustered(120, DIM, 6, 1, 2, 2);

  @TempDir Path dir;
  final SparkSession spark = SharedSpark.get();

  @AfterEach
  void defaults() {
    spark.conf().unset("spark.sql.files.maxPartitionBytes");
    spark.conf().unset("spark.sql.files.openCostInBytes");
  }

  static NeighbourTable local(VectorSet pool) {
    NeighbourTableBuilder builder = Backends.injector().getInstance(NeighbourTableBuilder.class);
    return NeighbourTables.build(builder, VectorSource.of(pool), TARGET, DEPTH, RowSample.sorted((long) pool.size(), SAMPLE, SEED), 1);
  }

  static NeighbourTable spark(SparkSession spark, Dataset<Row> pool, String id) {
    return SparkNeighbourTables.build(
        spark, pool, TARGET, "embedding", id, DEPTH, m -> RowSample.sorted(m, SAMPLE, SEED), "").table();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8})
  void userIdsOnAnyPartitioningGiveTheLocalTable(int partitions) {
    Dataset<Row> pool = TestData.frame(spark, POOL, "float").repartition(partitions);
    assertEquals(partitions, pool.rdd().getNumPartitions());
    TestData.assertSameTable(local(POOL), spark(spark, pool, "id"));
  }

  @Test
  void scalarKernelsOnTheExecutorsGiveTheSameTable() {
    // what an executor without --add-modules jdk.incubator.vector runs: exact distances make the
    // table the same, only slower
    Dataset<Row> pool = TestData.frame(spark, POOL, "float").repartition(3);
    SparkNeighbourTables.Built built = SparkNeighbourTables.build(
        spark, pool, TARGET, "embedding", "id", DEPTH, m -> RowSample.sorted(m, SAMPLE, SEED), "scalar");
    assertTrue(built.builder().contains("scalar"), built.builder());
    TestData.assertSameTable(local(POOL), built.table());
  }

  @ParameterizedTest
  @ValueSource(strings = {"double", "vector"})
  void doubleAndVectorColumnsGiveTheSameTable(String kind) {
    Dataset<Row> pool = TestData.frame(spark, POOL, kind).repartition(3);
    TestData.assertSameTable(local(POOL), spark(spark, pool, "id"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8})
  void addedIdsOfOneJsonlFileSplitAnyWayGiveTheLocalTable(int partitions) {
    Path file = TestData.jsonl(dir.resolve("pool"), POOL, 1);
    if (partitions > 1) {
      long bytes = file.toFile().length();
      spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(bytes / partitions + 1));
    }
    Dataset<Row> pool = spark.read().json(file.toString());
    assertEquals(partitions, pool.rdd().getNumPartitions());
    TestData.assertSameTable(local(POOL), spark(spark, pool, null));
  }

  @Test
  void addedIdsOfAFolderOfPartFilesFollowTheSortedFiles() {
    Path folder = TestData.jsonl(dir.resolve("parts"), POOL, 5);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "45000");
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    Dataset<Row> pool = spark.read().json(folder.toString());
    assertTrue(pool.rdd().getNumPartitions() > 5, "files split and packed: " + pool.rdd().getNumPartitions());
    TestData.assertSameTable(local(POOL), spark(spark, pool, null));
  }

  @Test
  void addedIdsOfParquetPartFilesAreStableAcrossRuns() {
    String path = dir.resolve("pool.parquet").toString();
    TestData.frame(spark, POOL, "float").drop("id").repartition(4).write().mode(SaveMode.Overwrite).parquet(path);
    // the part files hold the rows in the repartition's order: the ids follow the files, so two
    // runs over differently split reads must agree
    Dataset<Row> read = spark.read().parquet(path);
    int partitions = read.rdd().getNumPartitions();
    NeighbourTable first = spark(spark, read, null);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "30000");
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    Dataset<Row> again = spark.read().parquet(path);
    assertTrue(again.rdd().getNumPartitions() > partitions, again.rdd().getNumPartitions() + " vs " + partitions);
    TestData.assertSameTable(first, spark(spark, again, null));
  }

  @Test
  void aReshuffledPoolWithoutIdsIsRefused() {
    Path file = TestData.jsonl(dir.resolve("pool"), POOL, 1);
    Dataset<Row> shuffled = spark.read().json(file.toString()).repartition(3);
    GioInputExceptionAssert.assertMessage(
        () -> spark(spark, shuffled, null), "pool: its rows were reordered after reading");
  }

  @Test
  void theScanCarriesTheVectorsSoAddedIdsNeedNoSecondPass() {
    Path file = TestData.jsonl(dir.resolve("pool"), POOL, 1);
    spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(file.toFile().length() / 4 + 1));
    PreparedRows rows = PreparedRows.of("pool", spark.read().json(file.toString()), "embedding", null, DIM);
    assertEquals(4, rows.internalRows().getNumPartitions());
    SparkNeighbourTables.Built carried = SparkNeighbourTables.build(
        spark, rows, TARGET, DEPTH, m -> RowSample.sorted(m, SAMPLE, SEED), "", true);
    assertEquals(0, carried.fetchedRows(), "listed rows and sample came out of the scan");
    TestData.assertSameTable(local(POOL), carried.table());
    SparkNeighbourTables.Built fetched = SparkNeighbourTables.build(
        spark, rows, TARGET, DEPTH, m -> RowSample.sorted(m, SAMPLE, SEED), "", false);
    assertEquals(carried.table().listed().size() + SAMPLE, fetched.fetchedRows()
        + countShared(carried.table()), "without carrying, the second pass fetches listed + sample");
    TestData.assertSameTable(local(POOL), fetched.table());
  }

  @Test
  void withUserIdsOnlyTheSampleIsFetched() {
    Dataset<Row> pool = TestData.frame(spark, POOL, "float").repartition(3);
    PreparedRows rows = PreparedRows.of("pool", pool, "embedding", "id", DIM);
    SparkNeighbourTables.Built built = SparkNeighbourTables.build(
        spark, rows, TARGET, DEPTH, m -> RowSample.sorted(m, SAMPLE, SEED), "", true);
    NeighbourTable table = built.table();
    assertEquals(SAMPLE - countShared(table), built.fetchedRows(), "the sample rows the table does not list");
    TestData.assertSameTable(local(POOL), table);
  }

  @Test
  void theCarryBoundAndTreeDepth() {
    assertTrue(SparkNeighbourTables.carries(1000, 128, 128), "the benchmark's 1,000 × 128 × 128: 67 MB");
    assertFalse(SparkNeighbourTables.carries(10_000, 128, 768), "10,000 targets × 768-d: 3.9 GB in the worst case");
    assertEquals(2, SparkNeighbourTables.treeDepth(1));
    assertEquals(2, SparkNeighbourTables.treeDepth(16));
    assertEquals(3, SparkNeighbourTables.treeDepth(40));
    assertEquals(5, SparkNeighbourTables.treeDepth(1000));
  }

  /** Sample rows that the table also lists. */
  private static int countShared(NeighbourTable table) {
    int shared = 0;
    for (long id : table.sampleIds()) {
      for (int i = 0; i < table.listed().size(); i++) {
        if (table.listedId(i) == id) {
          shared++;
          break;
        }
      }
    }
    return shared;
  }
}
