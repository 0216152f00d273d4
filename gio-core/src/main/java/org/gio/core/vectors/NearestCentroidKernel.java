package org.gio.core.vectors;

/**
 * Nearest and second-nearest of a fixed set of K centroids for blocks of rows, the assignment
 * step of K-means. Obtained from {@link VectorOps#nearestCentroids}, which prepares the centroids
 * once (their norms, and whatever layout the backend's kernel wants); then {@link #assign} is
 * called for many blocks of rows, from any number of threads.
 *
 * <p>The quantity compared is {@code ‖c‖² − 2x·c} (add ‖x‖² for the squared distance), computed
 * in float. Ties go to the lower centroid index. The value for a row depends only on the row and
 * the centroids, never on the block, the position in the block or the calling thread, so callers
 * that split rows in any way get the same result. Different backends may differ in the last bits
 * (summation order), and so may pick a different centroid only where two are within float
 * rounding of each other.
 *
 * <p>Immutable and thread-safe.
 */
public interface NearestCentroidKernel {

  /** K, the number of centroids. */
  int size();

  /** The dimension of the centroids (and of the rows passed to {@link #assign}). */
  int dim();

  /**
   * How many centroids the kernel scores together: K is padded up to a multiple of it, so a kernel
   * over a multiple of this many centroids spends nothing on padding (callers that choose their
   * own subsets of centroids, like K-means' Yinyang groups, size them by it).
   */
  int width();

  /**
   * For rows {@code [from, to)} of {@code data} (row-major, {@link #dim()} floats a row), or for
   * rows {@code rowIndex[from..to)} when rowIndex is not null: writes, at index {@code out + (i −
   * from)}, the nearest centroid into {@code nearest}, its {@code ‖c‖² − 2x·c} into {@code best},
   * and the same quantity for the second-nearest into {@code second} (pass null to skip; +∞ when
   * K = 1).
   */
  void assign(
      float[] data,
      int[] rowIndex,
      int from,
      int to,
      int[] nearest,
      float[] best,
      float[] second,
      int out);

  /**
   * Every score at once: for rows {@code [from, to)} of {@code data} (or rows {@code
   * rowIndex[from..to)}), writes {@code ‖c‖² − 2x·c} of centroid c at {@code out[outOffset + (i −
   * from)·size() + c]}. The values are bit for bit the ones {@link #assign} compares, so a caller
   * that scans only some centroids (K-means with Yinyang bounds) picks what a full scan would.
   */
  void scores(float[] data, int[] rowIndex, int from, int to, float[] out, int outOffset);
}
