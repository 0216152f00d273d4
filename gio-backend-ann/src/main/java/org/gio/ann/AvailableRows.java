package org.gio.ann;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The available pool rows: one bit per row plus a count. Removing clears a bit (O(1)); refilling
 * sets them all again (n/64 word writes, so O(1) per row). The bits double as the accept filter
 * ({@link Bits}) for the graph search ({@link FlatHnswSearcher}), and the exact fallback walks the set bits in row order, so it
 * reads the pool sequentially and skips removed rows 64 at a time.
 */
final class AvailableRows implements Bits {
  private final FixedBitSet bits;
  private final int size;
  private int count;

  AvailableRows(int size) {
    this.size = size;
    this.bits = new FixedBitSet(Math.max(1, size));
    refill();
  }

  int count() {
    return count;
  }

  boolean all() {
    return count == size;
  }

  /** The first available row at or after {@code row}, or −1. */
  int next(int row) {
    if (row >= size) {
      return -1;
    }
    int next = bits.nextSetBit(row);
    return next == DocIdSetIterator.NO_MORE_DOCS ? -1 : next;
  }

  void remove(int row) {
    java.util.Objects.checkIndex(row, size);
    if (!bits.getAndClear(row)) {
      throw new IllegalStateException("pool row " + row + " was already removed");
    }
    count--;
  }

  void refill() {
    if (size > 0) {
      bits.set(0, size);
    }
    count = size;
  }

  @Override
  public boolean get(int row) {
    return bits.get(row);
  }

  @Override
  public int length() {
    return size;
  }
}
