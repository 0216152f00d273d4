package org.gio.core.backend;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

/** The exact pool search: a full scan per query through the active kernels ({@link GioModule}). */
public final class ExactIndexBackend implements GioBackend {
  public static final String NAME = "exact";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Role role() {
    return Role.INDEX;
  }

  @Override
  public String description() {
    return "exact nearest-row scan; best for pools up to ~100k rows or quantized pools";
  }

  /** Above {@code hnsw} (0): the exact search stays the default index. */
  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Module module() {
    return new AbstractModule() {};
  }
}
