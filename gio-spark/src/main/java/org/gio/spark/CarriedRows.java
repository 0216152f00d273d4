package org.gio.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The vectors a partition's scan carries out with its partial table, so that no second pass over
 * the pool is needed: the rows the table still holds, and the density sample's rows when their ids
 * are known before the scan. A row leaves the table only by being pushed out (the bound only
 * tightens, and a row is offered once), so keeping each chunk's held rows and dropping those
 * pushed out leaves exactly the final table's rows: at most n·L + sample rows.
 */
final class CarriedRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int dim;
  private long[] ids;
  private float[] data;
  private int size;
  private boolean sorted = true;

  CarriedRows(int dim) {
    this.dim = dim;
    this.ids = new long[16];
    this.data = new float[16 * dim];
  }

  /** Whether row {@code id} is wanted: held by the table ({@code held}, ascending) or in {@code sample}. */
  static boolean wanted(long id, long[] held, long[] sample) {
    return Arrays.binarySearch(held, id) >= 0 || (sample != null && Arrays.binarySearch(sample, id) >= 0);
  }

  /**
   * After a chunk was offered to the scan: drops the rows no longer held, then keeps the chunk's
   * wanted rows (row r of {@code chunk}, row-major, has id {@code chunkIds[r]}).
   */
  void update(long[] chunkIds, float[] chunk, int rows, long[] held, long[] sample) {
    retain(held, sample);
    for (int r = 0; r < rows; r++) {
      if (wanted(chunkIds[r], held, sample)) {
        add(chunkIds[r], chunk, r * dim);
      }
    }
  }

  /** The union of two partitions' rows (disjoint ids), keeping the wanted ones; returns this. */
  CarriedRows merge(CarriedRows other, long[] held, long[] sample) {
    retain(held, sample);
    for (int r = 0; r < other.size; r++) {
      if (wanted(other.ids[r], held, sample)) {
        add(other.ids[r], other.data, r * dim);
      }
    }
    return this;
  }

  /** The ids carried, ascending (sorts the rows once). */
  long[] ids() {
    sort();
    return Arrays.copyOf(ids, size);
  }

  /** The rows' vectors, row-major in {@link #ids} order. */
  float[] data() {
    sort();
    return Arrays.copyOf(data, size * dim);
  }

  int size() {
    return size;
  }

  private void retain(long[] held, long[] sample) {
    int kept = 0;
    for (int r = 0; r < size; r++) {
      if (wanted(ids[r], held, sample)) {
        if (kept != r) {
          ids[kept] = ids[r];
          System.arraycopy(data, r * dim, data, kept * dim, dim);
        }
        kept++;
      }
    }
    size = kept;
  }

  private void add(long id, float[] from, int offset) {
    if (size == ids.length) {
      int capacity = Math.max(16, 2 * size);
      ids = Arrays.copyOf(ids, capacity);
      data = Arrays.copyOf(data, capacity * dim);
    }
    if (size > 0 && id < ids[size - 1]) {
      sorted = false;
    }
    ids[size] = id;
    System.arraycopy(from, offset, data, size * dim, dim);
    size++;
  }

  private void sort() {
    if (sorted) {
      return;
    }
    long[] order = Arrays.copyOf(ids, size);
    Arrays.sort(order);
    float[] out = new float[size * dim];
    for (int r = 0; r < size; r++) {
      System.arraycopy(data, r * dim, out, Arrays.binarySearch(order, ids[r]) * dim, dim);
    }
    ids = order;
    data = out;
    sorted = true;
  }
}
