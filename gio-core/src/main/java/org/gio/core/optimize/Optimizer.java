package org.gio.core.optimize;

import org.gio.core.objective.DifferentiableState;

/**
 * Moves a candidate point towards a local minimum of f(X ‖ W ∪ {v}). One instance serves one run;
 * the selection loop decides how many steps each iteration gets.
 */
public interface Optimizer {

  /** Updates {@code v} in place with {@code steps} steps against the state's current W. */
  void optimize(DifferentiableState state, float[] v, int steps);
}
