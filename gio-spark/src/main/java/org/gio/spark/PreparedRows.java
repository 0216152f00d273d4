package org.gio.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.gio.core.GioInputException;

/**
 * A pool (or target) reduced to what the jobs read: the vector as {@code array<float>} and the
 * row's id, either the user's id column or, for rows read from files, the row's index in the order
 * (sorted file paths, position in the file) — the ids {@code gio select} gives the rows of one
 * file, stable across runs and partitionings. Counting the rows of each file split costs one
 * small job (an aggregate over Spark's {@code _metadata} columns; no vectors are read for
 * Parquet).
 */
final class PreparedRows {
  static final String FILE_PATH = "_metadata.file_path";
  static final String SPLIT_START = "_metadata.file_block_start";

  final String what;
  final String column;
  final String idColumn;
  final Dataset<Row> source;
  final Dataset<Row> prepared;
  final PoolRows reader;
  /** Rows, when known from the split count (added ids); -1 for user ids. */
  final long rows;

  private PreparedRows(
      String what, String column, String idColumn, Dataset<Row> source, Dataset<Row> prepared, PoolRows reader, long rows) {
    this.what = what;
    this.column = column;
    this.idColumn = idColumn;
    this.source = source;
    this.prepared = prepared;
    this.reader = reader;
    this.rows = rows;
  }

  /**
   * @param idColumn the user's id column, or null to number the rows by file and position
   * @param dim the values per row every row must have, or 0 to take the first row's
   */
  static PreparedRows of(String what, Dataset<Row> data, String column, String idColumn, int dim) {
    Column vector = VectorColumn.asFloats(data, column, what).as("v");
    int d = dim > 0 ? dim : firstDim(data, vector, what, column);
    if (idColumn != null) {
      DataType type = VectorColumn.field(data, idColumn, what).dataType();
      if (!(type instanceof IntegralType)) {
        throw new GioInputException(
            what + ": id column '" + idColumn + "' holds " + type.simpleString() + "; ids must be whole numbers (long)");
      }
      Dataset<Row> prepared = data.select(vector, data.col(VectorColumn.quoted(idColumn)).cast(DataTypes.LongType).as("id"));
      return new PreparedRows(what, column, idColumn, data, prepared, new PoolRows(what, column, d, null), -1);
    }
    if (!fromFiles(data)) {
      throw new GioInputException(
          what + ": the rows do not come straight from files, so they cannot be numbered by file and position;"
              + " name an id column (--id)");
    }
    Dataset<Row> prepared = data.select(vector, functions.col(FILE_PATH), functions.col(SPLIT_START));
    List<Row> splits = prepared.groupBy(functions.col("file_path"), functions.col("file_block_start")).count().collectAsList();
    List<Row> sorted = new ArrayList<>(splits);
    sorted.sort(Comparator.<Row, String>comparing(r -> r.getString(0)).thenComparingLong(r -> r.getLong(1)));
    Map<String, Long> offsets = new HashMap<>();
    long next = 0;
    for (Row split : sorted) {
      offsets.put(PoolRows.splitKey(split.getString(0), split.getLong(1)), next);
      next += split.getLong(2);
    }
    return new PreparedRows(what, column, null, data, prepared, new PoolRows(what, column, d, offsets), next);
  }

  /** Whether {@code data} has Spark's file {@code _metadata} columns (rows read from files). */
  static boolean fromFiles(Dataset<Row> data) {
    try {
      data.select(functions.col(FILE_PATH), functions.col(SPLIT_START));
      return true;
    } catch (Exception e) { // Spark's AnalysisException: no _metadata on this plan
      return false;
    }
  }

  /** The prepared rows as Spark's binary rows, for the scan and fetch tasks. */
  JavaRDD<InternalRow> internalRows() {
    return prepared.queryExecution().toRdd().toJavaRDD();
  }

  boolean addedIds() {
    return idColumn == null;
  }

  int dim() {
    return reader.dim();
  }

  /** The first row's vector length: the dimension a target takes when none is given. */
  private static int firstDim(Dataset<Row> data, Column vector, String what, String column) {
    List<Row> first = data.select(functions.size(vector)).limit(1).collectAsList();
    if (first.isEmpty()) {
      throw new GioInputException(what + ": no rows; it holds no embeddings");
    }
    int d = first.get(0).getInt(0);
    if (d <= 0) {
      throw new GioInputException(what + ": the first row's column '" + column + "' is empty or null; embeddings need at least one value");
    }
    return d;
  }

  /**
   * Fails when the first row's length differs from the target's, or the pool is empty. Added ids:
   * from the split counts, no job (the scan checks row 0's length with the same words).
   */
  void requireRows() {
    if (addedIds()) {
      if (rows == 0) {
        throw new GioInputException(what + ": no rows; it holds no embeddings");
      }
      return;
    }
    List<Row> first = prepared.select(functions.size(functions.col("v"))).limit(1).collectAsList();
    if (first.isEmpty()) {
      throw new GioInputException(what + ": no rows; it holds no embeddings");
    }
    int d = first.get(0).getInt(0);
    if (d != dim()) {
      throw PoolRows.otherDimension(what, column, d, dim());
    }
  }

  /** Fails naming a duplicated id (user ids only: one aggregate job). */
  void requireUniqueIds() {
    if (addedIds()) {
      return;
    }
    List<Row> dup = prepared.groupBy("id").count().where("count > 1").limit(1).collectAsList();
    if (!dup.isEmpty()) {
      Row r = dup.get(0);
      throw new GioInputException(
          what + ": id " + (r.isNullAt(0) ? "null" : r.get(0)) + " appears " + r.getLong(1) + " times in column '"
              + idColumn + "'; ids must be unique");
    }
  }
}
