package org.gio.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KlChartTest {
  @TempDir Path dir;

  private static Selection selection() {
    return new Selection(new long[] {0, 1, 2}, new double[] {2.0, 1.5, 1.2},
        new double[] {Double.NaN, 1.4, 1.1}, 2.5, Double.NaN, "max_iter", new long[0], 3, 0, 1.0,
        new Selection.Timings(1, 1, 0, 0, 0));
  }

  @Test
  void theTitleSaysWhatRan() {
    assertEquals("25 of 3,000 pool rows selected · stop: exact_increase",
        KlChart.title(25, 3000, "exact_increase"));
  }

  @Test
  void klOnlyForHighDimensions() throws IOException {
    Path png = dir.resolve("kl.png");
    VectorSet v = VectorSet.of(new float[] {1, 2, 3}, new float[] {4, 5, 6}, new float[] {7, 8, 9});
    KlChart.write(png, selection(), v, v, KlChart.title(3, 10, "max_iter"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(800, image.getWidth());
  }

  @Test
  void scatterPanelForTwoDimensions() throws IOException {
    Path png = dir.resolve("kl.png");
    VectorSet v = VectorSet.of(new float[] {1, 2}, new float[] {4, 5}, new float[] {7, 8});
    KlChart.write(png, selection(), v, v, KlChart.title(3, 10, "max_iter"));
    assertEquals(1600, ImageIO.read(png.toFile()).getWidth());
  }
}
