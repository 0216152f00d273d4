package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code mvn package} builds (target/gio-VERSION-bin.tar.gz) unpacks anywhere and runs
 * without the source tree: {@code bin/gio --help} and the README's selection on its own examples.
 */
class DistributionIT {
  @TempDir Path dir;

  @Test
  void unpacksAndRunsWithoutTheSourceTree() throws Exception {
    Path archive;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      archive = files.filter(p -> p.getFileName().toString().matches("gio-.*-bin\\.tar\\.gz"))
          .findFirst().orElseThrow(() -> new AssertionError("no gio-*-bin.tar.gz in target/"));
    }
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(),
        "-C", dir.toString()).inheritIO().start();
    assertEquals(0, tar.waitFor());
    Path home;
    try (Stream<Path> top = Files.list(dir)) {
      List<Path> entries = top.toList();
      assertEquals(1, entries.size(), "one top folder: " + entries);
      home = entries.get(0);
    }
    Path script = home.resolve("bin/gio");
    assertTrue(Files.isExecutable(script));
    assertTrue(Files.isRegularFile(home.resolve("lib/gio-cli.jar")));
    Launcher gio = new Launcher(script, Path.of(System.getProperty("java.home")));

    Launcher.Result help = gio.run(dir, "--help");
    assertEquals(0, help.exit(), help.err());
    assertTrue(help.out().contains("Usage: gio"), help.out());
    assertEquals("", help.err());

    Launcher.Result select = gio.run(home, "select", "--pool", "examples/clusters/pool.npy",
        "--target", "examples/clusters/target.npy", "--out", dir.resolve("chosen.txt").toString(),
        "--quiet");
    assertEquals(0, select.exit(), select.err());
    assertEquals("", select.err());
    assertEquals(25, Files.readAllLines(dir.resolve("chosen.txt")).size());
  }
}
