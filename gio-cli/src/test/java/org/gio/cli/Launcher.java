package org.gio.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a gio launcher script ({@code ./gio} at the repository root, or {@code bin/gio} of the
 * unpacked archive) as a child process under a given JDK, as a user would: exit status, stdout,
 * stderr. Integration tests only (they need the packaged jars).
 */
record Launcher(Path script, Path javaHome) {
  /** The repository's {@code ./gio} (failsafe runs in gio-cli/). */
  static Path repositoryScript() {
    return Path.of("..", "gio").toAbsolutePath().normalize();
  }

  /** The JDK running the tests, and every other JDK 17+ under /usr/lib/jvm (e.g. 25). */
  static List<Path> jdks() throws IOException {
    List<Path> homes = new ArrayList<>();
    Path running = Path.of(System.getProperty("java.home")).toRealPath();
    homes.add(running);
    Path jvm = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvm)) {
      try (Stream<Path> dirs = Files.list(jvm)) {
        for (Path d : dirs.sorted().toList()) {
          Path real = d.toRealPath();
          if (Files.isExecutable(real.resolve("bin/java")) && !homes.contains(real)
              && feature(real) > feature(running)) {
            homes.add(real);
          }
        }
      }
    }
    return homes;
  }

  /** The feature release in a JDK's release file (17, 25); 0 when unreadable. */
  static int feature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String v = line.substring("JAVA_VERSION=\"".length());
          return Integer.parseInt(v.split("[.\"+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : err.lines().toList();
    }
  }

  Result run(Path workDir, String... args) throws IOException, InterruptedException {
    Process p = start(workDir, args);
    // stdout and stderr drained concurrently, so neither pipe can fill up and stall gio
    Drain out = new Drain(p.getInputStream());
    Drain err = new Drain(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("gio did not finish in 120 s: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), out.text(), err.text());
  }

  Process start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().put("JAVA_HOME", javaHome.toString());
    pb.environment().remove("GIO_JAVA_OPTS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().remove("JAVA_TOOL_OPTIONS"); // it would print "Picked up ..." itself
    return pb.start();
  }

  /** Reads a stream to its end on a thread of its own. */
  static final class Drain {
    private final Thread thread;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Drain(InputStream in) {
      thread = new Thread(() -> {
        try (in) {
          in.transferTo(bytes);
        } catch (IOException ignored) {
          // the process ended; what was read is kept
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    String text() throws InterruptedException {
      thread.join(30_000);
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
