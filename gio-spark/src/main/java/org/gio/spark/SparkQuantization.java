package org.gio.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gio.core.GioInputException;
import org.gio.core.select.InvalidConfigException;
import org.gio.core.vectors.VectorSet;

/**
 * The reference's path at scale on Spark (ALGORITHM.md §5): MLlib's {@link KMeans} fitted to the
 * pool (seeded), every pool row assigned its cluster by the fitted model, and the chosen centroids
 * exploded back to pool rows by a join on that assignment (never by comparing vectors). MLlib's
 * centroids are not those of gio-core's {@code KMeans}, so the rows differ from {@code gio select
 * --quantize}; on the same rows, partitioning and seed the fit, and so the output, is the same.
 */
final class SparkQuantization {
  static final String ID = "id";
  static final String CLUSTER = "cluster";

  private final VectorSet centroids;
  private final long[] sizes;
  private final long poolRows;
  private final Dataset<Row> assignment; // (id, cluster) per pool row, cached
  private final int iterations;

  private SparkQuantization(VectorSet centroids, long[] sizes, long poolRows, Dataset<Row> assignment, int iterations) {
    this.centroids = centroids;
    this.sizes = sizes;
    this.poolRows = poolRows;
    this.assignment = assignment;
    this.iterations = iterations;
  }

  /** Fails unless MLlib can fit {@code k} clusters (it needs at least two). */
  static void requireClusters(String flag, int k) {
    if (k < 2) {
      throw new InvalidConfigException(flag + " must be at least 2 (MLlib's K-means needs two clusters), was " + k);
    }
  }

  /**
   * Checks every pool row (as the table scan does), fits K centroids and assigns every row.
   *
   * @throws GioInputException when K exceeds the pool's rows, or a row is bad
   */
  static SparkQuantization fit(SparkSession spark, PreparedRows rows, int k, long seed) {
    requireClusters("--quantize", k);
    rows.requireRows();
    rows.requireUniqueIds();
    long m = rows.internalRows().mapPartitions(new CheckRows(rows.reader)).reduce(Long::sum);
    requireAtMost(k, m, "pool");
    KMeansModel model = kMeans(k, seed).fit(rows.prepared.select(
        org.apache.spark.ml.functions.array_to_vector(functions.col("v")).as("features")));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<KMeansModel> fitted = jsc.broadcast(model);
    JavaRDD<Row> assigned = rows.internalRows().mapPartitions(new Assign(rows.reader, fitted));
    StructType schema = new StructType().add(ID, DataTypes.LongType, false).add(CLUSTER, DataTypes.IntegerType, false);
    Dataset<Row> assignment = spark.createDataFrame(assigned, schema).persist(StorageLevel.MEMORY_AND_DISK());
    VectorSet centroids = centroids(model);
    long[] sizes = new long[centroids.size()];
    for (Row r : assignment.groupBy(CLUSTER).count().collectAsList()) {
      sizes[r.getInt(0)] = r.getLong(1);
    }
    return new SparkQuantization(centroids, sizes, m, assignment, model.summary().numIter());
  }

