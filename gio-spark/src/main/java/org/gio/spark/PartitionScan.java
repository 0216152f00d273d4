package org.gio.spark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.gio.core.GioInputException;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.table.PartialTable;
import org.gio.core.vectors.VectorSet;

/**
 * The first job's task: one partition's rows, in chunks of {@link NeighbourTables#chunkRows} rows,
 * through the same {@link NeighbourTableBuilder} scan as one machine, giving that partition's
 * {@link PartitionTable}.
 */
final class PartitionScan implements FlatMapFunction<Iterator<InternalRow>, PartitionTable>,
    Function2<Integer, Iterator<InternalRow>, Iterator<PartitionTable>> {
  private static final long serialVersionUID = 1L;

  private final PoolRows rows;
  private final Broadcast<float[]> target;
  private final int depth;
  private final String backend;
  private final boolean carry;
  private final Broadcast<long[]> sample;
  private final Broadcast<RowFetch.Rows> seeds;
  private final int skip;

  /**
   * @param carry whether to carry the held rows' vectors out with the table ({@link CarriedRows})
   * @param sample the density sample's ids (ascending) to carry too, or null when unknown
   */
  PartitionScan(PoolRows rows, Broadcast<float[]> target, int depth, String backend, boolean carry, Broadcast<long[]> sample) {
    this(rows, target, depth, backend, carry, sample, null, -1);
  }

  /**
   * @param seeds rows of another partition (ascending ids) offered first, so the scan starts with
   *     tight bounds; they are taken out of the table at the end, or null
   * @param skip a partition index whose rows are not read here (the seeds' own partition), or -1
   */
  PartitionScan(PoolRows rows, Broadcast<float[]> target, int depth, String backend, boolean carry, Broadcast<long[]> sample,
      Broadcast<RowFetch.Rows> seeds, int skip) {
    this.rows = rows;
    this.target = target;
    this.depth = depth;
    this.backend = backend;
    this.carry = carry;
    this.sample = sample;
    this.seeds = seeds;
    this.skip = skip;
  }

  @Override
  public Iterator<PartitionTable> call(Integer index, Iterator<InternalRow> partition) {
    if (index == skip) { // scanned before, alone: an empty table
      int n = target.value().length / rows.dim();
      return List.of(new PartitionTable(new PartialTable(n, depth), 0, "", rows.addedIds() ? new HashMap<>() : null,
          carry ? new CarriedRows(rows.dim()) : null, sample == null ? null : sample.value())).iterator();
    }
    return call(partition);
  }

  @Override
  public Iterator<PartitionTable> call(Iterator<InternalRow> partition) {
    int d = rows.dim();
    float[] x = target.value();
    NeighbourTableBuilder builder = Kernels.builder(backend);
    NeighbourTableBuilder.Scan scan = builder.start(VectorSet.wrap(x, x.length / d, d), depth);
    RowFetch.Rows seeded = seeds == null ? null : seeds.value();
    if (seeded != null && seeded.ids().length > 0) {
      scan.add(seeded.ids(), VectorSet.wrap(seeded.data(), seeded.ids().length, d));
    }
    int chunkRows = NeighbourTables.chunkRows(d);
    float[] data = new float[chunkRows * d];
    long[] ids = new long[chunkRows];
    int[] filled = {0};
    long[] count = {0};
    long[] sampleIds = sample == null ? null : sample.value();
    CarriedRows carried = carry ? new CarriedRows(d) : null;
    java.util.Map<String, Long> splits = rows.forEach(partition, (id, vector) -> {
      int r = filled[0];
      for (int j = 0, o = r * d; j < d; j++) {
        data[o + j] = vector.getFloat(j);
      }
      ids[r] = id;
      count[0]++;
      if (++filled[0] == chunkRows) {
        add(scan, ids, VectorSet.wrap(data, chunkRows, d));
        if (carried != null) {
          carried.update(ids, data, chunkRows, scan.table().heldIds(), sampleIds);
        }
        filled[0] = 0;
      }
    });
    if (filled[0] > 0) {
      int r = filled[0];
      add(scan, Arrays.copyOf(ids, r), VectorSet.wrap(Arrays.copyOf(data, r * d), r, d));
      if (carried != null) {
        carried.update(ids, data, r, scan.table().heldIds(), sampleIds);
      }
    }
    PartialTable table = seeded == null ? scan.table() : withoutSeeds(scan.table(), seeded.ids());
    if (carried != null && seeded != null) {
      carried.retain(table.heldIds(), sampleIds);
    }
    return List.of(new PartitionTable(table, count[0], builder.name(), splits, carried, sampleIds)).iterator();
  }

  /**
   * The table without the seed rows' entries. Exact: a row of this partition in the final table
   * has fewer than L rows of the whole pool before it, so fewer among seeds and this partition's
   * rows; it is kept here, and the merge of all partitions restores the top L.
   */
  static PartialTable withoutSeeds(PartialTable table, long[] seedIds) {
    PartialTable out = new PartialTable(table.targets(), table.depth());
    for (int t = 0; t < table.targets(); t++) {
      long[] ids = table.ids(t);
      double[] distances = table.distances(t);
      for (int e = 0; e < ids.length; e++) {
        if (Arrays.binarySearch(seedIds, ids[e]) < 0) {
          out.offer(t, ids[e], distances[e]);
        }
      }
    }
    return out;
  }

  /** One chunk into the scan; a bad row found there is named as {@code gio select} names it. */
  private void add(NeighbourTableBuilder.Scan scan, long[] ids, VectorSet chunk) {
    try {
      scan.add(ids, chunk);
    } catch (GioInputException e) {
      throw new GioInputException(rows.what() + ": " + e.getMessage(), e);
    }
  }
}
