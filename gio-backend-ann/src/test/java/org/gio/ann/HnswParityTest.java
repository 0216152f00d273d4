package org.gio.ann;

import com.google.inject.Injector;
import org.gio.core.backend.Backends;
import org.gio.core.testing.ParityContract;

/** The parity fixtures under HNSW search with its default options (re-ranking on). */
class HnswParityTest extends ParityContract {
  @Override
  protected Injector injector() {
    return Backends.injector("scalar", "hnsw");
  }
}
