package org.gio.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.PartialTable;
import org.gio.core.vectors.VectorSet;

/**
 * Builds the {@link NeighbourTable} of a pool held in a Spark {@link Dataset}: the same table as
 * {@link org.gio.core.table.NeighbourTables#build} on the same rows and ids, whatever the
 * partitioning (DESIGN.md, invariant 7).
 *
 * <ol>
 *   <li>the target is broadcast; each partition scans its rows with the bound {@link
 *       org.gio.core.table.NeighbourTableBuilder} into a partial table (ids and exact distances)
 *       and carries out the vectors of the rows that table still holds, and of the density
 *       sample's rows when their ids are known before the scan (added ids: M is known from the
 *       split counts), see {@link CarriedRows};
 *   <li>the partial tables merge by {@code treeReduce}: the merge is a top-L under the total order
 *       (distance, id), so the tree's shape does not matter; the carried rows merge with them,
 *       keeping those the merged table holds; the tree is deep enough that about four results
 *       reach the driver;
 *   <li>only the rows still missing (the sample for user ids; everything when a partition's worst
 *       case would exceed {@link #CARRY_BYTES}) are fetched by a second, filtered job, one
 *       partition at a time, so no single result comes near {@code spark.driver.maxResultSize};
 *   <li>the driver assembles the table.
 * </ol>
 *
 * <p>Driver memory: n·L·16 bytes for the merged partial table and (listed + S)·(4d + 8) bytes
 * for the carried vectors, per partial result in flight (about four), then the {@link
 * NeighbourTable}'s own size.
 */
public final class SparkNeighbourTables {
  private SparkNeighbourTables() {}

  /** What the build produced, with the builder that ran on the executors and its phases' times. */
  /**
   * What the build produced, with the builder that ran on the executors, its phases' times, and
   * how many rows a second pass had to fetch (0 when the scan carried them all).
   */
  public record Built(NeighbourTable table, String builder, double scanMillis, double fetchMillis, int fetchedRows) {}

  /** The most a partition's carried vectors may take in the worst case (see {@link #carries}). */
  static final long CARRY_BYTES = 256L << 20;

  /**
   * @param column the pool's vector column (array of numbers or ML vector)
   * @param idColumn the pool's unique long id column, or null to number rows by file and position
   * @param depth L, rows kept per target row
   * @param sampleRanks given the pool's row count M, the density sample's row ranks (ascending,
   *     in [0, M)); a row's rank is its id's position among the sorted ids (its id, for added ids)
   * @param backend a compute backend's name for the executors' kernels, or "" for the best one
   */
  public static Built build(
      SparkSession spark, Dataset<Row> pool, VectorSet target, String column, String idColumn, int depth,
      LongFunction<long[]> sampleRanks, String backend) {
    PreparedRows rows = PreparedRows.of("pool", pool, column, idColumn, target.dim());
    return build(spark, rows, target, depth, sampleRanks, backend);
  }

  static Built build(
      SparkSession spark, PreparedRows rows, VectorSet target, int depth, LongFunction<long[]> sampleRanks, String backend) {
    return build(spark, rows, target, depth, sampleRanks, backend, carries(target.size(), depth, rows.dim()));
  }

  /** @param carry whether the scan carries the vectors (else the second pass fetches them all) */
  static Built build(SparkSession spark, PreparedRows rows, VectorSet target, int depth, LongFunction<long[]> sampleRanks,
      String backend, boolean carry) {
    rows.requireRows();
    rows.requireUniqueIds();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long start = System.nanoTime();
    // added ids: M is known from the split counts, so the sample's ids are too, and travel with the scan
    long[] knownSample = rows.addedIds() ? sampleRanks.apply(rows.rows) : null;
    PartitionTable merged = scan(spark, rows, target, depth, backend, carry, knownSample);
    long poolRows = merged.rows;
    if (rows.addedIds()) {
      rows.reader.requireWholeSplits(merged.splits, rows.rows);
    }
    double scanMillis = (System.nanoTime() - start) / 1e6;

    start = System.nanoTime();
    long[] listed = NeighbourTable.listedIds(merged.table);
    long[] sampleIds = knownSample != null ? knownSample : idsAtRanks(rows, sampleRanks.apply(poolRows));
    long[] union = LongStream.concat(Arrays.stream(listed), Arrays.stream(sampleIds)).sorted().distinct().toArray();
    long[] carriedIds = merged.carried == null ? new long[0] : merged.carried.ids();
    long[] missing = Arrays.stream(union).filter(id -> Arrays.binarySearch(carriedIds, id) < 0).toArray();
    float[] fetched = missing.length == 0 ? new float[0] : Jobs.described(spark, Jobs.FETCH, () -> fetch(jsc, rows, missing));
    float[] vectors = gather(union, carriedIds, merged.carried == null ? new float[0] : merged.carried.data(), missing, fetched,
        rows.dim());
    NeighbourTable table = NeighbourTable.assemble(
        merged.table, poolRows, pick(vectors, union, listed, rows.dim()), sampleIds, pick(vectors, union, sampleIds, rows.dim()));
    return new Built(table, merged.builder, scanMillis, (System.nanoTime() - start) / 1e6, missing.length);
  }

