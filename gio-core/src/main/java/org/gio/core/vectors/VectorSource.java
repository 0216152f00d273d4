package org.gio.core.vectors;

/**
 * Rows of embeddings read in chunks, for pools larger than the heap: only one chunk needs to be in
 * memory at a time. Implementations read a file (gio-io's .npy source memory-maps it) or wrap a
 * {@link VectorSet} already in memory.
 *
 * <p>Chunks arrive in row order; a chunk's {@link VectorSet} may be reused or dropped once the
 * visitor returns, so copy what must be kept. I/O failures surface as {@link
 * java.io.UncheckedIOException}, bad data as {@link org.gio.core.GioInputException}.
 */
public interface VectorSource extends AutoCloseable {

  /** Total number of rows. */
  long rows();

  /** Values per row. */
  int dim();

  /**
   * Calls {@code visitor} once per consecutive block of at most {@code maxRows} rows, first to
   * last. May be called again to pass over the rows once more (k-means needs several passes).
   */
  void forEachChunk(int maxRows, ChunkVisitor visitor);

  /**
   * The rows with the given ids ({@code rows}: ascending, distinct, each in [0, rows())), in that
   * order. This default makes one more pass over the source and keeps only those rows; sources
   * with random access (a memory-mapped .npy) read just those rows.
   */
  default VectorSet gather(long[] rows) {
    int d = dim();
    float[] out = new float[Math.multiplyExact(rows.length, d)];
    if (rows.length == 0) {
      return VectorSet.wrap(out, 0, d);
    }
    int[] next = {0};
    forEachChunk(
        1 << 14,
        (first, chunk) -> {
          long end = first + chunk.size();
          while (next[0] < rows.length && rows[next[0]] < end) {
            int r = (int) (rows[next[0]] - first);
            System.arraycopy(chunk.data(), chunk.offset(r), out, next[0] * d, d);
            next[0]++;
          }
        });
    if (next[0] != rows.length) {
      throw new IllegalArgumentException("row " + rows[next[0]] + " is not in a source of " + rows() + " rows");
    }
    return VectorSet.wrap(out, rows.length, d);
  }

  /** Releases files or mappings; the default does nothing. */
  @Override
  default void close() {}

  /** Receives one chunk. */
  @FunctionalInterface
  interface ChunkVisitor {
    /**
     * @param firstRow global index of the chunk's row 0
     * @param chunk the rows {@code firstRow .. firstRow + chunk.size() - 1}
     */
    void accept(long firstRow, VectorSet chunk);
  }

  /** A source over rows already in memory (chunks are views copied out of {@code set}). */
  static VectorSource of(VectorSet set) {
    return new VectorSource() {
      @Override
      public long rows() {
        return set.size();
      }

      @Override
      public int dim() {
        return set.dim();
      }

      @Override
      public void forEachChunk(int maxRows, ChunkVisitor visitor) {
        if (maxRows <= 0) {
          throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        if (maxRows >= set.size()) {
          visitor.accept(0, set);
          return;
        }
        for (int start = 0; start < set.size(); start += maxRows) {
          int n = Math.min(maxRows, set.size() - start);
          float[] data = new float[n * set.dim()];
          System.arraycopy(set.data(), set.offset(start), data, 0, data.length);
          visitor.accept(start, VectorSet.wrap(data, n, set.dim()));
        }
      }
    };
  }
}
