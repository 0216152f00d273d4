package org.gio.ann;

import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * A node order that keeps near rows near in memory: the order in which Prim's algorithm adds nodes
 * to a maximum spanning tree of the level-0 graph, weighted by the similarities Lucene stores with
 * each link (no distance is recomputed). Prim always takes the shortest link out of what it has
 * placed, so it finishes a dense region before crossing a long link to the next (single-linkage
 * order): on clustered data every cluster becomes one contiguous block, and in general a node's
 * neighbours tend to be placed near it. Deterministic: ties go to the lower row, and each part the
 * graph does not connect starts from its lowest row.
 */
final class GraphOrder {
  private GraphOrder() {}

  /** {@code rowOf[i]} is the row placed i-th. */
  static int[] of(OnHeapHnswGraph graph) {
    int n = graph.size();
    int[] rowOf = new int[n];
    // Indexed max-heap of unplaced rows reached so far, keyed by their best link to a placed row.
    float[] key = new float[n];
    int[] heap = new int[n];
    int[] position = new int[n]; // 0 = not reached, -1 = placed, else heap index + 1
    int heapSize = 0;
    int placed = 0;
    int nextSeed = 0;
    while (placed < n) {
      int row;
      if (heapSize == 0) {
        while (position[nextSeed] != 0) {
          nextSeed++;
        }
        row = nextSeed;
      } else {
        row = heap[0];
        heapSize--;
        if (heapSize > 0) {
          heap[0] = heap[heapSize];
          position[heap[0]] = 1;
          siftDown(heap, heapSize, key, position, 0);
        }
      }
      position[row] = -1;
      rowOf[placed++] = row;
      NeighborArray neighbours = graph.getNeighbors(0, row);
      int[] ids = neighbours.nodes();
      float[] scores = neighbours.scores();
      for (int i = 0; i < neighbours.size(); i++) {
        int other = ids[i];
        int at = position[other];
        if (at < 0) {
          continue;
        }
        float score = scores[i];
        if (at == 0) {
          key[other] = score;
          heap[heapSize] = other;
          position[other] = heapSize + 1;
          siftUp(heap, key, position, heapSize++);
        } else if (before(score, other, key[other], other)) {
          key[other] = score;
          siftUp(heap, key, position, at - 1);
        }
      }
    }
    return rowOf;
  }

  private static boolean before(float score, int row, float otherScore, int otherRow) {
    return score > otherScore || (score == otherScore && row < otherRow);
  }

  private static void siftUp(int[] heap, float[] key, int[] position, int i) {
    int row = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (!before(key[row], row, key[p], p)) {
        break;
      }
      heap[i] = p;
      position[p] = i + 1;
      i = parent;
    }
    heap[i] = row;
    position[row] = i + 1;
  }

  private static void siftDown(int[] heap, int size, float[] key, int[] position, int i) {
    int row = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(key[heap[child + 1]], heap[child + 1], key[heap[child]], heap[child])) {
        child++;
      }
      int c = heap[child];
      if (!before(key[c], c, key[row], row)) {
        break;
      }
      heap[i] = c;
      position[c] = i + 1;
      i = child;
    }
    heap[i] = row;
    position[row] = i + 1;
  }
}