  /**
   * Whether the scan carries the held rows' vectors: when a partition's worst case, every one of
   * the n·L entries a distinct row, stays within {@link #CARRY_BYTES} (else a second pass fetches them).
   */
  static boolean carries(int targets, int depth, int dim) {
    return (long) targets * depth * (4L * dim + 8) <= CARRY_BYTES;
  }

  /** The tree's depth: about four partial results reach the driver, whatever the partition count. */
  static int treeDepth(int partitions) {
    return Math.max(2, (int) Math.ceil(Math.log(Math.max(partitions, 1)) / Math.log(4)));
  }

  /** The first pass alone: the merged partial table (for tests and benchmarks), carrying no vectors. */
  static PartitionTable scan(SparkSession spark, PreparedRows rows, VectorSet target, int depth, String backend) {
    return scan(spark, rows, target, depth, backend, false, null);
  }

  static PartitionTable scan(
      SparkSession spark, PreparedRows rows, VectorSet target, int depth, String backend, boolean carry, long[] sample) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<float[]> x = jsc.broadcast(Arrays.copyOf(target.data(), target.size() * target.dim()));
    Broadcast<long[]> s = sample == null ? null : jsc.broadcast(sample);
    try {
      JavaRDD<InternalRow> all = rows.internalRows();
      int tree = treeDepth(all.getNumPartitions());
      return Jobs.described(spark, Jobs.SCAN, () -> all
          .mapPartitions(new PartitionScan(rows.reader, x, depth, backend, carry, s))
          .treeReduce(PartitionTable::merge, tree));
    } finally {
      x.destroy();
      if (s != null) {
        s.destroy();
      }
    }
  }

  /** The vectors of {@code union}, row-major, from the carried rows and the fetched ones (both ascending). */
  private static float[] gather(long[] union, long[] carriedIds, float[] carried, long[] fetchedIds, float[] fetched, int d) {
    float[] out = new float[Math.multiplyExact(union.length, d)];
    for (int i = 0; i < union.length; i++) {
      int at = Arrays.binarySearch(carriedIds, union[i]);
      if (at >= 0) {
        System.arraycopy(carried, at * d, out, i * d, d);
      } else {
        System.arraycopy(fetched, Arrays.binarySearch(fetchedIds, union[i]) * d, out, i * d, d);
      }
    }
    return out;
  }

  /**
   * The vectors of rows {@code union} (ascending ids), row-major in that order. The filtered rows
   * are cached on the executors by one parallel job, then fetched a partition at a time.
   */
  private static float[] fetch(JavaSparkContext jsc, PreparedRows rows, long[] union) {
    int d = rows.dim();
    float[] out = new float[Math.multiplyExact(union.length, d)];
    if (union.length == 0) {
      return out;
    }
    Broadcast<long[]> wanted = jsc.broadcast(union);
    JavaRDD<RowFetch.Rows> found = rows.internalRows().mapPartitions(new RowFetch(rows.reader, wanted));
    found.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      found.count();
      int seen = 0;
      for (Iterator<RowFetch.Rows> it = found.toLocalIterator(); it.hasNext(); ) {
        RowFetch.Rows batch = it.next();
        for (int r = 0; r < batch.ids().length; r++) {
          int at = Arrays.binarySearch(union, batch.ids()[r]);
          System.arraycopy(batch.data(), r * d, out, at * d, d);
          seen++;
        }
      }
      if (seen != union.length) {
        throw new IllegalStateException(seen + " of " + union.length + " wanted rows came back; did the pool change during the run?");
      }
      return out;
    } finally {
      found.unpersist(false);
      wanted.destroy();
    }
  }

  /** The ids at the given ranks of the sorted ids (user ids: one sort of the id column). */
  private static long[] idsAtRanks(PreparedRows rows, long[] ranks) {
    if (ranks.length == 0) {
      return ranks;
    }
    JavaRDD<Long> ids = rows.prepared.select("id").as(Encoders.LONG()).javaRDD();
    long[] wanted = ranks.clone();
    Arrays.sort(wanted);
    return ids.sortBy(id -> id, true, ids.getNumPartitions())
        .zipWithIndex()
        .filter(p -> Arrays.binarySearch(wanted, p._2()) >= 0)
        .map(p -> p._1())
        .collect()
        .stream()
        .mapToLong(Long::longValue)
        .sorted()
        .toArray();
  }

  private static VectorSet pick(float[] vectors, long[] union, long[] wanted, int d) {
    float[] out = new float[Math.multiplyExact(wanted.length, d)];
    for (int i = 0; i < wanted.length; i++) {
      System.arraycopy(vectors, Arrays.binarySearch(union, wanted[i]) * d, out, i * d, d);
    }
    return VectorSet.wrap(out, wanted.length, d);
  }
}
