package org.gio.ann;

import com.google.inject.AbstractModule;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.search.CandidateIndexFactory;

/**
 * Overrides the pool search and the ρ_k search with their HNSW versions. It leaves {@code
 * VectorOps} alone, so a compute backend (e.g. {@code simd}) supplies the arithmetic underneath.
 */
public final class HnswModule extends AbstractModule {
  private final HnswOptions options;

  public HnswModule() {
    this(HnswOptions.DEFAULTS);
  }

  public HnswModule(HnswOptions options) {
    this.options = options;
  }

  @Override
  protected void configure() {
    bind(HnswOptions.class).toInstance(options);
    bind(CandidateIndexFactory.class).to(HnswCandidateIndex.Factory.class);
    bind(KthNeighbourSearch.class).to(HnswKthNeighbourSearch.class);
  }
}
