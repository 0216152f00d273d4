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
  /** Nodes to expand, nearest first: (distance, node). */
  private final NodeHeap candidates = new NodeHeap(64);
  /** The ef kept results, farthest at the root: (−distance, −node); see {@link NodeHeap}. */
  private final NodeHeap results = new NodeHeap(64);
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
    return results.size();
  }

  /**
   * After {@link #sortResults()}: the pool row of the i-th nearest kept node, and its navigation
   * distance (the float squared distance of {@link NodeVectors#distance}).
   */
  int resultRow(int i) {
    return rowOf[-results.id(i)];
  }

  float resultDistance(int i) {
    return -results.key(i);
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
    ensureBatchCapacity();
    candidates.clear();
    results.clear();
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
    candidates.push(entryDistance, entry);
    if (accept == null || accept.get(rowOf[entry])) {
      offerResult(entry, entryDistance, ef);
    }
    float bound = results.size() < ef ? Float.POSITIVE_INFINITY : -results.topKey();
    int[] links = graph.links0();
    while (candidates.size() > 0) {
      float nearest = candidates.topKey();
      if (nearest >= bound) { // Lucene's rule: nothing left that could improve the results
        break;
      }
      int node = candidates.pop();
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
          candidates.push(d, friend);
          if (accept == null || accept.get(rowOf[friend])) {
            offerResult(friend, d, ef);
            if (results.size() == ef) {
              bound = -results.topKey();
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
    results.sortDescending(); // −distance descending = distance ascending; −node likewise
  }

  private int nextEpoch() {
    if (++epoch == 0) { // wrapped after 2^32 searches: forget every mark once
      Arrays.fill(visited, 0);
      epoch = 1;
    }
    return epoch;
  }

  private void ensureBatchCapacity() {
    int degree = graph.maxDegree0();
    if (batch.length < degree) {
      batch = new int[degree];
      batchDistance = new float[degree];
    }
  }

  /** Keeps (node, distance) if fewer than ef are kept or it is nearer than the farthest kept. */
  private void offerResult(int node, float distance, int ef) {
    if (results.size() < ef) {
      results.push(-distance, -node);
    } else if (results.topBefore(-distance, -node)) {
      results.replaceTop(-distance, -node);
    }
  }
}