  /** K2 MLlib centroids of the (collected) target, fitted on one partition so the fit is the same anywhere. */
  static VectorSet fitTarget(SparkSession spark, VectorSet target, int k, long seed) {
    requireClusters("--quantize-target", k);
    requireAtMost(k, target.size(), "target");
    List<Row> rows = new ArrayList<>(target.size());
    for (int i = 0; i < target.size(); i++) {
      double[] v = new double[target.dim()];
      for (int j = 0; j < v.length; j++) {
        v[j] = target.get(i, j);
      }
      rows.add(RowFactory.create(Vectors.dense(v)));
    }
    StructType schema = new StructType().add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false);
    JavaRDD<Row> one = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 1);
    return centroids(kMeans(k, seed).fit(spark.createDataFrame(one, schema)));
  }

  private static KMeans kMeans(int k, long seed) {
    return new KMeans().setK(k).setSeed(seed).setFeaturesCol("features").setPredictionCol("prediction");
  }

  private static void requireAtMost(int k, long rows, String what) {
    if (k > rows) {
      throw new GioInputException(
          what + ": K-means with K = " + k + " clusters needs at least " + k + " rows, but the " + what + " has " + rows
              + "; lower --quantize" + (what.equals("target") ? "-target" : ""));
    }
  }

  /** MLlib's centroids (doubles) as the floats GIO selects among; fewer than K when MLlib found fewer. */
  private static VectorSet centroids(KMeansModel model) {
    Vector[] centres = model.clusterCenters();
    int d = centres[0].size();
    float[] data = new float[centres.length * d];
    for (int c = 0; c < centres.length; c++) {
      for (int j = 0; j < d; j++) {
        data[c * d + j] = (float) centres[c].apply(j);
      }
    }
    return VectorSet.wrap(data, centres.length, d);
  }

  VectorSet centroids() {
    return centroids;
  }

  /** Pool rows assigned to each centroid. */
  long[] sizes() {
    return sizes.clone();
  }

  long poolRows() {
    return poolRows;
  }

  /** MLlib's iterations. */
  int iterations() {
    return iterations;
  }

  /**
   * The pool ids of the chosen centroids: clusters in the order first chosen, each cluster's ids
   * ascending (a centroid chosen twice adds nothing), found by joining the assignment on the
   * cluster id.
   */
  long[] explode(SparkSession spark, int[] chosen) {
    int[] distinct = Arrays.stream(chosen).distinct().toArray();
    List<Row> order = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < distinct.length; i++) {
      order.add(RowFactory.create(distinct[i], i));
      total += sizes[distinct[i]];
    }
    StructType schema = new StructType().add(CLUSTER, DataTypes.IntegerType, false).add("order", DataTypes.IntegerType, false);
    Dataset<Row> clusters = spark.createDataFrame(order, schema);
    List<Row> members = assignment.join(functions.broadcast(clusters), CLUSTER)
        .orderBy(functions.col("order"), functions.col(ID))
        .select(ID)
        .collectAsList();
    long[] ids = members.stream().mapToLong(r -> r.getLong(0)).toArray();
    if (ids.length != total) {
      throw new IllegalStateException(ids.length + " of " + total + " member rows came back; did the pool change during the run?");
    }
    return ids;
  }

  /** The assignment's (id, cluster) rows, collected (for tests). */
  List<Row> assignmentRows() {
    return assignment.collectAsList();
  }

  /** Drops the cached assignment. */
  void release() {
    assignment.unpersist(false);
  }

  /** A task: checks its rows (dimension, nulls, finite values) and counts them. */
  static final class CheckRows implements FlatMapFunction<Iterator<InternalRow>, Long> {
    private static final long serialVersionUID = 1L;
    private final PoolRows reader;

    CheckRows(PoolRows reader) {
      this.reader = reader;
    }

    @Override
    public Iterator<Long> call(Iterator<InternalRow> partition) {
      long[] n = {0};
      reader.forEach(partition, (id, vector) -> {
        for (int j = 0; j < reader.dim(); j++) {
          float v = vector.getFloat(j);
          if (!Float.isFinite(v)) {
            throw new GioInputException(reader.what() + ": row " + id + ", column " + j + " is " + v
                + "; remove or repair non-finite values before selecting"); // the table scan's words
          }
        }
        n[0]++;
      });
      return List.of(n[0]).iterator();
    }
  }

  /** A task: each row's id and the fitted model's cluster for it. */
  static final class Assign implements FlatMapFunction<Iterator<InternalRow>, Row> {
    private static final long serialVersionUID = 1L;
    private final PoolRows reader;
    private final Broadcast<KMeansModel> model;

    Assign(PoolRows reader, Broadcast<KMeansModel> model) {
      this.reader = reader;
      this.model = model;
    }

    @Override
    public Iterator<Row> call(Iterator<InternalRow> partition) {
      KMeansModel m = model.value();
      List<Row> out = new ArrayList<>();
      double[] v = new double[reader.dim()];
      reader.forEach(partition, (id, vector) -> {
        for (int j = 0; j < v.length; j++) {
          v[j] = vector.getFloat(j);
        }
        out.add(RowFactory.create(id, m.predict(Vectors.dense(v))));
      });
      return out.iterator();
    }
  }
}
