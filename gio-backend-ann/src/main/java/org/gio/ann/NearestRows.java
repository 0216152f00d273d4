package org.gio.ann;

/**
 * The best {@code capacity} rows offered so far by exact squared distance, nearest first, ties to
 * the lower row index — the order {@link org.gio.core.search.ExactCandidateIndex} answers in, so
 * re-ranked graph results and scans agree with it. Insertion sort: capacities are small (ef).
 */
final class NearestRows {
  private final int[] rows;
  private final double[] distances;
  private int size;

  NearestRows(int capacity) {
    rows = new int[capacity];
    distances = new double[capacity];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }

  /** Whether {@code capacity} rows are held (then only nearer ones get in). */
  boolean full() {
    return size == rows.length;
  }

  int row(int i) {
    return rows[i];
  }

  double distance(int i) {
    return distances[i];
  }

  void offer(int row, double distance) {
    int capacity = rows.length;
    if (size == capacity && !before(row, distance, rows[size - 1], distances[size - 1])) {
      return;
    }
    int j = size < capacity ? size++ : size - 1;
    while (j > 0 && before(row, distance, rows[j - 1], distances[j - 1])) {
      rows[j] = rows[j - 1];
      distances[j] = distances[j - 1];
      j--;
    }
    rows[j] = row;
    distances[j] = distance;
  }

  private static boolean before(int row, double distance, int otherRow, double otherDistance) {
    return distance < otherDistance || (distance == otherDistance && row < otherRow);
  }
}
