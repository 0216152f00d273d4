package org.gio.core.select;

import com.google.inject.Injector;
import org.gio.core.backend.Backends;
import org.gio.core.testing.ParityContract;

/** The parity fixtures under the portable defaults: scalar kernels, exact search. */
class ScalarParityTest extends ParityContract {
  @Override
  protected Injector injector() {
    return Backends.injector("scalar", "exact");
  }
}
