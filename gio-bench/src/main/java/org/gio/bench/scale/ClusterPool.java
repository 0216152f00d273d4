package org.gio.bench.scale;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gio.io.AtomicFiles;
import org.gio.io.npy.NpyWriter;

/**
 * The synthetic setup: a mixture of 100 Gaussian clusters in d dimensions (centres from
 * N(0, 1)^d, rows centre + N(0, σ²)), a pool drawn from all of them and a target drawn from five.
 * Rows are generated and written in chunks of {@value #CHUNK} rows, each chunk from its own seed
 * (seed, chunk index), so a pool of any size is written with one chunk in memory and the same seed
 * always writes the same file. A pool written with {@code nearRows} draws its rows from index
 * {@code nearRows} on from the clusters the target does not use only, and is row for row the pool of
 * the same seed and size up to there: its first {@code nearRows} rows are the file {@code
 * writePool(file, nearRows)} writes (docs/scale.md, "The 10M run against its 2M prefix").
 */
final class ClusterPool {
  static final int CLUSTERS = 100;
  static final int TARGET_CLUSTERS = 5;
  static final int CHUNK = 8192;
  /** Spread of a cluster around its centre (per coordinate). */
  static final double SIGMA = 0.35;

  private final float[][] centres;
  private final int dim;
  private final long seed;

  ClusterPool(int dim, long seed) {
    this.dim = dim;
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    centres = new float[CLUSTERS][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) random.nextGaussian();
      }
    }
  }

  /** Writes {@code rows} pool rows (every cluster) to {@code file}, atomically. */
  void writePool(Path file, long rows) throws IOException {
    write(file, rows, CLUSTERS, 1, rows);
  }

  /**
   * Writes {@code rows} pool rows whose rows from index {@code nearRows} on come from the clusters
   * the target does not use (every row draws one cluster index, so the random stream, and hence
   * every row before {@code nearRows}, is the same as {@link #writePool(Path, long)}'s).
   */
  void writePool(Path file, long rows, long nearRows) throws IOException {
    write(file, rows, CLUSTERS, 1, nearRows);
  }

  /** Writes {@code rows} target rows drawn from the first {@value #TARGET_CLUSTERS} clusters. */
  void writeTarget(Path file, int rows) throws IOException {
    write(file, rows, TARGET_CLUSTERS, 2, rows);
  }

  private void write(Path file, long rows, int clusters, long stream, long nearRows) throws IOException {
    AtomicFiles.write(file, raw -> {
      OutputStream out = new DataOutputStream(raw);
      NpyWriter.writeHeader(out, rows, dim);
      ByteBuffer bytes = ByteBuffer.allocate(CHUNK * dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (long start = 0, chunk = 0; start < rows; start += CHUNK, chunk++) {
        int n = (int) Math.min(CHUNK, rows - start);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + stream * 7_919L + chunk);
        bytes.clear();
        for (int r = 0; r < n; r++) {
          int cluster = start + r < nearRows
              ? random.nextInt(clusters)
              : TARGET_CLUSTERS + random.nextInt(clusters - TARGET_CLUSTERS);
          float[] c = centres[cluster];
          for (int j = 0; j < dim; j++) {
            bytes.putFloat((float) (c[j] + SIGMA * random.nextGaussian()));
          }
        }
        out.write(bytes.array(), 0, bytes.position());
      }
      out.flush();
    });
  }
}
