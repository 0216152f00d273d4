package org.gio.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The second job's task: the vectors of the wanted rows (the table's listed rows and the density
 * sample; every row when {@code wanted} is null) that lie in this partition, as one {@link Rows}
 * batch.
 */
final class RowFetch implements FlatMapFunction<Iterator<InternalRow>, RowFetch.Rows> {
  private static final long serialVersionUID = 1L;

  private final PoolRows rows;
  private final Broadcast<long[]> wanted;

  RowFetch(PoolRows rows, Broadcast<long[]> wanted) {
    this.rows = rows;
    this.wanted = wanted;
  }

  /** Some rows' ids and their vectors, row-major. */
  record Rows(long[] ids, float[] data) implements Serializable {}

  @Override
  public Iterator<Rows> call(Iterator<InternalRow> partition) {
    long[] want = wanted == null ? null : wanted.value();
    int d = rows.dim();
    long[][] ids = {new long[16]};
    float[][] data = {new float[16 * d]};
    int[] n = {0};
    rows.forEach(partition, (id, vector) -> {
      if (want != null && Arrays.binarySearch(want, id) < 0) {
        return;
      }
      if (n[0] == ids[0].length) {
        ids[0] = Arrays.copyOf(ids[0], 2 * n[0]);
        data[0] = Arrays.copyOf(data[0], 2 * n[0] * d);
      }
      for (int j = 0, o = n[0] * d; j < d; j++) {
        data[0][o + j] = vector.getFloat(j);
      }
      ids[0][n[0]++] = id;
    });
    if (n[0] == 0) {
      return List.<Rows>of().iterator();
    }
    return List.of(new Rows(Arrays.copyOf(ids[0], n[0]), Arrays.copyOf(data[0], n[0] * d))).iterator();
  }
}
