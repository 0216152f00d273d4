package org.gio.cli;

import java.util.concurrent.Callable;
import org.gio.core.backend.Backends;
import org.gio.core.backend.GioBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gio backends}: what can be passed to --backend and --index here. */
@Command(
    name = "backends",
    mixinStandardHelpOptions = true,
    description = "List the compute and index backends available on this class path.")
final class BackendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (GioBackend.Role role : GioBackend.Role.values()) {
      String best = Backends.best(role).map(GioBackend::name).orElse("");
      for (GioBackend b : Backends.available()) {
        if (b.role() == role) {
          spec.commandLine()
              .getOut()
              .printf(
                  "%-8s %-8s %s%s%n",
                  role.name().toLowerCase(java.util.Locale.ROOT),
                  b.name(),
                  b.description(),
                  b.name().equals(best) ? " (default)" : b.priority() < 0 ? " (unusable here)" : "");
        }
      }
    }
    return ExitCodes.OK;
  }
}
