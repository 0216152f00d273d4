package org.gio.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gio.core.GioInputException;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A source that fails in the middle of the pass: the scan stops with that one error, unchanged. */
class FailingSourceTest {
  /** 20 chunks of 1,000 rows; chunk 7 fails with {@code failure}. */
  static VectorSource failingAtChunk7(RuntimeException failure) {
    return new VectorSource() {
      @Override
      public long rows() {
        return 20_000;
      }

      @Override
      public int dim() {
        return 3;
      }

      @Override
      public void forEachChunk(int maxRows, ChunkVisitor visitor) {
        for (int k = 0; k < 20; k++) {
          if (k == 7) {
            throw failure;
          }
          visitor.accept(k * 1000L, VectorSet.wrap(new float[3000], 1000, 3));
        }
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aReadFailureSurfacesAsItself(int threads) {
    UncheckedIOException failure = new UncheckedIOException("pool.npy: cannot read rows 7000 to 7999: Input/output error",
        new IOException("Input/output error"));
    VectorSet target = VectorSet.wrap(new float[] {1, 2, 3}, 1, 3);
    NeighbourTableBuilder builder = new BlockedNeighbourTableBuilder(new ScalarVectorOps());
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> NeighbourTables.build(builder, failingAtChunk7(failure), target, 5, new long[0], threads));
    assertSame(failure, e);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void badDataFoundMidPassSurfacesWithItsMessage(int threads) {
    GioInputException failure = new GioInputException("pool.npy: row 7012 has NaN in column 1; remove or repair that row");
    VectorSet target = VectorSet.wrap(new float[] {1, 2, 3}, 1, 3);
    NeighbourTableBuilder builder = new BlockedNeighbourTableBuilder(new ScalarVectorOps());
    GioInputException e = assertThrows(GioInputException.class,
        () -> NeighbourTables.scan(builder, failingAtChunk7(failure), target, 5, threads));
    assertEquals(failure.getMessage(), e.getMessage());
  }
}
