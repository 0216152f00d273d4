package org.gio.ann;

import java.util.Arrays;
import org.apache.lucene.util.Bits;

/**
 * HNSW search over a {@link FlatHnswGraph} with primitive bookkeeping, replacing Lucene's {@code
 * HnswGraphSearcher} at query time (a queue of packed longs, a sparse bit set over all ordinals
 * cleared per query, a scorer object per query, neighbour iteration through the graph object).
 * Here the visited set is an int[] of query epochs (never cleared, only bumped), the two queues are
 * binary heaps on parallel float/int arrays, and a node's neighbours are read from one int[] and
 * scored in one loop. At 1M × 128 this loop alone was worth about 1.2–1.4×; reading the vectors in
 * graph order ({@link NodeVectors}) was worth 2–3× more (gio-bench/docs/ann.md): the search is
 * bound by memory, not bookkeeping.
 *
 * <p>The algorithm and its semantics are Lucene's: a greedy descent from the entry node through the
 * upper levels, then a best-first beam at level 0 that keeps the {@code ef} nearest <em>accepted</em>
 * nodes while still walking through rejected (removed) ones; the search stops when the nearest
 * unexplored candidate is no nearer than the worst kept result, or when {@code visitLimit} nodes
 * have been scored (then {@link #earlyTerminated()}). Deterministic: the same graph and query give
 * the same results in the same order. Reusable but not thread-safe: one per thread.
 */
final class FlatHnswSearcher {
  private final FlatHnswGraph graph;
  private final NodeVectors vectors;
  private final int[] rowOf;
  private final int[] visited;
  private int epoch;
  // candidates: min-heap on distance
  private float[] candidateDistance = new float[64];
  private int[] candidateNode = new int[64];
  private int candidates;
  // results: max-heap on distance, at most ef
  private float[] resultDistance = new float[64];
  private int[] resultNode = new int[64];
  private int results;
  private int[] batch;
  private float[] batchDistance;
  private long visitedCount;
  private boolean earlyTerminated;

  /** {@code vectors} must be in {@code graph}'s node order ({@code NodeVectors.of(scores, graph.rows())}). */
  FlatHnswSearcher(FlatHnswGraph graph, NodeVectors vectors) {
    this.graph = graph;
    this.vectors = vectors;
    this.rowOf = graph.rows();
    this.visited = new int[graph.size()];
    this.batch = new int[16];
    this.batchDistance = new float[16];
  }

  /** Nodes scored by the last search (the descent included), as Lucene counts them. */
  long visitedCount() {
    return visitedCount;
  }

  /** Whether the last search stopped at its visit limit (its results are then incomplete). */
  boolean earlyTerminated() {
    return earlyTerminated;
  }

  /** How many results the last search kept (at most its ef). */
  int resultCount() {
    return results;
  }

  /**
   * After {@link #sortResults()}: the pool row of the i-th nearest kept node, and its navigation
   * distance (the float squared distance of {@link NodeVectors#distance}).
   */
  int resultRow(int i) {
    return rowOf[resultNode[i]];
  }

  float resultDistance(int i) {
    return resultDistance[i];
  }

  /**
   * Searches for the {@code ef} nearest nodes to {@code query} whose rows {@code accept} admits (null
   * admits all), scoring at most {@code visitLimit} nodes. Results are read with {@link
   * #resultCount()} etc. after {@link #sortResults()}.
   */
  void search(float[] query, int ef, Bits accept, long visitLimit) {
    if (ef < 1) {
      throw new IllegalArgumentException("ef must be at least 1, was " + ef);
    }
    ensureResultCapacity(ef);
    candidates = 0;
    results = 0;
    visitedCount = 0;
    earlyTerminated = false;
    if (graph.size() == 0) {
      return;
    }
    if (visitLimit <= 0) {
      earlyTerminated = true;
      return;
    }
    int entry = graph.entryNode();
    float entryDistance = vectors.distance(query, entry);
    visitedCount = 1;
    // Greedy descent: at each upper level move to the nearest neighbour while one is nearer.
    int mark = nextEpoch();
    visited[entry] = mark;
    for (int level = graph.topLevel(); level >= 1; level--) {
      int[] links = graph.upperLinks(level);
      boolean moved = true;
      while (moved) {
        moved = false;
        int at = graph.upperAt(level, entry);
        int count = links[at];
        for (int i = 1; i <= count; i++) {
          int friend = links[at + i];
          if (visited[friend] == mark) {
            continue;
          }
          visited[friend] = mark;
          if (visitedCount >= visitLimit) {
            earlyTerminated = true;
            return;
          }
          float d = vectors.distance(query, friend);
          visitedCount++;
          if (d < entryDistance) {
            entryDistance = d;
            entry = friend;
            moved = true;
          }
        }
      }
    }
    if (visitedCount >= visitLimit) {
      earlyTerminated = true;
      return;
    }
    searchLevel0(query, ef, accept, visitLimit, entry, entryDistance);
  }

