package org.gio.core.backend;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

/** The portable compute backend: the bindings of {@link GioModule} itself. */
public final class ScalarBackend implements GioBackend {
  public static final String NAME = "scalar";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Role role() {
    return Role.COMPUTE;
  }

  @Override
  public String description() {
    return "portable Java loops; the reference every other backend is tested against";
  }

  @Override
  public Module module() {
    return new AbstractModule() {};
  }
}
