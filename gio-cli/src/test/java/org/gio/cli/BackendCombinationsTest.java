package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Injector;
import java.util.stream.Stream;
import org.gio.core.backend.Backends;
import org.gio.core.backend.GioBackend;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.select.GioSelector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every compute backend wires together with every index backend (modules must not clash). */
class BackendCombinationsTest {

  @TestFactory
  Stream<DynamicTest> everyComputeBackendComposesWithEveryIndexBackend() {
    return Backends.available().stream()
        .filter(b -> b.role() == GioBackend.Role.COMPUTE)
        .flatMap(compute -> Backends.available().stream()
            .filter(b -> b.role() == GioBackend.Role.INDEX)
            .map(index -> DynamicTest.dynamicTest(compute.name() + " + " + index.name(), () -> {
              Injector injector = Backends.injector(compute.name(), index.name());
              injector.getInstance(GioSelector.class);
              assertEquals(index.name(), injector.getInstance(CandidateIndexFactory.class).name());
            })));
  }
}
