package org.gio.core.backend;

import com.google.inject.AbstractModule;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;

/**
 * The default bindings: scalar kernels, exact search, exact ρ_k, the
 * blocked neighbour-table scan on the bound kernels. Backend modules override these
 * (see {@link Backends#injector}).
 */
public final class GioModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(VectorOps.class).to(ScalarVectorOps.class);
    bind(CandidateIndexFactory.class).to(ExactCandidateIndex.Factory.class);
    bind(KthNeighbourSearch.class).to(ExactKthNeighbourSearch.class);
    bind(NeighbourTableBuilder.class).to(BlockedNeighbourTableBuilder.class);
  }
}
