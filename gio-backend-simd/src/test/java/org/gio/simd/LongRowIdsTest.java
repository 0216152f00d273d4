package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;

/**
 * A pool of more than 2³¹ rows, generated on the fly (nothing written, nothing held): the row
 * planted past index 2³¹ is listed with its exact long id, and the gathered vector is its own.
 */
class LongRowIdsTest {
  static final long ROWS = (1L << 31) + (1L << 22);
  static final long PLANTED = (1L << 31) + 123_457;

  /**
   * d = 1, values in [10, 20) except the planted row's 0.25. Chunks are cheap: each is one of a
   * few seeded arrays, picked by a seeded hash of its index, so the pass costs the scan's time only.
   */
  static final class SyntheticPool implements VectorSource {
    private final long seed;
    private int lastMaxRows = 1;

    SyntheticPool(long seed) {
      this.seed = seed;
    }

    @Override
    public long rows() {
      return ROWS;
    }

    @Override
    public int dim() {
      return 1;
    }

    /** Chunk {@code index}'s choice among the precomputed arrays. */
    private int pick(long index, int choices) {
      return (int) Math.floorMod(new SplittableRandom(seed ^ index * 0x9E3779B97F4A7C15L).nextLong(), (long) choices);
    }

    private float[][] variants;

    /** Four seeded arrays of {@code maxRows} values, made once per chunk size. */
    private float[][] variants(int maxRows) {
      if (variants != null && variants[0].length == maxRows) {
        return variants;
      }
      float[][] v = new float[4][maxRows];
      SplittableRandom r = new SplittableRandom(seed);
      for (float[] a : v) {
        for (int i = 0; i < maxRows; i++) {
          a[i] = (float) (10 + 10 * r.nextDouble());
        }
      }
      variants = v;
      return v;
    }

    @Override
    public void forEachChunk(int maxRows, ChunkVisitor visitor) {
      lastMaxRows = maxRows;
      float[][] variants = variants(maxRows);
      for (long first = 0, k = 0; first < ROWS; first += maxRows, k++) {
        int n = (int) Math.min(maxRows, ROWS - first);
        float[] data = variants[pick(k, variants.length)];
        if (n < maxRows || (PLANTED >= first && PLANTED < first + n)) {
          data = Arrays.copyOf(data, n);
          if (PLANTED >= first && PLANTED < first + n) {
            data[(int) (PLANTED - first)] = 0.25f;
          }
        }
        visitor.accept(first, VectorSet.wrap(data, n, 1));
      }
    }

    /** Random access: row r's value, from the chunking of the last pass. */
    @Override
    public VectorSet gather(long[] rows) {
      float[][] variants = variants(lastMaxRows);
      float[] out = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        long k = rows[i] / lastMaxRows;
        out[i] = rows[i] == PLANTED ? 0.25f : variants[pick(k, variants.length)][(int) (rows[i] % lastMaxRows)];
      }
      return VectorSet.wrap(out, rows.length, 1);
    }
  }

  /**
   * One target row (the scan's cost is per pool row and target row, and one target next to the
   * planted row is what the id needs): 2³¹ + 2²² rows in 1–2 CPU seconds once compiled.
   */
  @Test
  void aRowPastTwoToTheThirtyOneIsListedWithItsId() {
    VectorSet target = VectorSet.wrap(new float[] {0.26f}, 1, 1);
    SyntheticPool pool = new SyntheticPool(42);
    NeighbourTable table = NeighbourTables.build(new PanamaNeighbourTableBuilder(), pool, target, 3,
        new long[] {5, PLANTED + 1}, 2);
    assertEquals(ROWS, table.poolRows());
    assertEquals(PLANTED, table.id(0, 0));
    double d = (double) 0.26f - 0.25f;
    assertEquals(d * d, table.squaredDistance(0, 0));
    // every other row is at least 10 away: the planted row is alone near the targets
    assertTrue(table.squaredDistance(0, 1) > 90, "second nearest at " + table.squaredDistance(0, 1));
    assertArrayEquals(new float[] {0.25f}, table.listed().row(table.listedIndex(0, 0)));
    assertEquals(PLANTED + 1, table.sampleIds()[1]);
  }
}
