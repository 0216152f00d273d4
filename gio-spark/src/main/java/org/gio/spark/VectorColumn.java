package org.gio.spark;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.gio.core.GioInputException;

/**
 * The embedding column of a pool or target, checked against the schema and turned into one
 * {@code array<float>} expression: an array of any numbers is cast (a double rounds to float as
 * Java's {@code (float)} does, so the values equal what gio-io reads from the same file), an MLlib
 * {@code Vector} goes through {@code vector_to_array(..., "float32")}.
 */
final class VectorColumn {
  private VectorColumn() {}

  /** {@code name} of {@code data} as {@code array<float>}; fails naming the column when it cannot be. */
  static Column asFloats(Dataset<Row> data, String name, String what) {
    StructField field = field(data, name, what);
    DataType type = field.dataType();
    Column column = data.col(quoted(name));
    if (type instanceof ArrayType array && array.elementType() instanceof NumericType) {
      return array.elementType().equals(DataTypes.FloatType)
          ? column
          : column.cast(DataTypes.createArrayType(DataTypes.FloatType, true));
    }
    if (type.equals(SQLDataTypes.VectorType()) || type.getClass().getName().equals("org.apache.spark.mllib.linalg.VectorUDT")) {
      return org.apache.spark.ml.functions.vector_to_array(column, "float32");
    }
    throw new GioInputException(
        what + ": column '" + name + "' holds " + type.simpleString()
            + "; the embedding column must be an array of numbers or an ML vector");
  }

  /** The schema field {@code name}; fails listing the columns there are. */
  static StructField field(Dataset<Row> data, String name, String what) {
    for (StructField f : data.schema().fields()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new GioInputException(
        what + ": no column '" + name + "'; its columns are "
            + Arrays.toString(data.schema().fieldNames()) + " (choose one with --column)");
  }

  /** A column name as Spark's resolver reads it literally (dots and all). */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** The rows' vector length, for checks before a job starts. */
  static Column size(Column floats) {
    return functions.size(floats);
  }
}
