package org.gio.io.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gio.core.select.GioConfig;
import org.gio.core.select.Selection;
import org.gio.io.AtomicFiles;

/**
 * The JSON report of a run: configuration, backends, chosen rows, KL traces (undefined values as
 * null), stop reason and timings. Key names are stable; {@code stopReason} spells the criterion as
 * ALGORITHM.md does.
 */
public final class SelectionReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SelectionReport() {}

  public static ObjectNode toJson(
      Selection s, GioConfig config, Map<String, String> backends, Map<String, Object> inputs) {
    return toJson(s, config, backends, inputs, Map.of());
  }

  /**
   * The report, with {@code ioMillis} (e.g. {@code read}, {@code write}: time outside the
   * selection loop) added to {@code timingsMillis}.
   */
  public static ObjectNode toJson(Selection s, GioConfig config, Map<String, String> backends,
      Map<String, Object> inputs, Map<String, Double> ioMillis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("stopReason", s.stopReason());
    root.put("selectedCount", s.size());
    root.put("iterations", s.iterations());
    root.put("resets", s.resets());
    number(root, "initialKl", s.initialKl());
    number(root, "initialExactKl", s.initialExactKl());
    number(root, "finalKl", s.finalKl());
    root.put("scaleFactor", s.scaleFactor());
    ArrayNode selected = root.putArray("selected");
    for (long row : s.selected()) {
      selected.add(row);
    }
    trace(root.putArray("kl"), s.kl());
    trace(root.putArray("exactKl"), s.exactKl());
    if (s.initialPoolRows().length > 0) {
      ArrayNode init = root.putArray("initialPoolRows");
      for (long row : s.initialPoolRows()) {
        init.add(row);
      }
    }
    ObjectNode timings = root.putObject("timingsMillis");
    timings.put("total", s.timings().total() / 1e6);
    timings.put("setup", s.timings().setup() / 1e6);
    timings.put("descent", s.timings().descent() / 1e6);
    timings.put("search", s.timings().search() / 1e6);
    timings.put("update", s.timings().update() / 1e6);
    ioMillis.forEach(timings::put);
    root.set("backends", JSON.valueToTree(backends));
    root.set("inputs", JSON.valueToTree(inputs));
    root.set("config", JSON.valueToTree(config.asMap()));
    return root;
  }

  public static void write(
      Path file,
      Selection s,
      GioConfig config,
      Map<String, String> backends,
      Map<String, Object> inputs)
      throws IOException {
    write(file, s, config, backends, inputs, Map.of());
  }

  /** Writes the report with I/O timings; see {@link #toJson(Selection, GioConfig, Map, Map, Map)}. */
  public static void write(Path file, Selection s, GioConfig config, Map<String, String> backends,
      Map<String, Object> inputs, Map<String, Double> ioMillis) throws IOException {
    write(file, toJson(s, config, backends, inputs, ioMillis));
  }

  /** Writes a report built with {@code toJson} (and perhaps extended), atomically. */
  public static void write(Path file, ObjectNode json) throws IOException {
    AtomicFiles.write(file, out -> JSON.writeValue(new NonClosing(out), json));
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  private static void trace(ArrayNode array, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }

  /** Jackson closes what it writes to; the atomic writer owns the stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
