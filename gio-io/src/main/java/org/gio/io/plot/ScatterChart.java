package org.gio.io.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.gio.core.vectors.VectorSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Where the selection lies, for embeddings of any dimension: pool rows (grey, a sample), target
 * and selected rows, projected on the target's first two principal components
 * ({@link PrincipalPlane}). Written as its own PNG ({@code gio select --plot-scatter}).
 */
public final class ScatterChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 700;
  private static final Color POOL = new Color(170, 170, 170, 120);
  private static final Color TARGET = new Color(31, 119, 180);
  private static final Color SELECTED = new Color(214, 39, 40);

  private ScatterChart() {}

  /**
   * Writes the scatter to {@code png} atomically.
   *
   * @param pool pool rows to draw grey: the caller's seeded sample, not the whole pool; may be
   *     empty
   * @param target the target rows; the plane is theirs (at least one row)
   * @param selected the selected rows; may be empty
   * @param title the chart's title (what ran: sizes, stop reason)
   */
  public static void write(Path png, VectorSet pool, VectorSet target, VectorSet selected,
      String title) throws IOException {
    ChartImage.write(png, WIDTH, HEIGHT, chart(pool, target, selected, title));
  }

  static XYChart chart(VectorSet pool, VectorSet target, VectorSet selected, String title) {
    PrincipalPlane plane = PrincipalPlane.of(target);
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("target's principal component 1")
        .yAxisTitle("target's principal component 2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    chart.getStyler().setMarkerSize(5); // one size per chart in XChart
    add(chart, String.format(Locale.ROOT, "pool (sample of %,d)", pool.size()), plane, pool, POOL);
    add(chart, String.format(Locale.ROOT, "target (%,d)", target.size()), plane, target, TARGET);
    add(chart, String.format(Locale.ROOT, "selected (%,d)", selected.size()), plane, selected,
        SELECTED);
    return chart;
  }

  private static void add(XYChart chart, String name, PrincipalPlane plane, VectorSet rows,
      Color color) {
    if (rows.size() == 0) {
      return;
    }
    double[][] xy = plane.project(rows);
    XYSeries s = chart.addSeries(name, xy[0], xy[1]);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
  }
}
