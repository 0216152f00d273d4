package org.gio.core.table;

import java.util.Arrays;
import org.gio.core.vectors.VectorSet;

/**
 * Everything the default selection needs from the pool (DESIGN.md, "Scale"): for each of the n
 * target rows its L nearest pool rows (global ids, exact squared distances, ascending, ties by
 * id), the vectors of the distinct rows so listed, re-indexed to dense ints ({@link #listed()}),
 * and a seeded sample of pool rows for the density term ({@link #sample()}).
 *
 * <p>Size, whatever the pool's size M: n·L·20 bytes for the entries (id, distance, dense index),
 * plus (4d + 8) bytes for each listed row and each sample row, so
 * {@code n·L·20 + (listed + S)·(4d + 8)}; in the worst case every entry names a different row,
 * listed = min(M, n·L): 2,000 × 128 × 768 gives at most 5 MB of entries and 787 MB of listed
 * vectors (on clustered data listed is a small fraction of n·L). Immutable.
 */
public final class NeighbourTable {
  private final int targets;
  private final int depth;
  private final long poolRows;
  private final long[] ids;
  private final double[] squared;
  private final int[] entry;
  private final long[] listedIds;
  private final VectorSet listed;
  private final long[] sampleIds;
  private final VectorSet sample;

  private NeighbourTable(
      int targets, int depth, long poolRows, long[] ids, double[] squared, int[] entry,
      long[] listedIds, VectorSet listed, long[] sampleIds, VectorSet sample) {
    this.targets = targets;
    this.depth = depth;
    this.poolRows = poolRows;
    this.ids = ids;
    this.squared = squared;
    this.entry = entry;
    this.listedIds = listedIds;
    this.listed = listed;
    this.sampleIds = sampleIds;
    this.sample = sample;
  }

  /**
   * The distinct pool rows {@code merged} lists, ascending: the rows whose vectors {@link
   * #assemble} needs.
   */
  public static long[] listedIds(PartialTable merged) {
    long[] all = new long[0];
    int size = 0;
    for (int t = 0; t < merged.targets(); t++) {
      long[] row = merged.ids(t);
      if (size + row.length > all.length) {
        all = Arrays.copyOf(all, Math.max(2 * all.length, size + row.length));
      }
      System.arraycopy(row, 0, all, size, row.length);
      size += row.length;
    }
    return Arrays.stream(all, 0, size).sorted().distinct().toArray();
  }

  /**
   * The table from a complete merged scan of all {@code poolRows} rows, the vectors of its listed
   * rows (in {@link #listedIds(PartialTable)} order) and the density sample.
   */
  public static NeighbourTable assemble(
      PartialTable merged, long poolRows, VectorSet listedVectors, long[] sampleIds, VectorSet sample) {
    int n = merged.targets();
    int depth = (int) Math.min(merged.depth(), poolRows);
    long[] listedIds = listedIds(merged);
    if (listedVectors.size() != listedIds.length) {
      throw new IllegalArgumentException(
          listedVectors.size() + " listed vectors for " + listedIds.length + " listed rows");
    }
    if (sample.size() != sampleIds.length) {
      throw new IllegalArgumentException(sample.size() + " sample vectors for " + sampleIds.length + " ids");
    }
    long[] ids = new long[n * depth];
    double[] squared = new double[n * depth];
    int[] entry = new int[n * depth];
    for (int t = 0; t < n; t++) {
      PartialTable.Entries e = merged.sorted(t);
      if (e.ids().length != depth) {
        throw new IllegalArgumentException(
            "target row " + t + " lists " + e.ids().length + " rows, expected " + depth
                + ": the scan did not see all " + poolRows + " pool rows");
      }
      System.arraycopy(e.ids(), 0, ids, t * depth, depth);
      System.arraycopy(e.distances(), 0, squared, t * depth, depth);
      for (int j = 0; j < depth; j++) {
        entry[t * depth + j] = Arrays.binarySearch(listedIds, e.ids()[j]);
      }
    }
    return new NeighbourTable(n, depth, poolRows, ids, squared, entry, listedIds, listedVectors, sampleIds, sample);
  }

  /**
   * A table from its parts as the accessors give them (for a checkpoint read back): target row t's
   * j-th entry at [t·depth + j] of {@code ids} and {@code squared}, every id listed in {@code
   * listedIds} (ascending), {@code listed} row i holding pool row listedIds[i]'s vector.
   *
   * @throws IllegalArgumentException when the parts do not fit together
   */
  public static NeighbourTable of(
      int targets, int depth, long poolRows, long[] ids, double[] squared, long[] listedIds,
      VectorSet listed, long[] sampleIds, VectorSet sample) {
    if (ids.length != (long) targets * depth || squared.length != ids.length
        || listed.size() != listedIds.length || sample.size() != sampleIds.length) {
      throw new IllegalArgumentException("table parts of different sizes");
    }
    int[] entry = new int[ids.length];
    for (int e = 0; e < ids.length; e++) {
      entry[e] = Arrays.binarySearch(listedIds, ids[e]);
      if (entry[e] < 0) {
        throw new IllegalArgumentException("entry " + e + " names pool row " + ids[e] + ", which is not listed");
      }
    }
    return new NeighbourTable(targets, depth, poolRows, ids.clone(), squared.clone(), entry,
        listedIds.clone(), listed, sampleIds.clone(), sample);
  }

  /** n, the number of target rows. */
  public int targets() {
    return targets;
  }

  /** L: rows listed per target row (the requested depth, or the pool's size if smaller). */
  public int depth() {
    return depth;
  }

  /** M, the number of pool rows the table was built from. */
  public long poolRows() {
    return poolRows;
  }

  /** The id of target row t's j-th nearest pool row (j from 0). */
  public long id(int t, int j) {
    return ids[t * depth + j];
  }

  /** Its exact squared distance. */
  public double squaredDistance(int t, int j) {
    return squared[t * depth + j];
  }

  /** Its index into {@link #listed()}. */
  public int listedIndex(int t, int j) {
    return entry[t * depth + j];
  }

  /** The vectors of the distinct listed rows, row i being pool row {@link #listedId}(i). */
  public VectorSet listed() {
    return listed;
  }

  /** The pool id of listed row i (ascending in i). */
  public long listedId(int i) {
    return listedIds[i];
  }

  /** The density sample's vectors, row i being pool row {@link #sampleId}(i). */
  public VectorSet sample() {
    return sample;
  }

  /** The pool id of sample row i (ascending in i). */
  public long sampleId(int i) {
    return sampleIds[i];
  }

  /** The sample's pool ids, ascending (a copy). */
  public long[] sampleIds() {
    return sampleIds.clone();
  }
}
