package org.gio.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.gio.core.vectors.VectorSet;

/**
 * The target, small by assumption, collected to the driver as a {@link VectorSet}: rows in file
 * order when they come from files (sorted paths, position), as {@code gio select} reads them, and
 * in the Dataset's own order otherwise. Its rows' order fixes the table's row order.
 */
final class TargetRows {
  private TargetRows() {}

  static VectorSet collect(Dataset<Row> target, String column) {
    PreparedRows rows = PreparedRows.fromFiles(target)
        ? PreparedRows.of("target", target, column, null, 0)
        : PreparedRows.of("target", target.withColumn("__gio_row", functions.monotonically_increasing_id()),
            column, "__gio_row", 0);
    List<RowFetch.Rows> batches = new ArrayList<>(rows.internalRows().mapPartitions(new RowFetch(rows.reader, null)).collect());
    int d = rows.dim();
    List<long[]> order = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      for (int r = 0; r < batches.get(b).ids().length; r++) {
        order.add(new long[] {batches.get(b).ids()[r], b, r});
      }
    }
    order.sort(Comparator.comparingLong(o -> o[0]));
    float[] data = new float[Math.multiplyExact(order.size(), d)];
    for (int i = 0; i < order.size(); i++) {
      long[] o = order.get(i);
      System.arraycopy(batches.get((int) o[1]).data(), (int) o[2] * d, data, i * d, d);
    }
    return VectorSet.wrap(data, order.size(), d).requireFinite("target");
  }
}
