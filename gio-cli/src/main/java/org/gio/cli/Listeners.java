package org.gio.cli;

import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;

/** Sends selection events to several listeners in turn (progress bar first, then the summary). */
final class Listeners implements SelectionListener {
  private final SelectionListener[] listeners;

  private Listeners(SelectionListener... listeners) {
    this.listeners = listeners;
  }

  static SelectionListener of(SelectionListener... listeners) {
    return new Listeners(listeners);
  }

  @Override
  public void started(int poolSize, int maxIter, double initialKl) {
    for (SelectionListener l : listeners) {
      l.started(poolSize, maxIter, initialKl);
    }
  }

  @Override
  public void iteration(Iteration iteration) {
    for (SelectionListener l : listeners) {
      l.iteration(iteration);
    }
  }

  @Override
  public void finished(Selection selection) {
    for (SelectionListener l : listeners) {
      l.finished(selection);
    }
  }
}
