package org.gio.core.select;

import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;

/** Test helper: the neighbour table of an in-memory pool (with depth = pool size, listed = pool). */
final class GainTables {
  private GainTables() {}

  static NeighbourTable of(VectorOps ops, VectorSet pool, VectorSet target, int depth) {
    return NeighbourTables.build(
        new BlockedNeighbourTableBuilder(ops), VectorSource.of(pool), target, depth, new long[0], 1);
  }
}
