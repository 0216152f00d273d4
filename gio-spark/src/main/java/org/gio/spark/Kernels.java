package org.gio.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gio.core.backend.Backends;
import org.gio.core.table.NeighbourTableBuilder;

/**
 * The neighbour-table builder bound by Guice in this JVM (driver or executor), made once per
 * backend name: the same {@code Backends.injector} wiring as {@code gio select}. Without {@code
 * --add-modules jdk.incubator.vector} on an executor the simd backend is unusable and the scalar
 * kernels are bound: the same table (exact distances), only slower.
 */
final class Kernels {
  private static final Map<String, NeighbourTableBuilder> BUILDERS = new ConcurrentHashMap<>();

  private Kernels() {}

  /** {@code backend}: a compute backend's name, or "" for the best usable one. */
  static NeighbourTableBuilder builder(String backend) {
    return BUILDERS.computeIfAbsent(
        backend, b -> Backends.injector(b).getInstance(NeighbourTableBuilder.class));
  }
}
