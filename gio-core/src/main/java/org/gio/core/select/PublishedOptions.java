package org.gio.core.select;

/**
 * The options of the published loop ({@code --faithful}, ALGORITHM.md §3; from {@link
 * GioConfig#published()}): those of {@link SelectionOptions} (k, maxIter, the stop rule and its
 * parameters, patience, seed, trackExactKl, the empty or uniform start, the relaxation the descent
 * follows, candidates, the outlier and density terms) and the descent's and the in-memory pool's
 * own: vInit, gradDescIter, lr, scaleFactor, randomRestartProb, randomInitPct, resetsAllowed and
 * maxResets. The gain table's options (gainOrders, retrievalCandidates) have no place here.
 */
public final class PublishedOptions extends SelectionOptions {
  private final VInit vInit;
  private final int gradDescIter;
  private final double lr;
  private final double scaleFactor;
  private final double randomRestartProb;
  private final double randomInitPct;
  private final boolean resetsAllowed;
  private final int maxResets;

  PublishedOptions(GioConfig c) {
    super(c);
    vInit = c.vInit();
    gradDescIter = c.gradDescIter();
    lr = c.lr();
    scaleFactor = c.scaleFactor();
    randomRestartProb = c.randomRestartProb();
    randomInitPct = c.randomInitPct();
    resetsAllowed = c.resetsAllowed();
    maxResets = c.maxResets();
  }

  public VInit vInit() {
    return vInit;
  }

  public int gradDescIter() {
    return gradDescIter;
  }

  public double lr() {
    return lr;
  }

  /** True when the gradient scale is computed from the first candidate (the reference's auto). */
  public boolean autoScale() {
    return Double.isNaN(scaleFactor);
  }

  /** The fixed gradient scale; NaN when {@link #autoScale()}. */
  public double scaleFactor() {
    return scaleFactor;
  }

  public double randomRestartProb() {
    return randomRestartProb;
  }

  /** The share of the pool drawn as the initial W ({@link GioConfig#randomInitPct()}). */
  public double randomInitPct() {
    return randomInitPct;
  }

  public boolean resetsAllowed() {
    return resetsAllowed;
  }

  public int maxResets() {
    return maxResets;
  }
}
