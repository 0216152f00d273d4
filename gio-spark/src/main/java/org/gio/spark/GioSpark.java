package org.gio.spark;

import com.google.inject.Injector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.GreedySelector;
import org.gio.core.select.Selection;
import org.gio.core.select.SelectionListener;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The default GIO selection ({@link GioConfig#recommended()}) on a Spark cluster: the neighbour
 * table is built on the executors ({@link SparkNeighbourTables}), the greedy selection runs on the
 * driver on that table, unchanged ({@link GreedySelector}). On the same rows and ids it selects
 * exactly the rows {@code gio select} selects, in the same order, whatever the partitioning.
 * With {@link Options#withQuantize} it runs the reference's path at scale instead ({@link
 * SparkQuantization}: MLlib K-means, the same selector on the centroids, explosion by a join).
 */
public final class GioSpark {
  private GioSpark() {}

  /**
   * Where the vectors and ids are, and how to select.
   *
   * @param column the pool's vector column (array of numbers or ML vector)
   * @param targetColumn the target's vector column
   * @param idColumn the pool's unique long id column, or null to number rows by sorted file and
   *     position (the ids {@code gio select} gives the rows of one file)
   * @param config the selection's configuration (usually from {@link GioConfig#recommendedBuilder})
   * @param backend a compute backend's name, or "" for the best usable one
   * @param quantize K: select among K MLlib K-means centroids of the pool and output their
   *     members (ALGORITHM.md §5); 0 for the default selection on the pool's rows
   * @param quantizeTarget K2: replace the target by K2 MLlib K-means centroids of it; 0 for none
   */
  public record Options(
      String column, String targetColumn, String idColumn, GioConfig config, String backend, int quantize, int quantizeTarget) {
    public Options {
      backend = backend == null ? "" : backend;
      if (quantize != 0) { // 0: off
        SparkQuantization.requireClusters("--quantize", quantize);
      }
      if (quantizeTarget != 0) {
        SparkQuantization.requireClusters("--quantize-target", quantizeTarget);
      }
    }

    /** The default selection on column {@code column} of both inputs, rows numbered by file. */
    public static Options of(String column) {
      return new Options(column, column, null, GioConfig.recommended(), "", 0, 0);
    }

    public Options withIdColumn(String id) {
      return new Options(column, targetColumn, id, config, backend, quantize, quantizeTarget);
    }

    public Options withTargetColumn(String c) {
      return new Options(column, c, idColumn, config, backend, quantize, quantizeTarget);
    }

    public Options withConfig(GioConfig c) {
      return new Options(column, targetColumn, idColumn, c, backend, quantize, quantizeTarget);
    }

    public Options withBackend(String b) {
      return new Options(column, targetColumn, idColumn, config, b, quantize, quantizeTarget);
    }

    /** Selects among {@code k} (at least 2) MLlib K-means centroids of the pool, seeded by the config's seed. */
    public Options withQuantize(int k) {
      SparkQuantization.requireClusters("--quantize", k);
      return new Options(column, targetColumn, idColumn, config, backend, k, quantizeTarget);
    }

    /** Replaces the target by {@code k} (at least 2) MLlib K-means centroids of it. */
    public Options withQuantizeTarget(int k) {
      SparkQuantization.requireClusters("--quantize-target", k);
      return new Options(column, targetColumn, idColumn, config, backend, quantize, k);
    }
  }

  /**
   * What the quantized path did.
   *
   * @param clusters the centroids GIO selected among (MLlib may return fewer than K)
   * @param sizes pool rows assigned to each centroid
   * @param iterations MLlib's K-means iterations on the pool
   * @param targetClusters the target's centroids (0: the target was not quantized)
   */
  public record Quantized(int clusters, long[] sizes, int iterations, int targetClusters) {}

  /**
   * The outcome.
   *
   * @param selection the selection; its ids are the pool's ids, or centroid indices when quantized
   * @param ids the pool ids chosen, in order: the selection's, or the chosen centroids' members
   *     (clusters in the order first chosen, ids ascending within each)
   * @param quantized the quantization, or null for the default selection on the pool's rows
   * @param rows the chosen pool rows with all their columns, in selection order, with {@code
   *     gio_rank} (and {@code gio_id} when the ids were added); lazy: nothing runs until it is used
   * @param poolRows M, the pool's row count
   * @param partitions the pool's partitions (the scan's tasks)
   * @param backends compute backend and table builder, as in {@code gio select}'s report
   * @param millis time of the phases: target, table scan, fetch, selection
   */
  public record Result(
      Selection selection, long[] ids, Quantized quantized, Dataset<Row> rows, long poolRows, int partitions, Map<String, String> backends, Map<String, Double> millis) {}

  public static Result select(SparkSession spark, Dataset<Row> pool, Dataset<Row> target, Options options) {
    return select(spark, pool, target, options, SelectionListener.NONE);
  }

  public static Result select(
      SparkSession spark, Dataset<Row> pool, Dataset<Row> target, Options options, SelectionListener listener) {
    Map<String, Double> millis = new LinkedHashMap<>();
    long start = System.nanoTime();
    VectorSet x = TargetRows.collect(target, options.targetColumn());
    GioConfig config = options.config();
    if (options.quantizeTarget() > 0) {
      x = SparkQuantization.fitTarget(spark, x, options.quantizeTarget(), config.seed());
    }
    millis.put("target", (System.nanoTime() - start) / 1e6);
    PreparedRows rows = PreparedRows.of("pool", pool, options.column(), options.idColumn(), x.dim());
    Injector injector = Backends.injector(options.backend());
    Map<String, String> backends = new LinkedHashMap<>();
    backends.put("compute", injector.getInstance(VectorOps.class).name());
    if (options.quantize() > 0) {
      return quantized(spark, rows, x, options, listener, injector, backends, millis);
    }
    // the depth for a pool of unknown size; the table caps it at M, as tableDepth(config, M) does
    int depth = GreedySelector.tableDepth(config, Long.MAX_VALUE);
    SparkNeighbourTables.Built built = SparkNeighbourTables.build(
        spark, rows, x, depth, m -> GreedySelector.densitySample(config, m), options.backend());
    millis.put("table", built.scanMillis());
    millis.put("fetch", built.fetchMillis());
    start = System.nanoTime();
    GreedySelector selector = injector.getInstance(GreedySelector.class);
    Selection selection = selector.select(built.table(), x, null, config, listener);
    millis.put("selection", (System.nanoTime() - start) / 1e6);
    backends.put("table", built.builder());
    long[] ids = selection.selected();
    return new Result(selection, ids, null, ChosenRows.of(spark, rows, ids), built.table().poolRows(),
        rows.internalRows().getNumPartitions(), backends, millis);
  }

  /** ALGORITHM.md §5 on Spark: MLlib K-means, gio select's selector on the centroids, explosion by a join. */
  private static Result quantized(SparkSession spark, PreparedRows rows, VectorSet x, Options options,
      SelectionListener listener, Injector injector, Map<String, String> backends, Map<String, Double> millis) {
    long start = System.nanoTime();
    SparkQuantization q = SparkQuantization.fit(spark, rows, options.quantize(), options.config().seed());
    try {
      millis.put("quantize", (System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      // the selector gio select's --quantize runs on the centroids, held in memory
      Selection selection = injector.getInstance(GioSelector.class)
          .select(q.centroids(), x, null, options.config(), listener);
      millis.put("selection", (System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      long[] ids = q.explode(spark, selection.rows());
      millis.put("explode", (System.nanoTime() - start) / 1e6);
      Quantized info = new Quantized(q.centroids().size(), q.sizes(), q.iterations(), options.quantizeTarget());
      return new Result(selection, ids, info, ChosenRows.of(spark, rows, ids), q.poolRows(),
          rows.internalRows().getNumPartitions(), backends, millis);
    } finally {
      q.release();
    }
  }
}
