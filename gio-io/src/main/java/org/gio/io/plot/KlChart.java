package org.gio.io.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture of a run as a PNG: KL versus iteration (the chart the reference README shows; the
 * title says how many rows were selected of how many and why the run stopped), and, when the
 * embeddings are 2-D, a second panel with the target and the selected rows. For any dimension,
 * {@link ScatterChart} draws pool, target and selection on the target's principal plane.
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
   * @param title the chart's title, e.g. {@link #title}
   */
  public static void write(Path png, Selection s, VectorSet target, VectorSet selected,
      String title) throws IOException {
    List<XYChart> panels = new ArrayList<>();
    panels.add(klPanel(s, title));
    if (target != null && selected != null && target.dim() == 2) {
      panels.add(scatterPanel(target, selected));
    }
    ChartImage.write(png, PANEL_WIDTH, HEIGHT, panels);
  }

  /** What ran, for the titles: {@code 25 of 3,000 pool rows selected · stop: exact_increase}. */
  public static String title(int selected, long poolRows, String stopReason) {
    return String.format(Locale.ROOT, "%,d of %,d pool rows selected · stop: %s",
        selected, poolRows, stopReason);
  }

  static XYChart klPanel(Selection s, String title) {
    XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT)
        .title(title).xAxisTitle("rows selected")
        .yAxisTitle("KL(target || selected) estimate").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    addTrace(chart, "KL (averaged, optimised)", s.initialKl(), s.kl());
    if (s.exactKl().length > 0) {
      addTrace(chart, "KL (exact k-NN)", s.initialExactKl(), s.exactKl());
    }
    // from 0 to a round number, so that the ticks are round too
    int longest = Math.max(s.kl().length, s.exactKl().length);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(NiceScale.upperBound(Math.max(1, longest)));
    chart.getStyler().setXAxisDecimalPattern("#,##0");
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
