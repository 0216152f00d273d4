package org.gio.io.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.gio.io.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture of a run as a PNG: KL versus iteration (the chart the reference README shows), and,
 * when the embeddings are 2-D, a second panel with the target and the selected rows. Drawn with
 * XChart into one image, so a run has one plot file.
 */
public final class KlChart {
  private static final int PANEL_WIDTH = 800;
  private static final int HEIGHT = 560;

  private KlChart() {}

  /**
   * Writes the chart to {@code png} atomically.
   *
   * @param target the target rows, drawn when 2-D; may be null
   * @param selected the selected rows, drawn when 2-D; may be null
   */
  public static void write(Path png, Selection s, VectorSet target, VectorSet selected)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<XYChart> panels = new ArrayList<>();
    panels.add(klPanel(s));
    if (target != null && selected != null && target.dim() == 2) {
      panels.add(scatterPanel(target, selected));
    }
    BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), HEIGHT,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      Graphics2D panel = (Graphics2D) g.create(i * PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT);
      panels.get(i).paint(panel, PANEL_WIDTH, HEIGHT);
      panel.dispose();
    }
    g.dispose();
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG encoder in this Java runtime");
      }
    });
  }

  static XYChart klPanel(Selection s) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
        .title("KL(target || selected) per accepted row").xAxisTitle("rows selected")
        .yAxisTitle("KL estimate").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    addTrace(chart, "KL (averaged, optimised)", s.initialKl(), s.kl());
    if (s.exactKl().length > 0) {
      addTrace(chart, "KL (exact k-NN)", s.initialExactKl(), s.exactKl());
    }
    return chart;
  }

  /** Adds the finite points of a trace; x = 0 is the initial set. */
  private static void addTrace(XYChart chart, String name, double initial, double[] trace) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    if (Double.isFinite(initial)) {
      xs.add(0.0);
      ys.add(initial);
    }
    for (int i = 0; i < trace.length; i++) {
      if (Double.isFinite(trace[i])) {
        xs.add(i + 1.0);
        ys.add(trace[i]);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries series = chart.addSeries(name, xs, ys);
      series.setMarker(xs.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }
  }

  static XYChart scatterPanel(VectorSet target, VectorSet selected) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
        .title("target vs selected").xAxisTitle("x").yAxisTitle("y").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(5);
    chart.addSeries("target", column(target, 0), column(target, 1));
    if (selected.size() > 0) {
      chart.addSeries("selected", column(selected, 0), column(selected, 1));
    }
    return chart;
  }

  private static double[] column(VectorSet v, int c) {
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i, c);
    }
    return out;
  }
}
