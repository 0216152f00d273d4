package org.gio.core.quantize;

import org.gio.core.vectors.VectorSet;

/**
 * Rows read in consecutive chunks, for pools larger than memory (e.g. a memory-mapped .npy).
 * Quantization needs only this much of a streaming source: the shape and one or more ordered
 * passes. (To be unified with the project's {@code VectorSource} once that lands.)
 */
public interface RowChunks {

  /** Receives one chunk: rows {@code [firstRow, firstRow + chunk.size())} of the source. */
  @FunctionalInterface
  interface Visitor {
    void chunk(long firstRow, VectorSet chunk);
  }

  long rows();

  int dim();

  /**
   * One pass over every row, in order, in chunks. Each chunk is only valid during the call; an
   * implementation may reuse its storage for the next chunk. I/O failures surface as unchecked
   * exceptions naming the source.
   */
  void forEachChunk(Visitor visitor);

  /** An in-memory set seen in chunks of {@code chunkRows} (for tests and small pools). */
  static RowChunks of(VectorSet rows, int chunkRows) {
    return new RowChunks() {
      @Override
      public long rows() {
        return rows.size();
      }

      @Override
      public int dim() {
        return rows.dim();
      }

      @Override
      public void forEachChunk(Visitor visitor) {
        for (int from = 0; from < rows.size(); from += chunkRows) {
          int to = Math.min(rows.size(), from + chunkRows);
          visitor.chunk(from, rows.select(java.util.stream.IntStream.range(from, to).toArray()));
        }
      }
    };
  }
}
