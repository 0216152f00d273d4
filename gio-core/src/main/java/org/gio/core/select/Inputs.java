package org.gio.core.select;

import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;

/** Fail-fast checks on a run's inputs, with messages that name the input and the fix. */
final class Inputs {
  private Inputs() {}

  static void check(VectorSet pool, VectorSet target, VectorSet initial, SelectionOptions config) {
    check(pool.size(), pool.dim(), target, initial, config);
    pool.requireFinite("pool");
  }

  /**
   * The checks that need only the pool's shape (a streamed pool's values are checked during the
   * pass that reads them).
   */
  static void check(long poolRows, int poolDim, VectorSet target, VectorSet initial, SelectionOptions config) {
    if (poolRows == 0) {
      throw new GioInputException("pool: no rows; GIO needs at least one candidate row");
    }
    if (target.isEmpty()) {
      throw new GioInputException("target: no rows; GIO needs a sample of the data you want");
    }
    if (poolDim != target.dim()) {
      throw new GioInputException(
          "pool has dimension " + poolDim + " but target has " + target.dim()
              + "; embed both with the same model");
    }
    if (initial != null && initial.dim() != target.dim()) {
      throw new GioInputException(
          "initial set has dimension " + initial.dim() + " but target has " + target.dim()
              + "; embed all inputs with the same model");
    }
    if (config.k() >= target.size()) {
      throw new GioInputException(
          "target: k = " + config.k() + " needs more than " + config.k()
              + " target rows (a row is not its own neighbour), got " + target.size()
              + "; lower k or give a larger target");
    }
    target.requireFinite("target");
    if (initial != null) {
      initial.requireFinite("initial set");
    }
  }
}