  private void searchLevel0(
      float[] query, int ef, Bits accept, long visitLimit, int entry, float entryDistance) {
    int mark = nextEpoch();
    visited[entry] = mark;
    pushCandidate(entry, entryDistance);
    if (accept == null || accept.get(rowOf[entry])) {
      offerResult(entry, entryDistance, ef);
    }
    float bound = results < ef ? Float.POSITIVE_INFINITY : resultDistance[0];
    int[] links = graph.links0();
    while (candidates > 0) {
      float nearest = candidateDistance[0];
      if (nearest >= bound) { // Lucene's rule: nothing left that could improve the results
        break;
      }
      int node = popCandidate();
      int at = graph.level0At(node);
      int count = links[at];
      int fresh = 0;
      for (int i = 1; i <= count; i++) {
        int friend = links[at + i];
        if (visited[friend] != mark) {
          visited[friend] = mark;
          batch[fresh++] = friend;
        }
      }
      if (visitedCount + fresh >= visitLimit) { // Lucene: terminated once the limit is reached
        fresh = (int) Math.min(fresh, visitLimit - visitedCount);
        earlyTerminated = true;
      }
      scoreBatch(query, fresh);
      visitedCount += fresh;
      for (int i = 0; i < fresh; i++) {
        float d = batchDistance[i];
        if (d < bound) {
          int friend = batch[i];
          pushCandidate(friend, d);
          if (accept == null || accept.get(rowOf[friend])) {
            offerResult(friend, d, ef);
            if (results == ef) {
              bound = resultDistance[0];
            }
          }
        }
      }
      if (earlyTerminated) {
        return;
      }
    }
  }

  /**
   * Scores the first {@code count} nodes of {@link #batch}. All of one node's unvisited neighbours
   * are scored in one loop, so their independent row loads can overlap.
   */
  private void scoreBatch(float[] query, int count) {
    int[] nodes = batch;
    float[] out = batchDistance;
    for (int i = 0; i < count; i++) {
      out[i] = vectors.distance(query, nodes[i]);
    }
  }

  /** Orders the kept results nearest first (ties to the lower node: deterministic). */
  void sortResults() {
    // Heap-sort in place: repeatedly move the farthest to the end.
    for (int end = results - 1; end > 0; end--) {
      swapResults(0, end);
      siftDownResult(0, end);
    }
  }

  private int nextEpoch() {
    if (++epoch == 0) { // wrapped after 2^32 searches: forget every mark once
      Arrays.fill(visited, 0);
      epoch = 1;
    }
    return epoch;
  }

  private void ensureResultCapacity(int ef) {
    if (resultNode.length < ef) {
      resultNode = new int[ef];
      resultDistance = new float[ef];
    }
    int degree = graph.maxDegree0();
    if (batch.length < degree) {
      batch = new int[degree];
      batchDistance = new float[degree];
    }
  }

  private void pushCandidate(int node, float distance) {
    if (candidates == candidateNode.length) {
      candidateNode = Arrays.copyOf(candidateNode, 2 * candidates);
      candidateDistance = Arrays.copyOf(candidateDistance, 2 * candidates);
    }
    int i = candidates++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!candidateBefore(distance, node, candidateDistance[parent], candidateNode[parent])) {
        break;
      }
      candidateNode[i] = candidateNode[parent];
      candidateDistance[i] = candidateDistance[parent];
      i = parent;
    }
    candidateNode[i] = node;
    candidateDistance[i] = distance;
  }

  private int popCandidate() {
    int top = candidateNode[0];
    int last = --candidates;
    if (last > 0) {
      int node = candidateNode[last];
      float distance = candidateDistance[last];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= last) {
          break;
        }
        if (child + 1 < last
            && candidateBefore(
                candidateDistance[child + 1], candidateNode[child + 1],
                candidateDistance[child], candidateNode[child])) {
          child++;
        }
        if (!candidateBefore(candidateDistance[child], candidateNode[child], distance, node)) {
          break;
        }
        candidateNode[i] = candidateNode[child];
        candidateDistance[i] = candidateDistance[child];
        i = child;
      }
      candidateNode[i] = node;
      candidateDistance[i] = distance;
    }
    return top;
  }

  private static boolean candidateBefore(float d, int node, float otherD, int otherNode) {
    return d < otherD || (d == otherD && node < otherNode);
  }

  /** Result heap: the root is the farthest kept result (ties: the higher node is "farther"). */
  private void offerResult(int node, float distance, int ef) {
    if (results < ef) {
      int i = results++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!resultAfter(distance, node, resultDistance[parent], resultNode[parent])) {
          break;
        }
        resultNode[i] = resultNode[parent];
        resultDistance[i] = resultDistance[parent];
        i = parent;
      }
      resultNode[i] = node;
      resultDistance[i] = distance;
    } else if (resultAfter(resultDistance[0], resultNode[0], distance, node)) {
      resultNode[0] = node;
      resultDistance[0] = distance;
      siftDownResult(0, results);
    }
  }

  private void siftDownResult(int i, int size) {
    int node = resultNode[i];
    float distance = resultDistance[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && resultAfter(
              resultDistance[child + 1], resultNode[child + 1],
              resultDistance[child], resultNode[child])) {
        child++;
      }
      if (!resultAfter(resultDistance[child], resultNode[child], distance, node)) {
        break;
      }
      resultNode[i] = resultNode[child];
      resultDistance[i] = resultDistance[child];
      i = child;
    }
    resultNode[i] = node;
    resultDistance[i] = distance;
  }

  private void swapResults(int a, int b) {
    int n = resultNode[a];
    resultNode[a] = resultNode[b];
    resultNode[b] = n;
    float d = resultDistance[a];
    resultDistance[a] = resultDistance[b];
    resultDistance[b] = d;
  }

  private static boolean resultAfter(float d, int node, float otherD, int otherNode) {
    return d > otherD || (d == otherD && node > otherNode);
  }
}
