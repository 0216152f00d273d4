package org.gio.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scatter draws pool (grey), target (blue) and selection (red) for 8-D rows, headless. */
class ScatterChartTest {
  @TempDir Path dir;

  @Test
  void drawsAllThreeSetsInAnyDimension() throws IOException {
    VectorSet pool = RandomVectors.gaussian(1, 300, 8, 0, 1);
    VectorSet target = RandomVectors.gaussian(2, 50, 8, 2, 0.5);
    VectorSet selected = pool.select(new int[] {0, 1, 2, 3, 4});
    Path png = dir.resolve("scatter.png");
    ScatterChart.write(png, pool, target, selected, KlChart.title(5, 300, "exact_increase"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(900, image.getWidth());
    assertEquals(700, image.getHeight());
    assertTrue(has(image, 31, 119, 180), "target points");
    assertTrue(has(image, 214, 39, 40), "selected points");
    Path without = dir.resolve("without-pool.png");
    ScatterChart.write(without, pool.select(new int[0]), target, selected, "no pool");
    assertTrue(greyPixels(image) > greyPixels(ImageIO.read(without.toFile())) + 500,
        "pool points drawn grey");
    Files.delete(without);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  private static boolean has(BufferedImage image, int r, int g, int b) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 255) - r) < 6 && Math.abs(((p >> 8) & 255) - g) < 6
            && Math.abs((p & 255) - b) < 6) {
          return true;
        }
      }
    }
    return false;
  }

  /** Light, even greys: the pool's translucent markers over white (and the grid lines). */
  private static int greyPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        int r = (p >> 16) & 255;
        int g = (p >> 8) & 255;
        int b = p & 255;
        if (r == g && g == b && r >= 150 && r <= 235) {
          count++;
        }
      }
    }
    return count;
  }
}
