package org.gio.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.gio.core.select.GioConfig;
import org.gio.io.AtomicFiles;
import org.gio.io.quantize.QuantizedReport;
import org.gio.io.report.SelectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gio-spark select}: the default GIO selection with the pool on a Spark cluster. */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Select rows of a candidate pool whose distribution best matches a target sample (the default",
      "GIO selection of 'gio select'), with the pool's neighbour table built on a Spark cluster.",
      "Pool and target: Parquet or JSON Lines, a file or a folder of part files."
    },
    footer = {
      "",
      "Examples:",
      "  gio-spark.sh select --master local[2] --pool pool.parquet --target target.jsonl --column embedding \\",
      "                   --out chosen.txt --out-rows chosen.parquet --report run.json",
      "  gio-spark.sh select --master local[2] --pool pool.parquet --target target.jsonl --column embedding \\",
      "                   --quantize 1500 --seed 3 --out chosen.txt   # MLlib K-means, GIO on the centroids",
      "  spark-submit --class org.gio.spark.GioSparkMain gio-spark.jar select --pool hdfs:///p --format parquet ...",
      "",
      "Exit status: 0 success, 1 internal error, 2 usage error, 3 bad input."
    })
final class SparkSelectCommand implements Callable<Integer> {
  @Option(names = "--master", paramLabel = "URL", description = "Spark master (local[2], spark://host:7077); default: spark-submit's.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
  List<String> conf = new ArrayList<>();

  @Option(names = "--pool", required = true, paramLabel = "PATH", description = "Candidate pool: Parquet or JSON Lines file or folder.")
  String pool;

  @Option(names = "--target", required = true, paramLabel = "PATH", description = "Target sample: Parquet or JSON Lines file or folder.")
  String target;

  @Option(names = "--format", paramLabel = "parquet|jsonl", description = "Input format (default: from the extension).")
  String format;

  @Option(names = "--column", required = true, paramLabel = "NAME", description = "The vector column (array of numbers or ML vector).")
  String column;

  @Option(names = "--target-column", paramLabel = "NAME", description = "The target's vector column (default: --column).")
  String targetColumn;

  @Option(names = "--id", paramLabel = "NAME", description = "The pool's unique long id column (default: rows numbered by sorted file path and position, from 0).")
  String id;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Chosen pool ids, one per line, in selection order.")
  Path out;

  @Option(names = "--out-rows", paramLabel = "FILE", description = "The chosen rows with all columns, in selection order (gio_rank; gio_id for added ids): one .parquet or .jsonl file.")
  Path outRows;

  @Option(names = "--report", paramLabel = "FILE", description = "JSON report, as gio select's.")
  Path report;

  @Option(names = "--backend", paramLabel = "NAME", description = "Compute backend (default: the best usable one, on the driver and each executor).")
  String backend;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--k", paramLabel = "K", description = "Neighbour order of the estimators (default: 5).")
  Integer k;

  @Option(names = {"--max-iter", "--budget"}, paramLabel = "N", description = "Accept at most N rows (default: no cap, GIO stops itself).")
  Integer maxIter;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: 0).")
  Long seed;

  @Option(names = "--candidates", paramLabel = "C", description = "Rows scored exactly per iteration (default: 32).")
  Integer candidates;

  @Option(names = "--patience", paramLabel = "P", description = "Rejected candidates in a row that end the run (default: 5).")
  Integer patience;

  @Option(names = "--outlier-weight", paramLabel = "X", description = "Outlier penalty weight (default: 0.5).")
  Double outlierWeight;

  @Option(names = "--density-weight", paramLabel = "X", description = "Density-ratio filter weight (default: Infinity; 0 turns it off).")
  Double densityWeight;

  @Option(names = "--density-quantile", paramLabel = "Q", description = "Density filter quantile (default: 0.375).")
  Double densityQuantile;

  @Option(names = "--density-sample", paramLabel = "S", description = "Pool rows in the density sample (default: 6000; 0: the whole pool).")
  Integer densitySample;

  @Option(names = "--gain-orders", paramLabel = "J", description = "Neighbour orders in the gain (default: 5).")
  Integer gainOrders;

  @Option(names = "--quantize", paramLabel = "K",
      description = "Select among K MLlib K-means centroids of the pool (seeded by --seed), then output every pool row of each chosen centroid (ALGORITHM.md §5).")
  Integer quantize;

  @Option(names = "--quantize-target", paramLabel = "K2", description = "Also replace the target by K2 MLlib K-means centroids of it.")
  Integer quantizeTarget;

  @Option(names = "--retrieval-candidates", paramLabel = "R", description = "Nearest rows of the R worst-covered target rows tried first (default: 0).")
  Integer retrievalCandidates;

