package org.gio.simd;

import com.google.inject.Injector;
import org.gio.core.backend.Backends;
import org.gio.core.testing.ParityContract;

/** Every parity fixture under the Vector API kernels, wired through Guice by name. */
class SimdParityTest extends ParityContract {
  @Override
  protected Injector injector() {
    return Backends.injector("simd", "exact");
  }
}
