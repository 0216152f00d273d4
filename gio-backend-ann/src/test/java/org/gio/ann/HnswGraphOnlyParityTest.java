package org.gio.ann;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import org.gio.core.backend.GioModule;
import org.gio.core.testing.ParityContract;

/**
 * The parity fixtures with every query answered by the graph (no exact-scan fallback) and ρ_k
 * from the graph too: the fixtures' pools are small enough that the default options would mostly
 * scan, which would not test the graph.
 */
class HnswGraphOnlyParityTest extends ParityContract {
  static final HnswOptions GRAPH_ONLY =
      HnswOptions.builder().exactScanRows(0).scanWhenCheaper(false).kthGraphMinRows(0).build();

  @Override
  protected Injector injector() {
    return Guice.createInjector(Modules.override(new GioModule()).with(new HnswModule(GRAPH_ONLY)));
  }
}
