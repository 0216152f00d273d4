package org.gio.core.objective;

import org.gio.core.vectors.VectorSet;

/**
 * The value of an objective for (X, W), kept up to date as points are added to W. Adding a point
 * costs O(n·d): no implementation recomputes over all of W. Not thread-safe.
 */
public interface ObjectiveState {

  /** m, the number of points in W. */
  int size();

  /** The objective for the current W, or NaN where the estimator is undefined (e.g. m &lt; k). */
  double value();

  /** The objective for W ∪ {row} without changing the state. */
  double valueIfAdded(VectorSet source, int row);

  /** W ← W ∪ {row}. */
  void add(VectorSet source, int row);
}
