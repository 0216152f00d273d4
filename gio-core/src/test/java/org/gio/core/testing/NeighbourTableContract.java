package org.gio.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gio.core.table.ExactDistance;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.table.PartialTable;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link NeighbourTableBuilder} must give: the exact table, equal to brute force under
 * the order (distance, row id) (ALGORITHM.md §8). A builder's test subclasses this and supplies it.
 */
public abstract class NeighbourTableContract {

  /** The builder under test. */
  protected abstract NeighbourTableBuilder builder();

  /** Rows far from the origin with near-ties: the Gram form alone would misorder them. */
  public static VectorSet offsetRows(int n, int d, long seed, double offset, double spread) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (offset + spread * r.nextGaussian());
    }
    return VectorSet.wrap(x, n, d);
  }

  /** The reference: every pair's exact distance, sorted by (distance, id), first L. */
  public static void assertBruteForce(PartialTable table, VectorSet pool, VectorSet target, int depth) {
    int l = Math.min(depth, pool.size());
    for (int t = 0; t < target.size(); t++) {
      double[] dist = new double[pool.size()];
      for (int g = 0; g < pool.size(); g++) {
        dist[g] = ExactDistance.squared(pool.data(), pool.offset(g), target.data(), target.offset(t), pool.dim());
      }
      Integer[] order = IntStream.range(0, pool.size()).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.<Integer>comparingDouble(g -> dist[g]).thenComparingInt(g -> g));
      long[] want = new long[l];
      double[] wantD = new double[l];
      for (int j = 0; j < l; j++) {
        want[j] = order[j];
        wantD[j] = dist[order[j]];
      }
      assertArrayEquals(want, table.ids(t), "target row " + t);
      assertArrayEquals(wantD, table.distances(t), "target row " + t);
    }
  }

  @ParameterizedTest(name = "d={0} pool={1} target={2} L={3} threads={4}")
  @CsvSource({
    "1, 300, 20, 16, 1",
    "1, 300, 20, 16, 2",
    "7, 1000, 37, 32, 2",
    "17, 2500, 25, 64, 1",
    "17, 2500, 61, 64, 2",
    "769, 700, 9, 128, 2",
    "769, 300, 50, 20, 1",
    "5, 50, 12, 128, 2", // L ≥ pool size, pool smaller than one block
    "3, 10, 4, 10, 1",
    "2, 1, 3, 4, 1",
  })
  void equalsBruteForce(int d, int poolSize, int targetSize, int depth, int threads) {
    VectorSet pool = offsetRows(poolSize, d, 11 + d, 30, 1);
    VectorSet target = offsetRows(targetSize, d, 97 + d, 30, 1);
    PartialTable table = NeighbourTables.scan(builder(), VectorSource.of(pool), target, depth, threads);
    assertBruteForce(table, pool, target, depth);
  }

  @Test
  void duplicatedRowsTieByRowId() {
    VectorSet base = offsetRows(40, 6, 5, 0, 1);
    int[] rows = IntStream.range(0, 400).map(i -> i % 40).toArray(); // every vector ten times
    VectorSet pool = base.select(rows);
    VectorSet target = base.select(new int[] {0, 3, 7});
    PartialTable table = NeighbourTables.scan(builder(), VectorSource.of(pool), target, 25, 2);
    assertBruteForce(table, pool, target, 25);
    // target row 0's nearest rows are its ten copies, at distance 0, in id order
    assertArrayEquals(new long[] {0, 40, 80, 120, 160, 200, 240, 280, 320, 360},
        Arrays.copyOf(table.ids(0), 10));
  }
}
