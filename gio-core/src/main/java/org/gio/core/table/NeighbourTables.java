package org.gio.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;

/**
 * Builds a {@link NeighbourTable} on one machine: one pass over the pool's chunks, each chunk split
 * among the threads (each with its own scan), the threads' partial tables merged, then one gather
 * of the listed rows and the density sample. The result does not depend on the thread count or
 * the chunk size (see {@link PartialTable}).
 */
public final class NeighbourTables {
  /** Values per chunk read from the source: 4,096 rows of 768 floats, 12 MB. */
  public static final int CHUNK_VALUES = 4096 * 768;

  /** Rows a thread takes from a chunk at a time (a multiple of the scans' row blocks). */
  static final int PIECE_ROWS = 4 * BlockedNeighbourScan.BLOCK;

  private NeighbourTables() {}

  /**
   * @param depth L, rows listed per target row (capped at the pool's size)
   * @param sampleIds the density sample's pool rows, ascending (may be empty)
   * @param threads worker threads (1: the calling thread only)
   */
  public static NeighbourTable build(
      NeighbourTableBuilder builder, VectorSource pool, VectorSet target, int depth, long[] sampleIds, int threads) {
    PartialTable merged = scan(builder, pool, target, depth, threads);
    long[] listedIds = NeighbourTable.listedIds(merged);
    VectorSet[] gathered = gatherBoth(pool, listedIds, sampleIds);
    return NeighbourTable.assemble(merged, pool.rows(), gathered[0], sampleIds, gathered[1]);
  }

  /** The first pass alone: the merged partial table of every pool row. */
  public static PartialTable scan(
      NeighbourTableBuilder builder, VectorSource pool, VectorSet target, int depth, int threads) {
    if (pool.dim() != target.dim()) {
      throw new IllegalArgumentException("pool rows have " + pool.dim() + " values, the target " + target.dim());
    }
    int l = (int) Math.max(1, Math.min(depth, pool.rows()));
    List<NeighbourTableBuilder.Scan> scans = new ArrayList<>();
    scans.add(builder.start(target, l));
    for (int i = 1; i < threads; i++) {
      scans.add(scans.get(0).fork());
    }
    ForkJoinPool workers = threads > 1 ? new ForkJoinPool(threads) : null;
    try {
      pool.forEachChunk(chunkRows(pool.dim()), (first, chunk) -> {
        int parts = scans.size();
        if (workers == null || chunk.size() < 2 * BlockedNeighbourScan.BLOCK) {
          scans.get(0).add(first, chunk, 0, chunk.size());
          return;
        }
        // Each thread's scan takes the next piece until none is left, not a fixed half: a thread
        // descheduled on a busy machine then holds up the chunk by one piece at most. Which scan
        // sees which rows does not change the merged table (PartialTable's total order).
        AtomicInteger next = new AtomicInteger();
        workers.submit(() -> IntStream.range(0, parts).parallel().forEach(p -> {
          for (int from; (from = next.getAndAdd(PIECE_ROWS)) < chunk.size(); ) {
            scans.get(p).add(first, chunk, from, Math.min(chunk.size(), from + PIECE_ROWS));
          }
        })).join();
      });
    } finally {
      if (workers != null) {
        workers.shutdown();
      }
    }
    PartialTable merged = scans.get(0).table();
    for (int i = 1; i < scans.size(); i++) {
      merged.merge(scans.get(i).table());
    }
    return merged;
  }

  /**
   * Rows per chunk at dimension d: a fixed number of values, so a chunk's cost (and the threads'
   * hand-off per chunk) is the same at d = 1 as at d = 768.
   */
  public static int chunkRows(int d) {
    return Math.max(4 * BlockedNeighbourScan.BLOCK, CHUNK_VALUES / d);
  }

  /** The listed rows and the sample rows, read together in one gather. */
  static VectorSet[] gatherBoth(VectorSource pool, long[] listed, long[] sample) {
    long[] union = java.util.stream.LongStream.concat(
        java.util.Arrays.stream(listed), java.util.Arrays.stream(sample)).sorted().distinct().toArray();
    VectorSet all = pool.gather(union);
    return new VectorSet[] {pick(all, union, listed), pick(all, union, sample)};
  }

  private static VectorSet pick(VectorSet all, long[] union, long[] wanted) {
    int[] rows = new int[wanted.length];
    for (int i = 0; i < wanted.length; i++) {
      rows[i] = java.util.Arrays.binarySearch(union, wanted[i]);
    }
    return all.select(rows);
  }
}
