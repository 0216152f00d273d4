package org.gio.ann;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.gio.core.vectors.VectorSet;

/**
 * A built graph kept on disk so one expensive build (about 20 CPU-minutes for 1M × 128) serves many
 * runs with different search settings. The file is named by a hash of the rows' contents and the
 * build parameters (M, beamWidth, seed, threads), so a changed pool or option can never load a
 * stale graph. Private format, not meant to outlive a Lucene upgrade: a header, then for each level
 * from the top down the nodes on it with their neighbour ids. Neighbour scores are recomputed on
 * load (they are a function of the rows), which keeps the file to ids only.
 */
final class GraphCache {
  private static final long MAGIC = 0x47494f484e535731L; // "GIOHNSW1"

  private GraphCache() {}

  /** The graph from {@code dir} if one was cached for these rows and options, else built and cached. */
  static OnHeapHnswGraph loadOrBuild(
      Path dir, VectorSet rows, EuclideanScores scores, HnswOptions options) {
    Path file = dir.resolve(fileName(rows, options));
    try {
      if (Files.isReadable(file)) {
        return read(file, rows.size(), scores, options);
      }
      OnHeapHnswGraph graph = GraphBuild.build(rows, scores, options);
      Files.createDirectories(dir);
      write(graph, options.maxConn(), file);
      return graph;
    } catch (IOException e) {
      throw new UncheckedIOException("HNSW graph cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** Content hash of the rows plus every option that shapes the graph. */
  static String fileName(VectorSet rows, HnswOptions options) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, rows.size());
    h = mix(h, rows.dim());
    float[] data = rows.data();
    for (int r = 0; r < rows.size(); r++) {
      int offset = rows.offset(r);
      for (int j = 0; j < rows.dim(); j++) {
        h = mix(h, Float.floatToRawIntBits(data[offset + j]));
      }
    }
    return String.format(
        Locale.ROOT,
        "hnsw-%d-%d-%016x-M%d-beam%d-seed%d-t%d.graph",
        rows.size(),
        rows.dim(),
        h,
        options.maxConn(),
        options.beamWidth(),
        options.seed(),
        options.buildThreads());
  }

  private static long mix(long h, int v) {
    return (h ^ v) * 0x100000001b3L;
  }

  static void write(OnHeapHnswGraph graph, int maxConn, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeLong(MAGIC);
      out.writeInt(graph.size());
      out.writeInt(maxConn);
      out.writeInt(graph.numLevels());
      out.writeInt(graph.entryNode());
      for (int level = graph.numLevels() - 1; level >= 0; level--) {
        HnswGraph.NodesIterator nodes = graph.getNodesOnLevel(level);
        out.writeInt(nodes.size());
        while (nodes.hasNext()) {
          int node = nodes.nextInt();
          NeighborArray neighbours = graph.getNeighbors(level, node);
          out.writeInt(node);
          out.writeInt(neighbours.size());
          int[] ids = neighbours.nodes();
          for (int i = 0; i < neighbours.size(); i++) {
            out.writeInt(ids[i]);
          }
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static OnHeapHnswGraph read(Path file, int size, EuclideanScores scores, HnswOptions options)
      throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readLong() != MAGIC) {
        throw new IOException("not a GIO HNSW graph file; delete it to rebuild");
      }
      int n = in.readInt();
      int maxConn = in.readInt();
      if (n != size || maxConn != options.maxConn()) {
        throw new IOException("graph of " + n + " rows with M=" + maxConn + ", expected " + size
            + " rows with M=" + options.maxConn() + "; delete it to rebuild");
      }
      int levels = in.readInt();
      int entry = in.readInt();
      // An empty graph sized for n; Lucene only hands those out through a builder.
      OnHeapHnswGraph graph =
          HnswGraphBuilder.create(scores, maxConn, options.beamWidth(), options.seed(), n).getGraph();
      for (int level = levels - 1; level >= 0; level--) { // a node is added from its top level down
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          int node = in.readInt();
          graph.addNode(level, node);
          NeighborArray neighbours = graph.getNeighbors(level, node);
          RandomVectorScorer scorer = scores.scorer(node);
          int degree = in.readInt();
          for (int k = 0; k < degree; k++) {
            int other = in.readInt();
            neighbours.addOutOfOrder(other, scorer.score(other));
          }
        }
      }
      if (!graph.trySetNewEntryNode(entry, levels - 1) || graph.size() != n) {
        throw new IOException("incomplete graph file (" + graph.size() + " of " + n + " nodes)");
      }
      return graph;
    }
  }
}
