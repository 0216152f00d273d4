package org.gio.ann;

import java.util.Arrays;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * An immutable copy of a built HNSW graph's links in flat int arrays, made once after the build
 * (or the cache load) so queries walk plain arrays instead of Lucene's per-node {@link
 * NeighborArray} objects. Lucene stays in charge of building and of the cache format; only the
 * search reads this copy ({@link FlatHnswSearcher}).
 *
 * <p>Nodes are renumbered in {@link GraphOrder} (node i is pool row {@link #row(int) row(i)}), so
 * that the rows a search visits, read through {@link NodeVectors} in the same order, lie close
 * together in memory.
 *
 * <p>Layout: level 0 holds every node in one int[] with a fixed block of {@code 1 + maxDegree}
 * slots per node — the neighbour count, then the neighbour ids — so a node's count and its first
 * neighbours share a cache line. Each upper level holds its (sorted) nodes the same way, found by
 * binary search; they are few (about n / M per level) and only the greedy descent reads them.
 * Neighbour order is Lucene's.
 */
final class FlatHnswGraph {
  private final int size;
  private final int entryNode;
  private final int topLevel;
  private final int block0;
  private final int[] links0;
  /** For level ≥ 1: its nodes in ascending order (index 0 unused). */
  private final int[][] upperNodes;
  private final int[][] upperLinks;
  private final int[] upperBlock;
  private final int[] rowOf;

  private FlatHnswGraph(
      int size, int entryNode, int topLevel, int block0, int[] links0,
      int[][] upperNodes, int[][] upperLinks, int[] upperBlock, int[] rowOf) {
    this.rowOf = rowOf;
    this.size = size;
    this.entryNode = entryNode;
    this.topLevel = topLevel;
    this.block0 = block0;
    this.links0 = links0;
    this.upperNodes = upperNodes;
    this.upperLinks = upperLinks;
    this.upperBlock = upperBlock;
  }

  /** Copies {@code graph}'s links; the Lucene graph can be dropped afterwards. */
  static FlatHnswGraph of(OnHeapHnswGraph graph) {
    int n = graph.size();
    int levels = graph.numLevels();
    int[] rowOf = GraphOrder.of(graph);
    int[] nodeOf = new int[n];
    for (int node = 0; node < n; node++) {
      nodeOf[rowOf[node]] = node;
    }
    int block0 = 1 + maxDegree(graph, 0, allNodes(n));
    int[] links0 = new int[Math.multiplyExact(n, block0)];
    for (int node = 0; node < n; node++) {
      copy(graph.getNeighbors(0, rowOf[node]), nodeOf, links0, node * block0);
    }
    int[][] upperNodes = new int[levels][];
    int[][] upperLinks = new int[levels][];
    int[] upperBlock = new int[levels];
    for (int level = 1; level < levels; level++) {
      int[] rows = HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
      int block = 1 + maxDegree(graph, level, rows);
      int[] nodes = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        nodes[i] = nodeOf[rows[i]];
      }
      Arrays.sort(nodes);
      int[] links = new int[Math.multiplyExact(nodes.length, block)];
      for (int slot = 0; slot < nodes.length; slot++) {
        copy(graph.getNeighbors(level, rowOf[nodes[slot]]), nodeOf, links, slot * block);
      }
      upperNodes[level] = nodes;
      upperLinks[level] = links;
      upperBlock[level] = block;
    }
    return new FlatHnswGraph(
        n, nodeOf[graph.entryNode()], levels - 1, block0, links0, upperNodes, upperLinks,
        upperBlock, rowOf);
  }

  private static int[] allNodes(int n) {
    int[] nodes = new int[n];
    Arrays.setAll(nodes, i -> i);
    return nodes;
  }

  private static int maxDegree(OnHeapHnswGraph graph, int level, int[] nodes) {
    int max = 0;
    for (int node : nodes) {
      max = Math.max(max, graph.getNeighbors(level, node).size());
    }
    return max;
  }

  private static void copy(NeighborArray neighbours, int[] nodeOf, int[] links, int at) {
    int count = neighbours.size();
    links[at] = count;
    int[] rows = neighbours.nodes();
    for (int i = 0; i < count; i++) {
      links[at + 1 + i] = nodeOf[rows[i]];
    }
  }

  int size() {
    return size;
  }

  /** The pool row of a node. */
  int row(int node) {
    return rowOf[node];
  }

  /** Node → pool row for every node (not to be modified). */
  int[] rows() {
    return rowOf;
  }

  int entryNode() {
    return entryNode;
  }

  /** The highest level (0 when the graph has one level). */
  int topLevel() {
    return topLevel;
  }

  /** Level-0 links: {@code links0()[at]} is the count, the ids follow, {@code at = level0At(node)}. */
  int[] links0() {
    return links0;
  }

  /** The most neighbours a node has on level 0 (about 2·M). */
  int maxDegree0() {
    return block0 - 1;
  }

  int level0At(int node) {
    return node * block0;
  }

  /** Links of level ≥ 1, in the same block layout as {@link #links0()}. */
  int[] upperLinks(int level) {
    return upperLinks[level];
  }

  /** Where {@code node}'s block starts in {@link #upperLinks(int)}; the node must be on the level. */
  int upperAt(int level, int node) {
    int slot = Arrays.binarySearch(upperNodes[level], node);
    if (slot < 0) {
      throw new IllegalStateException("node " + node + " is not on level " + level);
    }
    return slot * upperBlock[level];
  }
}
