package org.gio.core.select;

/**
 * Progress of a run, for progress bars and benchmark curves. Called on the selecting thread; keep
 * it cheap.
 */
public interface SelectionListener {

  /** A listener that ignores everything. */
  SelectionListener NONE = new SelectionListener() {};

  /** Set-up is done; {@code maxIter} rows at most will be accepted. */
  default void started(int poolSize, int maxIter, double initialKl) {}

  /** One candidate was examined. */
  default void iteration(Iteration iteration) {}

  /** The run ended. */
  default void finished(Selection selection) {}

  /**
   * One examined candidate.
   *
   * @param number 1-based count of candidates examined
   * @param row the pool row found
   * @param outcome what became of it
   * @param kl the objective with the row added
   * @param exactKl KL_exact with the row added, if accepted and tracked, else NaN
   * @param accepted rows accepted so far, this one included when accepted
   * @param nanos time spent on this iteration
   */
  record Iteration(
      int number, int row, Outcome outcome, double kl, double exactKl, int accepted, long nanos) {}

  /** What happened to a candidate. */
  enum Outcome {
    ACCEPTED,
    /** The stop criterion fired but patience was left: the row is dropped and the run goes on. */
    REJECTED,
    RESET,
    STOPPED
  }
}
