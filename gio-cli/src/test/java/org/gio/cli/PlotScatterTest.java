package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot-scatter}: a second PNG for 8-D data; checked like every other output. */
class PlotScatterTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "clusters");

  @TempDir Path dir;

  @Test
  void writesTheScatterBesideTheKlPlot() throws Exception {
    Path scatter = dir.resolve("scatter.png");
    Path plot = dir.resolve("kl.png");
    CliRun run = CliRun.of("select", "--pool", EXAMPLES.resolve("pool.npy"),
        "--target", EXAMPLES.resolve("target.npy"), "--out", dir.resolve("chosen.txt"),
        "--plot", plot, "--plot-scatter", scatter, "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertEquals(900, ImageIO.read(scatter.toFile()).getWidth());
    assertEquals(800, ImageIO.read(plot.toFile()).getWidth(), "8-D: the KL panel alone");
  }

  @Test
  void aScatterInAMissingFolderFailsBeforeAnyWork() {
    CliRun run = CliRun.of("select", "--pool", EXAMPLES.resolve("pool.npy"),
        "--target", EXAMPLES.resolve("target.npy"), "--out", dir.resolve("chosen.txt"),
        "--plot-scatter", dir.resolve("nope/scatter.png"), "--quiet");
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.errorLine().contains("nope"), run.err());
    assertFalse(Files.exists(dir.resolve("chosen.txt")));
  }
}
