package org.gio.ann;

import org.apache.lucene.util.Bits;

/**
 * The available pool rows as a permutation split in two: {@code rows[0, count)} are available,
 * the rest removed. Removing swaps a row past the boundary and refilling moves the boundary back,
 * so both are O(1) per row (refill is O(1) in all), membership is one comparison, and the exact
 * fallback scans only the live rows. Doubles as the accept filter ({@link Bits}) for Lucene's
 * search.
 */
final class AvailableRows implements Bits {
  private final int[] rows;
  private final int[] position;
  private int count;

  AvailableRows(int size) {
    rows = new int[size];
    position = new int[size];
    for (int i = 0; i < size; i++) {
      rows[i] = i;
      position[i] = i;
    }
    count = size;
  }

  int count() {
    return count;
  }

  boolean all() {
    return count == rows.length;
  }

  /** The i-th available row, 0 ≤ i < count(), in no particular order. */
  int row(int i) {
    return rows[i];
  }

  void remove(int row) {
    java.util.Objects.checkIndex(row, rows.length);
    int p = position[row];
    if (p >= count) {
      throw new IllegalStateException("pool row " + row + " was already removed");
    }
    int last = rows[--count];
    rows[p] = last;
    position[last] = p;
    rows[count] = row;
    position[row] = count;
  }

  void refill() {
    count = rows.length;
  }

  @Override
  public boolean get(int row) {
    return position[row] < count;
  }

  @Override
  public int length() {
    return rows.length;
  }
}
