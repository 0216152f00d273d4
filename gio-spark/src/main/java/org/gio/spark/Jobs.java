package org.gio.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/** Names the Spark jobs a phase runs (the UI's job description), restoring the caller's after. */
final class Jobs {
  static final String DESCRIPTION = "spark.job.description";
  static final String SCAN = "gio: neighbour table scan";
  static final String FETCH = "gio: listed and sample rows";

  private Jobs() {}

  static <T> T described(SparkSession spark, String description, Supplier<T> body) {
    SparkContext sc = spark.sparkContext();
    String before = sc.getLocalProperty(DESCRIPTION);
    sc.setLocalProperty(DESCRIPTION, description);
    try {
      return body.get();
    } finally {
      sc.setLocalProperty(DESCRIPTION, before);
    }
  }
}
