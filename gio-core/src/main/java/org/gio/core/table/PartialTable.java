package org.gio.core.table;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The L nearest pool rows seen so far for each of n target rows: (row id, exact squared distance)
 * pairs, ordered by the total order (distance, then id). A scan over some of the pool's rows
 * produces one; two of them {@link #merge} into the table of the union of their rows. Because the
 * order is total and the distances exact (the same on every machine, see {@link ExactDistance}),
 * the merged table is the same whatever the split of the pool and whatever order partial tables
 * are merged in: the property the threaded scan and Spark's tree aggregation rely on.
 *
 * <p>Each target row keeps a bounded max-heap (the worst kept entry on top), so {@link #bound}
 * is the running L-th distance a scan filters against. Memory: n·L·(8 + 8) bytes. Serializable
 * (plain arrays) so Spark can ship it between executors and the driver. Not thread-safe.
 */
public final class PartialTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int targets;
  private final int depth;
  private final double[] distance;
  private final long[] id;
  private final int[] count;

  /** An empty table for {@code targets} target rows, keeping {@code depth} rows each. */
  public PartialTable(int targets, int depth) {
    if (targets <= 0 || depth <= 0) {
      throw new IllegalArgumentException("targets and depth must be positive: " + targets + ", " + depth);
    }
    this.targets = targets;
    this.depth = depth;
    this.distance = new double[Math.multiplyExact(targets, depth)];
    this.id = new long[distance.length];
    this.count = new int[targets];
  }

  public int targets() {
    return targets;
  }

  /** L, the number of rows kept per target row. */
  public int depth() {
    return depth;
  }

  /** How many rows target row {@code t} holds (L once the scan has seen L rows). */
  public int count(int t) {
    return count[t];
  }

  /**
   * The squared distance a new row must not exceed to enter target row {@code t}'s list: its
   * L-th kept distance, +∞ while fewer than L are kept. A row at exactly the bound may still enter
   * when its id is smaller (ties go by id).
   */
  public double bound(int t) {
    return count[t] < depth ? Double.POSITIVE_INFINITY : distance[t * depth];
  }

  /** Offers pool row {@code row} at exact squared distance {@code squared} to target row t. */
  public void offer(int t, long row, double squared) {
    int base = t * depth;
    int n = count[t];
    if (n < depth) {
      distance[base + n] = squared;
      id[base + n] = row;
      count[t] = n + 1;
      siftUp(base, n);
    } else if (before(squared, row, distance[base], id[base])) {
      distance[base] = squared;
      id[base] = row;
      siftDown(base, depth);
    }
  }

  /** Adds every entry of {@code other} (same shape) to this table; returns this. */
  public PartialTable merge(PartialTable other) {
    if (other.targets != targets || other.depth != depth) {
      throw new IllegalArgumentException(
          "cannot merge a " + other.targets + "×" + other.depth + " table into a " + targets + "×" + depth + " one");
    }
    for (int t = 0; t < targets; t++) {
      int base = t * depth;
      for (int e = 0; e < other.count[t]; e++) {
        offer(t, other.id[base + e], other.distance[base + e]);
      }
    }
    return this;
  }

  /**
   * The distinct row ids held anywhere in the table, ascending (cheaper than {@link
   * NeighbourTable#listedIds}: no per-row ordering), for a scan that keeps the held rows' vectors.
   */
  public long[] heldIds() {
    long[] all = new long[Arrays.stream(count).sum()];
    int n = 0;
    for (int t = 0; t < targets; t++) {
      System.arraycopy(id, t * depth, all, n, count[t]);
      n += count[t];
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** Target row t's ids, nearest first (a new array of {@link #count} entries). */
  public long[] ids(int t) {
    return sorted(t).ids;
  }

  /** Target row t's squared distances, ascending (a new array of {@link #count} entries). */
  public double[] distances(int t) {
    return sorted(t).distances;
  }

  /** Target row t's entries in ascending (distance, id) order. */
  Entries sorted(int t) {
    int base = t * depth;
    int n = count[t];
    Integer[] order = new Integer[n];
    for (int e = 0; e < n; e++) {
      order[e] = e;
    }
    Arrays.sort(order, (a, b) -> before(distance[base + a], id[base + a], distance[base + b], id[base + b]) ? -1
        : a.equals(b) ? 0 : 1);
    long[] ids = new long[n];
    double[] distances = new double[n];
    for (int e = 0; e < n; e++) {
      ids[e] = id[base + order[e]];
      distances[e] = distance[base + order[e]];
    }
    return new Entries(ids, distances);
  }

  record Entries(long[] ids, double[] distances) {}

  /** The total order: (d1, r1) comes before (d2, r2). */
  static boolean before(double d1, long r1, double d2, long r2) {
    return d1 < d2 || (d1 == d2 && r1 < r2);
  }

  private void siftUp(int base, int i) {
    while (i > 0) {
      int p = (i - 1) / 2;
      if (!before(distance[base + p], id[base + p], distance[base + i], id[base + i])) {
        return;
      }
      swap(base + i, base + p);
      i = p;
    }
  }

  private void siftDown(int base, int size) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int c = l + 1 < size && before(distance[base + l], id[base + l], distance[base + l + 1], id[base + l + 1]) ? l + 1 : l;
      if (!before(distance[base + i], id[base + i], distance[base + c], id[base + c])) {
        return;
      }
      swap(base + i, base + c);
      i = c;
    }
  }

  private void swap(int a, int b) {
    double d = distance[a];
    distance[a] = distance[b];
    distance[b] = d;
    long r = id[a];
    id[a] = id[b];
    id[b] = r;
  }
}
