package org.gio.spark;

import java.io.Serializable;
import org.gio.core.table.PartialTable;

/**
 * What one partition's scan sends to the driver: its partial table (ids and distances only), how
 * many rows it read, and the builder that ran (for the report). Merging is the partial tables'
 * merge, so the result does not depend on the tree's shape.
 */
final class PartitionTable implements Serializable {
  private static final long serialVersionUID = 1L;

  final PartialTable table;
  long rows;
  String builder;
  /** Rows read per file split (added ids), checked on the driver; null for user ids. */
  java.util.Map<String, Long> splits;
  /** The vectors of the rows the table holds (and of the sample's rows); null when not carried. */
  final CarriedRows carried;
  /** The density sample's ids, ascending, when known before the scan; else null. */
  final long[] sample;

  PartitionTable(PartialTable table, long rows, String builder, java.util.Map<String, Long> splits,
      CarriedRows carried, long[] sample) {
    this.table = table;
    this.rows = rows;
    this.builder = builder;
    this.splits = splits;
    this.carried = carried;
    this.sample = sample;
  }

  PartitionTable merge(PartitionTable other) {
    table.merge(other.table);
    if (carried != null) {
      carried.merge(other.carried, table.heldIds(), sample);
    }
    rows += other.rows;
    splits = PoolRows.mergeSplits(splits, other.splits);
    if (builder.isEmpty()) {
      builder = other.builder;
    } else if (!other.builder.isEmpty() && !builder.contains(other.builder)) {
      builder = builder + "," + other.builder; // executors with different kernels
    }
    return this;
  }
}
