package org.gio.core.quantize;

/**
 * The outcome of a K-means fit.
 *
 * @param quantization centroids and the assignment of every fitted row
 * @param inertia Σ squared distance of each row to its centroid, at the assignment step of each
 *     Lloyd iteration (before that iteration moves the centroids); one entry per iteration
 * @param finalInertia the same sum for the returned centroids and assignment
 * @param iterationNanos wall time of each Lloyd iteration (assignment + update)
 * @param initNanos wall time of the initialisation
 * @param converged true when the tolerance (or an unchanged assignment) ended the loop before the
 *     iteration cap
 */
public record KMeansResult(
    Quantization quantization,
    double[] inertia,
    double finalInertia,
    long[] iterationNanos,
    long initNanos,
    boolean converged) {

  /** Lloyd iterations run. */
  public int iterations() {
    return inertia.length;
  }
}
