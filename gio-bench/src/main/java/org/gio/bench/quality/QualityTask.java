package org.gio.bench.quality;

import org.gio.core.vectors.VectorSet;

/**
 * One selection task: a pool with labels, an unlabelled target sample, and a labelled test set of
 * the target's distribution. Features are the 50-d PCA ones every score uses.
 *
 * @param targetClasses the classes the target is drawn from (precision counts pool rows of these),
 *     or null when the target covers every class
 * @param corrupt which pool rows were corrupted, or null when none were
 */
public record QualityTask(
    String name,
    VectorSet pool,
    int[] poolLabels,
    VectorSet target,
    VectorSet test,
    int[] testLabels,
    int[] targetClasses,
    boolean[] corrupt) {

  /** True when pool row {@code row} belongs to one of the target classes. */
  public boolean inTargetClasses(int row) {
    if (targetClasses == null) {
      return true;
    }
    for (int c : targetClasses) {
      if (poolLabels[row] == c) {
        return true;
      }
    }
    return false;
  }
}
