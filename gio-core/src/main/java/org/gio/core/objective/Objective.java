package org.gio.core.objective;

import org.gio.core.vectors.VectorSet;

/**
 * A divergence between the target X and a selection W that GIO minimises or reports. An objective
 * is a stateless factory; the incremental bookkeeping for one run lives in its {@link
 * ObjectiveState}.
 */
public interface Objective {

  /** Short name used in configuration, reports and logs. */
  String name();

  /** State for the given target and initial selection (which may be empty). */
  ObjectiveState start(Target target, VectorSet initial);
}
