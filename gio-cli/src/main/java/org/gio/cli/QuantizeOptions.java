package org.gio.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gio.core.GioInputException;
import org.gio.core.quantize.Explosion;
import org.gio.core.quantize.KMeans;
import org.gio.core.quantize.KMeansResult;
import org.gio.core.quantize.Quantization;
import org.gio.core.select.GioConfig;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.io.quantize.QuantizationStore;
import org.gio.io.quantize.QuantizedReport;
import org.gio.io.report.SelectionReport;
import picocli.CommandLine.Option;

/**
 * {@code gio select}'s quantization flags (ALGORITHM.md §5): select among K-means centroids of the
 * pool, then explode the chosen centroids back to pool rows. A picocli mixin; without any of its
 * flags a run is unchanged.
 */
final class QuantizeOptions {
  @Option(names = "--quantize", paramLabel = "K",
      description = "Select among K K-means centroids of the pool, then output every pool row of each chosen centroid.")
  Integer clusters;

  @Option(names = "--quantize-target", paramLabel = "K2",
      description = "Also replace the target by K2 K-means centroids of it.")
  Integer targetClusters;

  @Option(names = "--quantization", paramLabel = "DIR",
      description = "Reuse a pool quantization saved by 'gio quantize' instead of --quantize.")
  Path saved;

  /** Whether any quantization was asked for. */
  boolean active() {
    return clusters != null || targetClusters != null || saved != null;
  }

  /** What the selection runs on, and how its result maps back to pool rows. */
  final class Plan {
    final VectorSet pool;
    final VectorSet target;
    final Quantization quantization; // null: not quantized
    final Map<String, Object> info = new LinkedHashMap<>();
    private final PrintWriter err;

    Plan(VectorSet pool, VectorSet target, Quantization quantization, PrintWriter err) {
      this.pool = pool;
      this.target = target;
      this.quantization = quantization;
      this.err = err;
    }

    /** Pool rows to output: the selection itself, or its chosen centroids exploded. */
    int[] rows(Selection s) {
      if (quantization == null) {
        return s.rows();
      }
      int[] rows = Explosion.explode(quantization, s.rows());
      if (err != null) {
        err.printf("gio: %d chosen centroids explode to %d pool rows%n",
            Explosion.distinct(s.rows()).length, rows.length);
        err.flush();
      }
      return rows;
    }

    /** The JSON report: the plain one, or with the quantization section and exploded rows. */
    ObjectNode report(Selection s, GioConfig config, Map<String, String> backends,
        Map<String, Object> inputs, Map<String, Double> ioMillis) {
      if (quantization == null) {
        return SelectionReport.toJson(s, config, backends, inputs, ioMillis);
      }
      return QuantizedReport.toJson(s, config, backends, inputs, quantization,
          Explosion.explode(quantization, s.rows()), info, ioMillis);
    }

  }

  /** Validates the flags and quantizes pool and target as asked (prints one line per fit). */
  Plan plan(VectorSet pool, VectorSet target, long seed, Injector injector, PrintWriter err,
      boolean quiet) {
    if (clusters != null && saved != null) {
      throw new GioInputException("give --quantize K or --quantization DIR, not both");
    }
    VectorOps ops = injector.getInstance(VectorOps.class);
    Quantization q = null;
    Map<String, Object> info = new LinkedHashMap<>();
    if (saved != null) {
      q = QuantizationStore.load(saved);
      if (q.poolRows() != pool.size() || q.centroids().dim() != pool.dim()) {
        throw new GioInputException(saved + ": made for a pool of " + q.poolRows() + " rows × "
            + q.centroids().dim() + ", but --pool has " + pool.size() + " × " + pool.dim());
      }
      info.put("source", saved.toString());
    } else if (clusters != null) {
      q = fit(pool, clusters, seed, ops, "pool", err, quiet).quantization();
      info.put("source", "fitted");
    }
    VectorSet t = target;
    if (targetClusters != null) {
      t = fit(target, targetClusters, seed, ops, "target", err, quiet).quantization().centroids();
      info.put("targetClusters", targetClusters);
    }
    Plan plan = new Plan(q == null ? pool : q.centroids(), t, q, quiet ? null : err);
    plan.info.putAll(info);
    return plan;
  }

  private static KMeansResult fit(VectorSet rows, int k, long seed, VectorOps ops, String what,
      PrintWriter err, boolean quiet) {
    KMeansResult r = KMeans.builder(k).seed(seed).ops(ops).build().fit(rows);
    if (!quiet) {
      err.printf("gio: quantized the %s: %d rows -> %d centroids in %d iterations, %.2f s%n",
          what, rows.size(), k, r.iterations(),
          (r.initNanos() + java.util.Arrays.stream(r.iterationNanos()).sum()) / 1e9);
      err.flush();
    }
    return r;
  }
}
