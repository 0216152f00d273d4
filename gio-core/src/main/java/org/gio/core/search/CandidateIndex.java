package org.gio.core.search;

/**
 * The pool rows still available to GIO, searchable by nearness to a point. Rows are removed as they
 * are taken and all come back on {@link #refill()} (a reset). Not thread-safe.
 */
public interface CandidateIndex {

  /** Rows in the pool, available or not. */
  int size();

  /** Rows still available. */
  int available();

  /**
   * The available row nearest (Euclidean) to {@code query}; ties go to the lowest row index.
   *
   * @return the row index, or −1 when no row is available
   */
  int nearest(float[] query);

  /**
   * The {@code count} available rows nearest to {@code query}, nearest first, written to {@code
   * out}.
   *
   * @return how many rows were written: {@code min(count, available())}
   */
  int nearest(float[] query, int count, int[] out);

  /** Makes a row unavailable. Removing an unavailable row is an error. */
  void remove(int row);

  /** Makes every row available again. */
  void refill();
}
