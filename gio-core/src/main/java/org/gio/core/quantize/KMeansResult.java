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
 * @param skippedRows per assignment step (each iteration's, then the final one), the rows whose
 *     bounds proved their centroid unchanged without scoring any centroid
 * @param scores per assignment step, the row–centroid scores computed (rows × K for a full scan),
 *     to show how much the bounds pruned
 */
public record KMeansResult(
    Quantization quantization,
    double[] inertia,
    double finalInertia,
    long[] iterationNanos,
    long initNanos,
    boolean converged,
    long[] skippedRows,
    long[] scores) {

  /** Lloyd iterations run. */
  public int iterations() {
    return inertia.length;
  }
}
