package org.gio.simd;

import com.google.inject.Module;
import org.gio.core.backend.GioBackend;

/**
 * The compute backend {@code simd}, found through {@link java.util.ServiceLoader}. It outranks
 * {@code scalar} when the Vector API is usable, so it is then the default.
 */
public final class SimdBackend implements GioBackend {
  public static final String NAME = "simd";

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
    return "Java Vector API kernels (needs " + SimdKernels.FLAG + "; falls back to scalar)";
  }

  @Override
  public int priority() {
    return SimdKernels.usable() ? 10 : -1;
  }

  @Override
  public Module module() {
    return new SimdModule();
  }
}
