package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real launcher, on the JDK running the tests (17) and every newer one installed (25): stderr
 * carries only what gio means to say (no incubator or native-access warnings), and java is the
 * launcher's own process, so signals reach it.
 */
class LauncherQuietIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "clusters").toAbsolutePath();

  @TempDir Path dir;

  static List<Path> jdks() throws IOException {
    return Launcher.jdks();
  }

  private static Launcher gio(Path jdk) {
    return new Launcher(Launcher.repositoryScript(), jdk);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aBadInputIsExactlyOneLineOfStderr(Path jdk) throws Exception {
    Launcher.Result r = gio(jdk).run(dir, "select", "--pool", "missing.npy",
        "--target", EXAMPLES.resolve("target.npy").toString(), "--out", "chosen.txt");
    assertEquals(3, r.exit(), r.err());
    assertEquals(List.of("gio: missing.npy: no such file"), r.errLines());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aGoodRunPrintsItsSummaryOnlyAndVerboseAddsTheBackends(Path jdk) throws Exception {
    String[] select = {"select", "--pool", EXAMPLES.resolve("pool.npy").toString(),
        "--target", EXAMPLES.resolve("target.npy").toString(), "--out", "chosen.txt",
        "--out-rows", "chosen.parquet"}; // Parquet: DuckDB's native code, JDK 24+'s warnings
    Launcher.Result plain = gio(jdk).run(dir, select);
    assertEquals(0, plain.exit(), plain.err());
    assertEquals(1, plain.errLines().size(), plain.err());
    assertTrue(plain.err().startsWith("gio: selected 25 rows"), plain.err());

    Files.delete(dir.resolve("chosen.txt"));
    Files.delete(dir.resolve("chosen.parquet"));
    String[] verbose = java.util.Arrays.copyOf(select, select.length + 1);
    verbose[select.length] = "--verbose";
    Launcher.Result v = gio(jdk).run(dir, verbose);
    assertEquals(0, v.exit(), v.err());
    List<String> lines = v.errLines();
    assertEquals(3, lines.size(), v.err());
    assertTrue(lines.get(0).startsWith("gio: GIO kernels: simd-"), v.err());
    assertTrue(lines.get(1).startsWith("gio: GIO backends: compute=simd, index=exact"), v.err());
    assertTrue(lines.get(2).startsWith("gio: selected 25 rows"), v.err());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void gioAloneListsTheCommandsAndOneExample(Path jdk) throws Exception {
    Launcher.Result r = gio(jdk).run(dir);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("gio: give a command:\n  select "), r.err());
    assertTrue(r.err().contains("Example: gio select --pool"), r.err());
    assertFalse(r.err().contains("gio gio"), r.err());
    assertFalse(r.err().contains("Missing required subcommand"), r.err());
  }

  /**
   * Without the Vector API module (java started by hand, not by the launcher) the simd backend's
   * fallback warning is still printed, once, by default.
   */
  @org.junit.jupiter.api.Test
  void theScalarFallbackWarningStaysVisible() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", target.resolve("gio-cli.jar") + java.io.File.pathSeparator + target.resolve("lib/*"),
        "org.gio.cli.Gio", "select", "--pool", EXAMPLES.resolve("pool.npy").toString(),
        "--target", EXAMPLES.resolve("target.npy").toString(), "--out", "chosen.txt", "--quiet")
        .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    assertEquals(List.of("gio: GIO simd backend: the Vector API is not available; using scalar "
        + "kernels. Start the JVM with --add-modules jdk.incubator.vector to enable it."),
        err.lines().toList());
  }

  /** A pool that is a FIFO keeps gio waiting in open(), long enough to look at its process. */
  @ParameterizedTest
  @MethodSource("jdks")
  void javaIsTheLauncherProcessAndSigtermReachesIt(Path jdk) throws Exception {
    Path fifo = dir.resolve("pool.npy");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Process p = gio(jdk).start(dir, "select", "--pool", fifo.toString(),
        "--target", EXAMPLES.resolve("target.npy").toString(), "--out", "chosen.txt");
    Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
    String command = "";
    for (int i = 0; i < 600 && !command.contains("org.gio.cli.Gio"); i++) {
      TimeUnit.MILLISECONDS.sleep(50); // polling: bash execs java a moment after the start
      command = Files.exists(cmdline)
          ? new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8) : "";
    }
    assertTrue(command.contains("org.gio.cli.Gio"), "the launcher's pid runs java: " + command);
    p.destroy(); // SIGTERM to that pid
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, p.exitValue(), "java's own exit status for SIGTERM (128 + 15)");
    assertFalse(Files.exists(dir.resolve("chosen.txt")));
  }
}
