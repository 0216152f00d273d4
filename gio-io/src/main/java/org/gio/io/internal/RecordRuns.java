package org.gio.io.internal;

/**
 * Splits ascending, distinct row numbers into runs of consecutive rows, so a source of fixed-size
 * records gathers them with one positioned read per run. Shared by the .npy and the vecs sources.
 */
public final class RecordRuns {
  /** Reads rows {@code first .. first + n - 1} into the output from row {@code at} of it. */
  public interface Reader {
    void read(long first, int n, int at);
  }

  private RecordRuns() {}

  /**
   * Calls {@code reader} once per run of {@code wanted} (ascending, distinct, each in [0, rows)),
   * runs of at most {@code most} rows.
   *
   * @throws IllegalArgumentException when a row is out of range or the rows are not ascending
   */
  public static void forEach(long[] wanted, long rows, int most, Reader reader) {
    for (int i = 0; i < wanted.length; ) {
      long first = wanted[i];
      if (first < 0 || first >= rows || (i > 0 && first <= wanted[i - 1])) {
        throw new IllegalArgumentException("row " + first + " is not in a source of " + rows
            + " rows, or the rows are not ascending");
      }
      int n = 1;
      while (i + n < wanted.length && n < most && wanted[i + n] == first + n) {
        n++;
      }
      reader.read(first, n, i);
      i += n;
    }
  }
}
