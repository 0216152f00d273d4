package org.gio.core.objective;

/** An {@link ObjectiveState} that also gives the gradient with respect to a candidate point. */
public interface DifferentiableState extends ObjectiveState {

  /**
   * Writes ∇_v f(X ‖ W ∪ {v}) into {@code out} (length d), where f is this objective and W the
   * current selection.
   */
  void gradientAt(float[] v, double[] out);
}
