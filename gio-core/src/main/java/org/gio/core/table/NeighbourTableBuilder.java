package org.gio.core.table;

import org.gio.core.vectors.VectorSet;

/**
 * The kernel SPI of the neighbour table (DESIGN.md, "Scale"): a scan that receives pool rows in
 * chunks and keeps, for every target row, its L nearest under the exact distance of {@link
 * ExactDistance}, ties by row id. Core's {@link BlockedNeighbourTableBuilder} screens with the
 * bound {@link org.gio.core.vectors.VectorOps}' sgemm-shaped kernel; backends may bind a faster
 * one. Whatever the implementation, the same rows give the same {@link PartialTable}.
 *
 * <p>One machine drives scans with {@link NeighbourTables#build}; gio-spark runs one per
 * partition and merges the partial tables.
 */
public interface NeighbourTableBuilder {

  /** A short name for logs and reports. */
  String name();

  /** Starts a scan for {@code target} keeping {@code depth} rows per target row. */
  Scan start(VectorSet target, int depth);

  /**
   * One scan: not thread-safe (run one per thread and merge their tables). The target's
   * preparation (norms, packing) may be shared between scans started from the same builder call
   * through {@link #fork}.
   */
  interface Scan {
    /**
     * Offers rows {@code [from, to)} of {@code chunk}, whose row r has id {@code firstId + r}.
     *
     * @throws org.gio.core.GioInputException when a row is not finite (naming its id)
     */
    void add(long firstId, VectorSet chunk, int from, int to);

    /** Offers every row of {@code chunk}; row r has id {@code ids[r]} (ids need not be consecutive). */
    void add(long[] ids, VectorSet chunk);

    /** Another scan of the same target and depth, sharing this one's prepared target. */
    Scan fork();

    /** The rows kept so far (the scan's own table: later adds change it). */
    PartialTable table();
  }
}
