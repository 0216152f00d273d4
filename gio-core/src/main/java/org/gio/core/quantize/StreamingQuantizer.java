package org.gio.core.quantize;

import java.util.concurrent.ForkJoinPool;
import org.gio.core.GioInputException;
import org.gio.core.vectors.NearestCentroidKernel;
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;

/**
 * Quantization of a pool that does not fit in memory: fit K-means on a seeded uniform sample of
 * rows (one pass), then assign every row to its nearest centroid (a second pass). Only the sample
 * and the assignment array (4 bytes per row) are held, never the pool.
 */
public final class StreamingQuantizer {
  /** Salts the seed of the training sample. */
  private static final long SAMPLE_SALT = 0x5DEECE66DL;

  private static final int BLOCK = 256;

  private final KMeans kmeans;
  private final int sampleSize;
  private final int threads;

  /**
   * @param kmeans the fit to run on the sample (its seed also draws the sample)
   * @param sampleSize rows to fit on; the whole pool when it has at most this many rows
   * @param threads worker threads for the assignment pass
   */
  public StreamingQuantizer(KMeans kmeans, int sampleSize, int threads) {
    if (sampleSize < kmeans.clusters()) {
      throw new GioInputException("a K-means sample of " + sampleSize + " rows cannot give K = "
          + kmeans.clusters() + " centroids; sample at least K rows");
    }
    this.kmeans = kmeans;
    this.sampleSize = sampleSize;
    this.threads = threads;
  }

  /** Fits on a sample and assigns every row of {@code source}. */
  public Quantization quantize(VectorSource source) {
    return quantize(source, chunkRows(source.dim()));
  }

  /** As {@link #quantize(VectorSource)}, reading chunks of {@code chunkRows} rows. */
  Quantization quantize(VectorSource source, int chunkRows) {
    if (source.rows() > Integer.MAX_VALUE - 8) {
      throw new GioInputException(source.rows() + " rows exceed one assignment array");
    }
    VectorSet sample = sample(source, sampleSize, kmeans.seed(), chunkRows);
    KMeansResult fit = kmeans.fit(sample);
    VectorSet centroids = fit.quantization().centroids();
    return Quantization.of(
        centroids, assign(source, centroids, threads, kmeans.ops(), chunkRows));
  }

  /** The seeded sample: {@code size} distinct rows (all rows if fewer), in row order. */
  static VectorSet sample(VectorSource source, int size, long seed, int chunkRows) {
    long n = source.rows();
    int dim = source.dim();
    int[] rows = RowSample.sorted((int) n, size, seed ^ SAMPLE_SALT);
    float[] out = new float[rows.length * dim];
    int[] next = {0};
    source.forEachChunk(chunkRows, (first, chunk) -> {
      long end = first + chunk.size();
      float[] d = chunk.data();
      while (next[0] < rows.length && rows[next[0]] < end) {
        int local = (int) (rows[next[0]] - first);
        System.arraycopy(d, local * dim, out, next[0] * dim, dim);
        next[0]++;
      }
    });
    if (next[0] != rows.length) {
      throw new GioInputException("the pool ended after fewer rows than its header promised");
    }
    return VectorSet.wrap(out, rows.length, dim);
  }

  /** The nearest centroid of every row of {@code source}, in one pass (scalar kernels). */
  public static int[] assign(VectorSource source, VectorSet centroids, int threads) {
    return assign(source, centroids, threads, new ScalarVectorOps());
  }

  /** The nearest centroid of every row of {@code source}, in one pass, on {@code ops}' kernel. */
  public static int[] assign(VectorSource source, VectorSet centroids, int threads, VectorOps ops) {
    return assign(source, centroids, threads, ops, chunkRows(source.dim()));
  }

  static int[] assign(
      VectorSource source, VectorSet centroids, int threads, VectorOps ops, int chunkRows) {
    if (centroids.dim() != source.dim()) {
      throw new GioInputException("centroids have " + centroids.dim()
          + " dimensions but the pool has " + source.dim());
    }
    NearestCentroidKernel kernel = ops.nearestCentroids(centroids);
    int[] assignment = new int[(int) source.rows()];
    ThreadLocal<float[]> best = ThreadLocal.withInitial(() -> new float[BLOCK]);
    ThreadLocal<int[]> nearest = ThreadLocal.withInitial(() -> new int[BLOCK]);
    ForkJoinPool pool = threads == 1 ? null : new ForkJoinPool(threads);
    try {
      source.forEachChunk(chunkRows, (first, chunk) -> {
        float[] data = chunk.data();
        int rows = chunk.size();
        Parallel.forEachBlock(pool, Parallel.blocks(rows, BLOCK), b -> {
          int from = b * BLOCK;
          int to = Math.min(rows, from + BLOCK);
          int[] nb = nearest.get();
          kernel.assign(data, null, from, to, nb, best.get(), null, 0);
          System.arraycopy(nb, 0, assignment, (int) first + from, to - from);
        });
      });
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
    return assignment;
  }

  /** Rows per chunk: about 32 MiB of floats, so a pass holds little more than one chunk. */
  static int chunkRows(int dim) {
    return (int) Math.max(1, (32L << 20) / (4L * dim));
  }

  @Override
  public String toString() {
    return "StreamingQuantizer[K=" + kmeans.clusters() + ", sample=" + sampleSize + "]";
  }
}
