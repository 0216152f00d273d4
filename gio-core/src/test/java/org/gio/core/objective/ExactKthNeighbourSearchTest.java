package org.gio.core.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExactKthNeighbourSearchTest {
  @Test
  void kthSmallestBySortedArrayEqualsSorting() {
    java.util.Random random = new java.util.Random(3);
    for (int trial = 0; trial < 100; trial++) {
      int n = 1 + random.nextInt(200);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = trial % 3 == 0 ? random.nextInt(5) : random.nextDouble();
      }
      int k = 1 + random.nextInt(Math.min(n, 64));
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      assertEquals(sorted[k - 1], ExactKthNeighbourSearch.kthSmallest(v, k), 0.0, "n " + n + " k " + k);
    }
  }

  @Test
  void kthSmallestByQuickselectEqualsSorting() {
    java.util.Random random = new java.util.Random(9);
    for (int trial = 0; trial < 200; trial++) {
      int n = 65 + random.nextInt(3000);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        // many ties in some trials, an infinity (the excluded row) in others
        v[i] = trial % 3 == 0 ? random.nextInt(20) : random.nextDouble();
      }
      if (trial % 2 == 0) {
        v[random.nextInt(n)] = Double.POSITIVE_INFINITY;
      }
      if (trial % 5 == 0) {
        java.util.Arrays.sort(v); // sorted input: the median-of-three case
      }
      int k = 1 + random.nextInt(n);
      double[] sorted = v.clone();
      java.util.Arrays.sort(sorted);
      assertEquals(sorted[k - 1], ExactKthNeighbourSearch.kthSmallest(v, k), 0.0, "n " + n + " k " + k);
    }
  }
}
