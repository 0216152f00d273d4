package org.gio.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.gio.core.GioInputException;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.VectorSet;

/**
 * The first job's task: one partition's rows, in chunks of {@link NeighbourTables#chunkRows} rows,
 * through the same {@link NeighbourTableBuilder} scan as one machine, giving that partition's
 * {@link PartitionTable}.
 */
final class PartitionScan implements FlatMapFunction<Iterator<InternalRow>, PartitionTable> {
  private static final long serialVersionUID = 1L;

  private final PoolRows rows;
  private final Broadcast<float[]> target;
  private final int depth;
  private final String backend;
  private final boolean carry;
  private final Broadcast<long[]> sample;

  /**
   * @param carry whether to carry the held rows' vectors out with the table ({@link CarriedRows})
   * @param sample the density sample's ids (ascending) to carry too, or null when unknown
   */
  PartitionScan(PoolRows rows, Broadcast<float[]> target, int depth, String backend, boolean carry, Broadcast<long[]> sample) {
    this.rows = rows;
    this.target = target;
    this.depth = depth;
    this.backend = backend;
    this.carry = carry;
    this.sample = sample;
  }

  @Override
  public Iterator<PartitionTable> call(Iterator<InternalRow> partition) {
    int d = rows.dim();
    float[] x = target.value();
    NeighbourTableBuilder builder = Kernels.builder(backend);
    NeighbourTableBuilder.Scan scan = builder.start(VectorSet.wrap(x, x.length / d, d), depth);
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
    return List.of(new PartitionTable(scan.table(), count[0], builder.name(), splits, carried, sampleIds)).iterator();
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
