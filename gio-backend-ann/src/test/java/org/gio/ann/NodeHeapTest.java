package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeHeapTest {
  /** Random pairs with many equal keys, so the id tie-break is exercised. */
  private static long[] pairs(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] p = new long[count];
    for (int i = 0; i < count; i++) {
      p[i] = ((long) random.nextInt(8) << 32) | random.nextInt(1000);
    }
    return p;
  }

  private static float key(long p) {
    return (float) (p >>> 32);
  }

  private static int id(long p) {
    return (int) p;
  }

  private static final Comparator<Long> ORDER =
      Comparator.<Long>comparingDouble(p -> key(p)).thenComparingInt(p -> id(p));

  @Test
  void popsInKeyThenIdOrderAcrossGrowth() {
    long[] p = pairs(1, 500);
    NodeHeap heap = new NodeHeap(4); // grows several times
    for (long x : p) {
      heap.push(key(x), id(x));
    }
    Long[] sorted = Arrays.stream(p).boxed().sorted(ORDER).toArray(Long[]::new);
    for (Long x : sorted) {
      assertEquals(key(x), heap.topKey());
      assertEquals(id(x), heap.pop());
    }
    assertEquals(0, heap.size());
  }

  @Test
  void keepingTheSmallestBoundedBySizeAndSortingDescending() {
    long[] p = pairs(2, 300);
    int bound = 37;
    // a bounded max-heap as the searcher uses it: negated keys and ids
    NodeHeap kept = new NodeHeap(bound);
    for (long x : p) {
      float k = -key(x);
      int i = -id(x);
      if (kept.size() < bound) {
        kept.push(k, i);
      } else if (kept.topBefore(k, i)) {
        kept.replaceTop(k, i);
      }
    }
    kept.sortDescending();
    Long[] sorted = Arrays.stream(p).boxed().sorted(ORDER).toArray(Long[]::new);
    long[] expected = new long[bound];
    long[] actual = new long[bound];
    for (int j = 0; j < bound; j++) {
      expected[j] = sorted[j];
      actual[j] = ((long) -kept.key(j) << 32) | -kept.id(j);
    }
    assertArrayEquals(expected, actual);
  }
}
