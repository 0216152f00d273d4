package org.gio.core.backend;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorOps;

/**
 * Backend discovery by name through {@link ServiceLoader}, and the Guice injector that wires the
 * chosen ones over {@link GioModule}. At most one backend per {@link GioBackend.Role}; a role not
 * named gets its highest-priority usable backend.
 */
public final class Backends {
  private static final System.Logger LOG = System.getLogger(Backends.class.getName());

  private Backends() {}

  /** Every backend on the class path, sorted by role then name. */
  public static List<GioBackend> available() {
    List<GioBackend> all = new ArrayList<>();
    ServiceLoader.load(GioBackend.class, Backends.class.getClassLoader()).forEach(all::add);
    all.sort(Comparator.comparing(GioBackend::role).thenComparing(GioBackend::name));
    return all;
  }

  /** The backend with this name; fails naming the known ones. */
  public static GioBackend byName(String name) {
    return available().stream()
        .filter(b -> b.name().equalsIgnoreCase(name.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new GioInputException(
                    "unknown backend '" + name + "'; known: " + knownNames()));
  }

  /** The usable backend of this role with the highest priority. */
  public static Optional<GioBackend> best(GioBackend.Role role) {
    return available().stream()
        .filter(b -> b.role() == role && b.priority() >= 0)
        .max(Comparator.comparingInt(GioBackend::priority));
  }

  private static String knownNames() {
    return available().stream().map(GioBackend::name).collect(Collectors.joining(", "));
  }

  /**
   * An injector with the named backends over the defaults; roles not named get their best usable
   * backend.
   *
   * @throws GioInputException for an unknown name, or two names of the same role
   */
  public static Injector injector(String... names) {
    Map<GioBackend.Role, GioBackend> chosen = new EnumMap<>(GioBackend.Role.class);
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      GioBackend backend = byName(name);
      GioBackend previous = chosen.put(backend.role(), backend);
      if (previous != null && !previous.name().equals(backend.name())) {
        throw new GioInputException(
            "backends '" + previous.name() + "' and '" + backend.name() + "' both replace the "
                + backend.role().name().toLowerCase(java.util.Locale.ROOT)
                + " role; choose one");
      }
    }
    for (GioBackend.Role role : GioBackend.Role.values()) {
      if (!chosen.containsKey(role)) {
        best(role).ifPresent(b -> chosen.put(role, b));
      }
    }
    List<Module> overrides =
        chosen.values().stream().map(GioBackend::module).collect(Collectors.toList());
    Injector injector = Guice.createInjector(Modules.override(new GioModule()).with(overrides));
    LOG.log(
        System.Logger.Level.DEBUG,
        "GIO backends: "
            + chosen.values().stream()
                .map(b -> b.role().name().toLowerCase(java.util.Locale.ROOT) + "=" + b.name())
                .collect(Collectors.joining(", "))
            + " (kernels: " + injector.getInstance(VectorOps.class).name() + ")");
    return injector;
  }
}
