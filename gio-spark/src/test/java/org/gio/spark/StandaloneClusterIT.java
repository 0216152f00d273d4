package org.gio.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskEndReason;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.gio.core.table.NeighbourTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed table on a real standalone cluster (a Master and two Workers, separate JVMs, the
 * job's classes from the assembly jar): the same table as one machine; and with one Worker and its
 * executors SIGKILLed while the scan stage runs, failed tasks are retried and the table is still
 * the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  @TempDir static Path dir;
  static StandaloneCluster cluster;
  static SparkSession spark;
  static final ScanTasks tasks = new ScanTasks();

  @BeforeAll
  static void start() throws Exception {
    cluster = new StandaloneCluster(dir, 2);
    String executorOptions = String.join(" ", cluster.opens) + " --add-modules jdk.incubator.vector";
    spark = SparkSession.builder()
        .master(cluster.url())
        .appName("gio-spark-cluster-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.jars", System.getProperty("gio.spark.jar") + "," + System.getProperty("gio.spark.testJar"))
        .config("spark.executor.memory", "512m")
        .config("spark.executor.extraJavaOptions", executorOptions)
        .config("spark.cores.max", "2")
        .config("spark.task.maxFailures", "4")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    spark.sparkContext().addSparkListener(tasks);
  }

  @AfterAll
  static void stop() {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  @Order(1)
  void theClusterBuildsTheLocalTable() {
    Path file = TestData.jsonl(dir.resolve("pool"), SparkNeighbourTablesTest.POOL, 3);
    Dataset<Row> pool = spark.read().json(file.toString());
    NeighbourTable table = SparkNeighbourTablesTest.spark(spark, pool, null);
    TestData.assertSameTable(SparkNeighbourTablesTest.local(SparkNeighbourTablesTest.POOL), table);
  }

  @Test
  @Order(2)
  void killingAWorkerMidScanRetriesItsTasksAndGivesTheSameTable() throws Exception {
    spark.udf().register("slow_id", new SlowIds(12_000), DataTypes.LongType); // 500 rows: 6 s a task
    Dataset<Row> pool = TestData.frame(spark, SparkNeighbourTablesTest.POOL, "float")
        .repartition(4)
        .withColumn("id", functions.callUDF("slow_id", functions.col("id")));
    tasks.killWhenRunning = new CountDownLatch(1);
    Thread killer = new Thread(() -> {
      try {
        if (tasks.killWhenRunning.await(120, TimeUnit.SECONDS)) {
          Thread.sleep(1500); // well inside the task's slow rows
          tasks.killed = cluster.kill(0);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    killer.start();
    NeighbourTable table = SparkNeighbourTablesTest.spark(spark, pool, "id");
    killer.join(TimeUnit.SECONDS.toMillis(130));
    assertFalse(tasks.killed.isEmpty(), "the worker was killed");
    assertTrue(tasks.failed.get() > 0, "a scan task failed");
    assertTrue(tasks.retried.get() > 0, "a scan task was retried");
    TestData.assertSameTable(SparkNeighbourTablesTest.local(SparkNeighbourTablesTest.POOL), table);
  }

  /** Watches the scan's stages: signals when a task runs, counts failed and retried tasks. */
  static final class ScanTasks extends SparkListener {
    final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    /** The scan job's last stage: the one that runs the partitions' scans (and the slow ids). */
    final Set<Integer> scanStages = ConcurrentHashMap.newKeySet();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    volatile CountDownLatch killWhenRunning = new CountDownLatch(0);
    volatile List<Long> killed = List.of();

    @Override
    public void onJobStart(SparkListenerJobStart job) {
      if (Jobs.SCAN.equals(job.properties().getProperty(Jobs.DESCRIPTION))) {
        job.stageIds().foreach(id -> stages.add((Integer) id));
        scanStages.add((Integer) job.stageIds().max(scala.math.Ordering.Int$.MODULE$));
      }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
      if (stages.contains(start.stageId())) {
        if (start.taskInfo().attemptNumber() > 0) {
          retried.incrementAndGet();
        }
        if (scanStages.contains(start.stageId())) {
          killWhenRunning.countDown();
        }
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TaskEndReason reason = end.reason();
      if (stages.contains(end.stageId()) && reason != Success$.MODULE$) {
        failed.incrementAndGet();
      }
    }
  }
}
