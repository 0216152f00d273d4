package org.gio.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import org.gio.core.GioInputException;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.select.GioSelector;
import org.gio.core.vectors.VectorOps;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void coreRegistersScalarAndExact() {
    assertEquals("scalar", Backends.byName("scalar").name());
    assertEquals(GioBackend.Role.INDEX, Backends.byName("EXACT").role());
  }

  @Test
  void unknownNameFailsListingTheKnownOnes() {
    GioInputException e = assertThrows(GioInputException.class, () -> Backends.byName("gpu"));
    assertTrue(e.getMessage().startsWith("unknown backend 'gpu'; known: "), e.getMessage());
    assertTrue(e.getMessage().contains("scalar") && e.getMessage().contains("exact"));
  }

  @Test
  void injectorWiresTheNamedBackends() {
    Injector injector = Backends.injector("scalar", "exact");
    assertEquals("scalar", injector.getInstance(VectorOps.class).name());
    assertEquals("exact", injector.getInstance(CandidateIndexFactory.class).name());
    assertTrue(injector.getInstance(GioSelector.class).describe().contains("index=exact"));
  }

  @Test
  void namingTheSameBackendTwiceIsHarmless() {
    assertEquals("scalar",
        Backends.injector("scalar", "scalar", null, "").getInstance(VectorOps.class).name());
  }
}
