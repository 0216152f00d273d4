package org.gio.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.gio.core.GioInputException;
import org.gio.core.testing.NeighbourTableContract;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;

class NeighbourTablesTest extends NeighbourTableContract {
  static final NeighbourTableBuilder SCALAR = new BlockedNeighbourTableBuilder(new ScalarVectorOps());

  @Override
  protected NeighbourTableBuilder builder() {
    return SCALAR;
  }

  @Test
  void heldIdsAreTheDistinctListedRows() {
    VectorSet pool = offsetRows(600, 7, 3, 30, 1);
    VectorSet target = offsetRows(20, 7, 41, 30, 1);
    PartialTable table = NeighbourTables.scan(SCALAR, VectorSource.of(pool), target, 30, 1);
    long[] held = table.heldIds();
    assertArrayEquals(NeighbourTable.listedIds(table), held);
    assertTrue(held.length > 30 && held.length < 600, "some rows shared, not all: " + held.length);
    assertEquals(0, new PartialTable(3, 4).heldIds().length);
  }

  @Test
  void sameTableWhateverTheSplitAndMergeOrder() {
    VectorSet pool = offsetRows(3000, 13, 3, 5, 2);
    VectorSet target = offsetRows(30, 13, 4, 5, 2);
    NeighbourTableBuilder.Scan a = SCALAR.start(target, 50);
    NeighbourTableBuilder.Scan b = a.fork();
    NeighbourTableBuilder.Scan c = a.fork();
    a.add(0, pool, 0, 1000);
    b.add(0, pool, 1000, 2100);
    long[] ids = LongsFrom(2100, 3000);
    c.add(ids, pool.select(IntStream.range(2100, 3000).toArray()));
    PartialTable forward = new PartialTable(30, 50).merge(a.table()).merge(b.table()).merge(c.table());
    PartialTable backward = new PartialTable(30, 50).merge(c.table()).merge(b.table()).merge(a.table());
    PartialTable whole = NeighbourTables.scan(SCALAR, VectorSource.of(pool), target, 50, 1);
    for (int t = 0; t < 30; t++) {
      assertArrayEquals(whole.ids(t), forward.ids(t));
      assertArrayEquals(whole.ids(t), backward.ids(t));
      assertArrayEquals(whole.distances(t), backward.distances(t));
    }
  }

  private static long[] LongsFrom(int from, int to) {
    return java.util.stream.LongStream.range(from, to).toArray();
  }

  @Test
  void buildGathersListedRowsAndSample() {
    VectorSet pool = offsetRows(2000, 8, 21, 0, 1);
    VectorSet target = offsetRows(10, 8, 22, 0, 1);
    long[] sample = {3, 17, 1999};
    NeighbourTable table = NeighbourTables.build(SCALAR, VectorSource.of(pool), target, 20, sample, 2);
    assertEquals(2000, table.poolRows());
    assertEquals(20, table.depth());
    for (int t = 0; t < 10; t++) {
      for (int j = 0; j < 20; j++) {
        int i = table.listedIndex(t, j);
        assertEquals(table.id(t, j), table.listedId(i));
        assertArrayEquals(pool.row((int) table.id(t, j)), table.listed().row(i));
      }
    }
    for (int i = 0; i < sample.length; i++) {
      assertArrayEquals(pool.row((int) sample[i]), table.sample().row(i));
    }
    assertTrue(table.listed().size() <= 200);
  }

  @Test
  void nanInPoolNamesTheRow() {
    VectorSet pool = offsetRows(5000, 4, 1, 0, 1);
    pool.data()[4321 * 4 + 2] = Float.NaN;
    VectorSet target = offsetRows(5, 4, 2, 0, 1);
    GioInputException e = assertThrows(GioInputException.class,
        () -> NeighbourTables.scan(SCALAR, VectorSource.of(pool), target, 8, 2));
    assertTrue(e.getMessage().startsWith("row 4321, column 2 is NaN"), e.getMessage());
  }
}
