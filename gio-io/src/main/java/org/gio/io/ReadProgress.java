package org.gio.io;

/** Told how much of a file has been read, so a front end can draw a progress bar. */
@FunctionalInterface
public interface ReadProgress {
  ReadProgress NONE = (done, total) -> {};

  /**
   * @param done bytes (or rows, for Parquet) read so far
   * @param total the full amount, or -1 when unknown
   */
  void update(long done, long total);
}
