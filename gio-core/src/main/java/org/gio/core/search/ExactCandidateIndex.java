package org.gio.core.search;

import java.util.BitSet;
import java.util.stream.IntStream;
import jakarta.inject.Inject;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Exact search: one pass of {@link VectorOps#squaredDistances} over the pool per query, removed
 * rows skipped. Large pools are scanned in row blocks in parallel; the answer does not depend on the
 * number of threads because every distance is computed exactly once and ties go to the lowest index.
 */
public final class ExactCandidateIndex implements CandidateIndex {
  /** A block is about this many floats of pool data: enough work to be worth a task. */
  private static final int BLOCK_FLOATS = 1 << 18;

  private final VectorSet pool;
  private final VectorOps ops;
  private final BitSet removed;
  private final double[] distances;
  private final int blockRows;
  private int available;

  public ExactCandidateIndex(VectorSet pool, VectorOps ops) {
    this.pool = pool;
    this.ops = ops;
    this.removed = new BitSet(pool.size());
    this.distances = new double[pool.size()];
    this.available = pool.size();
    this.blockRows = Math.max(1, BLOCK_FLOATS / pool.dim());
  }

  /** The factory bound by default: exact search through the active {@link VectorOps}. */
  public static final class Factory implements CandidateIndexFactory {
    private final VectorOps ops;

    @Inject
    public Factory(VectorOps ops) {
      this.ops = ops;
    }

    @Override
    public String name() {
      return "exact";
    }

    @Override
    public CandidateIndex build(VectorSet pool) {
      return new ExactCandidateIndex(pool, ops);
    }
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public int available() {
    return available;
  }

  private void computeDistances(float[] query) {
    int rows = pool.size();
    int blocks = (rows + blockRows - 1) / blockRows;
    if (blocks <= 1) {
      ops.squaredDistances(query, 0, pool, distances);
      return;
    }
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b ->
                ops.squaredDistances(
                    query, 0, pool, b * blockRows, Math.min(rows, (b + 1) * blockRows), distances));
  }

  @Override
  public int nearest(float[] query) {
    if (available == 0) {
      return -1;
    }
    computeDistances(query);
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int r = removed.nextClearBit(0); r < distances.length; r = removed.nextClearBit(r + 1)) {
      if (best < 0 || distances[r] < bestDistance) {
        best = r;
        bestDistance = distances[r];
      }
    }
    return best;
  }

  @Override
  public int nearest(float[] query, int count, int[] out) {
    int want = Math.min(count, available);
    if (want <= 0) {
      return 0;
    }
    computeDistances(query);
    double[] bestDistance = new double[want];
    int found = 0;
    for (int r = removed.nextClearBit(0); r < distances.length; r = removed.nextClearBit(r + 1)) {
      double dist = distances[r];
      if (found < want || dist < bestDistance[found - 1]) {
        int j = found < want ? found++ : found - 1;
        while (j > 0 && bestDistance[j - 1] > dist) {
          bestDistance[j] = bestDistance[j - 1];
          out[j] = out[j - 1];
          j--;
        }
        bestDistance[j] = dist;
        out[j] = r;
      }
    }
    return found;
  }

  @Override
  public void remove(int row) {
    if (removed.get(row)) {
      throw new IllegalStateException("pool row " + row + " was already removed");
    }
    removed.set(row);
    available--;
  }

  @Override
  public void refill() {
    removed.clear();
    available = pool.size();
  }
}
