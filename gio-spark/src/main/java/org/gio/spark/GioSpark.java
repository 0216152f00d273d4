package org.gio.spark;

import com.google.inject.Injector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.backend.Backends;
import org.gio.core.select.GioConfig;
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
   */
  public record Options(String column, String targetColumn, String idColumn, GioConfig config, String backend) {
    public Options {
      backend = backend == null ? "" : backend;
    }

    /** The default selection on column {@code column} of both inputs, rows numbered by file. */
    public static Options of(String column) {
      return new Options(column, column, null, GioConfig.recommended(), "");
    }

    public Options withIdColumn(String id) {
      return new Options(column, targetColumn, id, config, backend);
    }

    public Options withConfig(GioConfig c) {
      return new Options(column, targetColumn, idColumn, c, backend);
    }

    public Options withBackend(String b) {
      return new Options(column, targetColumn, idColumn, config, b);
    }
  }

  /**
   * The outcome.
   *
   * @param selection the selection; its ids are the pool's ids
   * @param rows the chosen pool rows with all their columns, in selection order, with {@code
   *     gio_rank} (and {@code gio_id} when the ids were added); lazy: nothing runs until it is used
   * @param poolRows M, the pool's row count
   * @param partitions the pool's partitions (the scan's tasks)
   * @param backends compute backend and table builder, as in {@code gio select}'s report
   * @param millis time of the phases: target, table scan, fetch, selection
   */
  public record Result(
      Selection selection, Dataset<Row> rows, long poolRows, int partitions, Map<String, String> backends, Map<String, Double> millis) {}

  public static Result select(SparkSession spark, Dataset<Row> pool, Dataset<Row> target, Options options) {
    return select(spark, pool, target, options, SelectionListener.NONE);
  }

  public static Result select(
      SparkSession spark, Dataset<Row> pool, Dataset<Row> target, Options options, SelectionListener listener) {
    Map<String, Double> millis = new LinkedHashMap<>();
    long start = System.nanoTime();
    VectorSet x = TargetRows.collect(target, options.targetColumn());
    millis.put("target", (System.nanoTime() - start) / 1e6);
    PreparedRows rows = PreparedRows.of("pool", pool, options.column(), options.idColumn(), x.dim());
    GioConfig config = options.config();
    // the depth for a pool of unknown size; the table caps it at M, as tableDepth(config, M) does
    int depth = GreedySelector.tableDepth(config, Long.MAX_VALUE);
    SparkNeighbourTables.Built built = SparkNeighbourTables.build(
        spark, rows, x, depth, m -> GreedySelector.densitySample(config, m), options.backend());
    millis.put("table", built.scanMillis());
    millis.put("fetch", built.fetchMillis());
    start = System.nanoTime();
    Injector injector = Backends.injector(options.backend());
    GreedySelector selector = injector.getInstance(GreedySelector.class);
    Selection selection = selector.select(built.table(), x, null, config, listener);
    millis.put("selection", (System.nanoTime() - start) / 1e6);
    Map<String, String> backends = new LinkedHashMap<>();
    backends.put("compute", injector.getInstance(VectorOps.class).name());
    backends.put("table", built.builder());
    return new Result(selection, ChosenRows.of(spark, rows, selection.selected()), built.table().poolRows(),
        rows.internalRows().getNumPartitions(), backends, millis);
  }
}
