package org.gio.core.backend;

import com.google.inject.Module;

/**
 * A pluggable implementation registered under a short name through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/org.gio.core.backend.GioBackend} entry). Its Guice module overrides
 * the bindings of {@link GioModule} for its {@link Role}.
 */
public interface GioBackend {

  /** What a backend replaces: the arithmetic kernels, or the pool search. */
  enum Role {
    COMPUTE,
    INDEX
  }

  /** Short name used on the command line, e.g. {@code simd} or {@code hnsw}. */
  String name();

  Role role();

  /** One line for listings: what it is and when to use it. */
  String description();

  /**
   * Preference among usable backends of the same role; the highest is the default. A backend
   * that cannot run here (e.g. a missing JDK module) should return a negative number.
   */
  default int priority() {
    return 0;
  }

  /** The bindings this backend overrides. */
  Module module();
}
