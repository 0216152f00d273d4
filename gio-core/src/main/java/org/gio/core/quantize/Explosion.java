package org.gio.core.quantize;

import java.util.Arrays;
import org.gio.core.GioInputException;

/**
 * Maps centroids chosen by a selection back to pool rows (ALGORITHM.md §5): every member of every
 * chosen centroid, by index rather than by the reference's float-equality match.
 */
public final class Explosion {
  private Explosion() {}

  /**
   * The pool rows of the chosen centroids: clusters in the order chosen, members of each ascending.
   * A centroid chosen again (possible after a pool reset) adds nothing: the result is a union, with
   * no row twice.
   */
  public static int[] explode(Quantization q, int[] chosenCentroids) {
    int[][] members = q.membersTable();
    boolean[] seen = new boolean[q.clusters()];
    long total = 0;
    for (int c : chosenCentroids) {
      check(q, c);
      if (!seen[c]) {
        seen[c] = true;
        total += members[c].length;
      }
    }
    int[] rows = new int[Math.toIntExact(total)];
    Arrays.fill(seen, false);
    int n = 0;
    for (int c : chosenCentroids) {
      if (!seen[c]) {
        seen[c] = true;
        System.arraycopy(members[c], 0, rows, n, members[c].length);
        n += members[c].length;
      }
    }
    return rows;
  }

  /** The distinct chosen centroids in the order first chosen (the clusters that were exploded). */
  public static int[] distinct(int[] chosenCentroids) {
    return Arrays.stream(chosenCentroids).distinct().toArray();
  }

  private static void check(Quantization q, int c) {
    if (c < 0 || c >= q.clusters()) {
      throw new GioInputException(
          "centroid " + c + " does not exist; the quantization has " + q.clusters()
              + " centroids");
    }
  }
}
