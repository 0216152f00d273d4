package org.gio.io.quantize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gio.core.quantize.Explosion;
import org.gio.core.quantize.Quantization;
import org.gio.core.select.GioConfig;
import org.gio.core.select.Selection;
import org.gio.io.AtomicFiles;
import org.gio.io.report.SelectionReport;

/**
 * The JSON report of a quantized selection: the usual report, with {@code selected} holding the
 * exploded pool rows (what the index file holds) and a {@code quantization} section listing the
 * chosen centroids, in order, with their sizes. The KL traces are per chosen centroid.
 */
public final class QuantizedReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private QuantizedReport() {}

  public static ObjectNode toJson(
      Selection s,
      GioConfig config,
      Map<String, String> backends,
      Map<String, Object> inputs,
      Quantization pool,
      int[] rows,
      Map<String, Object> info,
      Map<String, Double> ioMillis) {
    ObjectNode root = SelectionReport.toJson(s, config, backends, inputs, ioMillis);
    root.put("selectedCount", rows.length);
    ArrayNode selected = root.putArray("selected");
    for (int r : rows) {
      selected.add(r);
    }
    ObjectNode q = root.putObject("quantization");
    q.put("clusters", pool.clusters());
    q.put("poolRows", pool.poolRows());
    info.forEach((k, v) -> q.set(k, JSON.valueToTree(v)));
    int[] chosen = Explosion.distinct(s.rows());
    ArrayNode centroids = q.putArray("chosenCentroids");
    ArrayNode sizes = q.putArray("chosenSizes");
    for (int c : chosen) {
      centroids.add(c);
      sizes.add(pool.size(c));
    }
    q.set("selectedCentroids", JSON.valueToTree(s.selected()));
    return root;
  }

}
