package org.gio.core.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowSampleTest {
  @Test
  void seededDistinctAscendingAndInRange() {
    int[] a = RowSample.sorted(1000, 100, 9);
    assertArrayEquals(a, RowSample.sorted(1000, 100, 9));
    assertFalse(Arrays.equals(a, RowSample.sorted(1000, 100, 10)), "another seed, another sample");
    assertEquals(100, a.length);
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i] > a[i - 1], "ascending and distinct at " + i);
    }
    assertTrue(a[0] >= 0 && a[a.length - 1] < 1000);
  }

  @Test
  void allRowsWhenTheSampleIsAsLargeAsThePool() {
    assertArrayEquals(new int[] {0, 1, 2}, RowSample.sorted(3, 3, 1));
    assertArrayEquals(new int[] {0, 1, 2}, RowSample.sorted(3, 10, 1));
    assertEquals(0, RowSample.sorted(5, 0, 1).length);
    assertThrows(IllegalArgumentException.class, () -> RowSample.sorted(5, -1, 1));
  }

  @Test
  void uniform() {
    // about count/n of each tenth of the rows, and every row about equally often over many seeds
    int[] rows = RowSample.sorted(100_000, 10_000, 5);
    for (int tenth = 0; tenth < 10; tenth++) {
      int lo = tenth * 10_000;
      long in = Arrays.stream(rows).filter(x -> x >= lo && x < lo + 10_000).count();
      assertTrue(Math.abs(in - 1_000) < 120, "rows in tenth " + tenth + ": " + in);
    }
    int[] hits = new int[20];
    for (long seed = 0; seed < 4_000; seed++) {
      for (int r : RowSample.sorted(20, 5, seed)) {
        hits[r]++;
      }
    }
    for (int r = 0; r < 20; r++) {
      assertTrue(Math.abs(hits[r] - 1_000) < 120, "row " + r + " drawn " + hits[r] + " times");
    }
  }
}
