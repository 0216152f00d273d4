package org.gio.io.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.gio.io.AtomicFiles;
import org.knowm.xchart.XYChart;

/**
 * Charts side by side in one PNG, drawn off screen ({@code java.awt.headless}, so it works on a
 * server or in CI without a display) and written atomically.
 */
final class ChartImage {
  private ChartImage() {}

  static void write(Path png, int panelWidth, int height, XYChart... panels) throws IOException {
    write(png, panelWidth, height, List.of(panels));
  }

  static void write(Path png, int panelWidth, int height, List<XYChart> panels)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(panelWidth * panels.size(), height,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D panel = (Graphics2D) g.create(i * panelWidth, 0, panelWidth, height);
      panels.get(i).paint(panel, panelWidth, height);
      panel.dispose();
    }
    g.dispose();
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG encoder in this Java runtime");
      }
    });
  }
}
