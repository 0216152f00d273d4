package org.gio.core.objective;

import org.gio.core.vectors.VectorSet;

/** An objective GIO can optimise a candidate point against: its states expose a gradient. */
public interface DifferentiableObjective extends Objective {

  @Override
  DifferentiableState start(Target target, VectorSet initial);
}
