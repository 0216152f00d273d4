package org.gio.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.inject.Injector;
import org.gio.core.backend.Backends;
import org.gio.core.backend.GioBackend;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.junit.jupiter.api.Test;

class HnswBackendTest {
  @Test
  void registeredAsAnIndexBackendBelowExact() {
    GioBackend hnsw = Backends.byName("hnsw");
    assertEquals(GioBackend.Role.INDEX, hnsw.role());
    assertEquals("exact", Backends.best(GioBackend.Role.INDEX).orElseThrow().name());
    assertEquals("exact", Backends.injector().getInstance(CandidateIndexFactory.class).name());
  }

  @Test
  void replacesTheSearchesButNotTheKernels() {
    Injector injector = Backends.injector("scalar", "hnsw");
    assertEquals("hnsw", injector.getInstance(CandidateIndexFactory.class).name());
    assertInstanceOf(HnswKthNeighbourSearch.class, injector.getInstance(KthNeighbourSearch.class));
    assertInstanceOf(ScalarVectorOps.class, injector.getInstance(VectorOps.class));
  }
}
