package org.gio.core.stop;

/**
 * Decides whether the candidate GIO just found ends the run (or, with resets allowed, triggers a
 * reset). Implementations hold only their parameters; the loop owns all running state and passes
 * it in a {@link StopContext}. Semantics: ALGORITHM.md §4.
 */
public interface StopCriterion {

  /** The criterion's name as ALGORITHM.md spells it; reported as the stop reason. */
  String name();

  boolean fires(StopContext context);
}
