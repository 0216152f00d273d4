package org.gio.core.quantize;

import java.util.Objects;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;

/**
 * A pool summarised by K centroids: the centroids, which centroid each pool row belongs to, and
 * how many rows each centroid holds. Immutable; the arrays handed in are owned by this object.
 */
public final class Quantization {
  private final VectorSet centroids;
  private final int[] assignment;
  private final int[] sizes;
  private volatile int[][] members; // built on first use: rows of each cluster, ascending

  private Quantization(VectorSet centroids, int[] assignment, int[] sizes) {
    this.centroids = centroids;
    this.assignment = assignment;
    this.sizes = sizes;
  }

  /**
   * Wraps centroids and a pool assignment (one centroid index per pool row, taking ownership of
   * the array); fails if an index is out of range.
   */
  public static Quantization of(VectorSet centroids, int[] assignment) {
    Objects.requireNonNull(centroids, "centroids");
    int k = centroids.size();
    if (k < 1) {
      throw new GioInputException("a quantization needs at least one centroid");
    }
    int[] sizes = new int[k];
    for (int row = 0; row < assignment.length; row++) {
      int c = assignment[row];
      if (c < 0 || c >= k) {
        throw new GioInputException(
            "pool row " + row + " is assigned to centroid " + c + ", but there are " + k
                + " centroids (0.." + (k - 1) + ")");
      }
      sizes[c]++;
    }
    return new Quantization(centroids, assignment, sizes);
  }

  public VectorSet centroids() {
    return centroids;
  }

  /** Number of centroids K. */
  public int clusters() {
    return centroids.size();
  }

  /** Number of pool rows assigned. */
  public int poolRows() {
    return assignment.length;
  }

  /** The centroid of pool row {@code row}. */
  public int clusterOf(int row) {
    return assignment[row];
  }

  /** A copy of the assignment: one centroid index per pool row. */
  public int[] assignment() {
    return assignment.clone();
  }

  /** Rows assigned to centroid {@code c}. */
  public int size(int c) {
    return sizes[c];
  }

  /** A copy of the cluster sizes. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** Pool rows of cluster {@code c}, ascending (a copy). */
  public int[] members(int c) {
    return membersTable()[c].clone();
  }

  int[][] membersTable() {
    int[][] m = members;
    if (m == null) {
      // Counting sort by cluster: rows come out ascending within each cluster.
      m = new int[sizes.length][];
      int[] fill = new int[sizes.length];
      for (int c = 0; c < sizes.length; c++) {
        m[c] = new int[sizes[c]];
      }
      for (int row = 0; row < assignment.length; row++) {
        int c = assignment[row];
        m[c][fill[c]++] = row;
      }
      members = m;
    }
    return m;
  }

  @Override
  public String toString() {
    return "Quantization[" + assignment.length + " rows → " + clusters() + " centroids × "
        + centroids.dim() + "]";
  }
}
