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
    long[] ids = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      ids[i] = rows[i];
    }
    return toJson(s, config, backends, inputs, pool.clusters(), pool.poolRows(), pool::size, ids, info, ioMillis);
  }

  /**
   * The same report for a quantization known only by its counts (gio-spark: the assignment stays
   * on the cluster): {@code clusters} centroids over {@code poolRows} rows, {@code sizeOf} a
   * centroid's rows, {@code rows} the exploded pool ids.
   */
  public static ObjectNode toJson(
      Selection s,
      GioConfig config,
      Map<String, String> backends,
      Map<String, Object> inputs,
      int clusters,
      long poolRows,
      java.util.function.IntToLongFunction sizeOf,
      long[] rows,
      Map<String, Object> info,
      Map<String, Double> ioMillis) {
    ObjectNode root = SelectionReport.toJson(s, config, backends, inputs, ioMillis);
    root.put("selectedCount", rows.length);
    ArrayNode selected = root.putArray("selected");
    for (long r : rows) {
      selected.add(r);
    }
    ObjectNode q = root.putObject("quantization");
    q.put("clusters", clusters);
    q.put("poolRows", poolRows);
    info.forEach((k, v) -> q.set(k, JSON.valueToTree(v)));
    int[] chosen = Explosion.distinct(s.rows());
    ArrayNode centroids = q.putArray("chosenCentroids");
    ArrayNode sizes = q.putArray("chosenSizes");
    for (int c : chosen) {
      centroids.add(c);
      sizes.add(sizeOf.applyAsLong(c));
    }
    q.set("selectedCentroids", JSON.valueToTree(s.selected()));
    return root;
  }

}
