package org.gio.core.select;

/**
 * The options of the default selection, {@link GreedySelector} (from {@link GioConfig#greedy()}):
 * those of {@link SelectionOptions} (k, maxIter, the stop rule and its parameters, patience, seed,
 * trackExactKl, the empty or uniform start, the relaxation the KL trace reports, candidates, the
 * outlier and density terms) and the gain table's own, {@link #gainOrders()} and {@link
 * #retrievalCandidates()}. There is no descent and no pool in memory, so the published loop's
 * options (vInit, lr, gradDescIter, scaleFactor, randomRestartProb, randomInitPct, resetsAllowed,
 * maxResets) have no place here.
 */
public final class GreedyOptions extends SelectionOptions {
  private final int gainOrders;
  private final int retrievalCandidates;

  GreedyOptions(GioConfig c) {
    super(c);
    gainOrders = c.gainOrders();
    retrievalCandidates = c.retrievalCandidates();
  }

  /** Neighbour orders the gain, ranking and stop average over ({@link GioConfig#gainOrders()}). */
  public int gainOrders() {
    return gainOrders;
  }

  /** Retrieval rows tried first each iteration ({@link GioConfig#retrievalCandidates()}). */
  public int retrievalCandidates() {
    return retrievalCandidates;
  }
}