  /** The default configuration with the flags given explicitly; out-of-range values fail naming the field. */
  GioConfig config() {
    GioConfig.Builder b = GioConfig.recommendedBuilder();
    if (k != null) b.k(k);
    if (maxIter != null) b.maxIter(maxIter);
    if (seed != null) b.seed(seed);
    if (candidates != null) b.candidates(candidates);
    if (patience != null) b.patience(patience);
    if (outlierWeight != null) b.outlierWeight(outlierWeight);
    if (densityWeight != null) b.densityWeight(densityWeight);
    if (densityQuantile != null) b.densityQuantile(densityQuantile);
    if (densitySample != null) b.densitySample(densitySample);
    if (gainOrders != null) b.gainOrders(gainOrders);
    if (retrievalCandidates != null) b.retrievalCandidates(retrievalCandidates);
    return b.build();
  }

  @Override
  public Integer call() throws Exception {
    GioConfig config = config();
    if (quantize != null) { // before Spark starts; 0 would otherwise read as "off"
      SparkQuantization.requireClusters("--quantize", quantize);
    }
    if (quantizeTarget != null) {
      SparkQuantization.requireClusters("--quantize-target", quantizeTarget);
    }
    SparkOutputs.check(Arrays.asList(out, outRows, report), List.of(pool, target));
    // Spark logs INFO by default; --conf spark.log.level=INFO gives it back
    SparkSession.Builder builder = SparkSession.builder().appName("gio-spark select").config("spark.log.level", "WARN");
    if (master != null) {
      builder.master(master);
    }
    for (String kv : conf) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "--conf takes KEY=VALUE, was '" + kv + "'");
      }
      builder.config(kv.substring(0, eq), kv.substring(eq + 1));
    }
    boolean ours = SparkSession.getDefaultSession().isEmpty(); // stop only a session this run made
    SparkSession spark = builder.getOrCreate();
    try {
      long start = System.nanoTime();
      GioSpark.Options options = new GioSpark.Options(column, targetColumn != null ? targetColumn : column, id, config,
          backend, quantize == null ? 0 : quantize, quantizeTarget == null ? 0 : quantizeTarget);
      GioSpark.Result result = GioSpark.select(
          spark, SparkInputs.read(spark, "pool", pool, format), SparkInputs.read(spark, "target", target, format), options);
      long write = System.nanoTime();
      SparkOutputs.ids(out, result.ids());
      if (outRows != null) {
        SparkOutputs.rows(outRows, result.rows());
      }
      if (report != null) {
        Map<String, Double> ioMillis = new LinkedHashMap<>(result.millis());
        ioMillis.put("write", (System.nanoTime() - write) / 1e6);
        ioMillis.put("wall", (System.nanoTime() - start) / 1e6);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("pool", pool);
        inputs.put("poolRows", result.poolRows());
        inputs.put("target", target);
        inputs.put("column", column);
        inputs.put("ids", id != null ? "column " + id : "sorted files + position");
        inputs.put("master", spark.sparkContext().master());
        inputs.put("partitions", result.partitions());
        var json = report(result, config, inputs, ioMillis);
        AtomicFiles.write(report, o -> o.write(json.toPrettyString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      }
      if (!quiet && result.quantized() != null) {
        System.err.println("gio-spark: " + org.gio.core.quantize.Explosion.distinct(result.selection().rows()).length
            + " chosen centroids of " + result.quantized().clusters() + " explode to " + result.ids().length + " pool rows");
      }
      if (!quiet) {
        System.err.println("gio-spark: selected " + result.ids().length + " of " + result.poolRows()
            + " rows (" + result.selection().stopReason() + ") -> " + out);
      }
      return 0;
    } finally {
      if (ours) {
        spark.stop();
      }
    }
  }

  /** gio select's report; with its quantization section when quantized. */
  private static com.fasterxml.jackson.databind.node.ObjectNode report(
      GioSpark.Result result, GioConfig config, Map<String, Object> inputs, Map<String, Double> ioMillis) {
    GioSpark.Quantized q = result.quantized();
    if (q == null) {
      return SelectionReport.toJson(result.selection(), config, result.backends(), inputs, ioMillis);
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("source", "fitted by Spark MLlib KMeans");
    info.put("iterations", q.iterations());
    if (q.targetClusters() > 0) {
      info.put("targetClusters", q.targetClusters());
    }
    return QuantizedReport.toJson(result.selection(), config, result.backends(), inputs, q.clusters(), result.poolRows(),
        c -> q.sizes()[c], result.ids(), info, ioMillis);
  }
}
