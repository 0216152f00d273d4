package org.gio.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorSet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeded clustered data, its Spark forms, and the table comparison. */
final class TestData {
  private TestData() {}

  /** {@code rows} points around {@code clusters} seeded centres (every 50th row a copy of the previous: ties). */
  static VectorSet clustered(int rows, int dim, int clusters, int firstCluster, int clusterCount, long seed) {
    Random centres = new Random(1234);
    float[][] c = new float[clusters][dim];
    for (float[] centre : c) {
      for (int j = 0; j < dim; j++) {
        centre[j] = (float) (centres.nextGaussian() * 4);
      }
    }
    Random random = new Random(seed);
    float[] data = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      if (r % 50 == 49) {
        System.arraycopy(data, (r - 1) * dim, data, r * dim, dim);
        continue;
      }
      float[] centre = c[firstCluster + random.nextInt(clusterCount)];
      for (int j = 0; j < dim; j++) {
        // what a JSON reader gives back for Float.toString's digits (parsed as double, then rounded)
        data[r * dim + j] = (float) Double.parseDouble(Float.toString((float) (centre[j] + random.nextGaussian())));
      }
    }
    return VectorSet.wrap(data, rows, dim);
  }

  /** Rows as (embedding, id, label) with the embedding as array<float>, array<double> or an ML vector. */
  static Dataset<Row> frame(SparkSession spark, VectorSet set, String kind) {
    DataType type = switch (kind) {
      case "float" -> DataTypes.createArrayType(DataTypes.FloatType, false);
      case "double" -> DataTypes.createArrayType(DataTypes.DoubleType, false);
      case "vector" -> SQLDataTypes.VectorType();
      default -> throw new IllegalArgumentException(kind);
    };
    StructType schema = new StructType()
        .add("embedding", type)
        .add("id", DataTypes.LongType)
        .add("label", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < set.size(); r++) {
      float[] v = set.row(r);
      Object value = switch (kind) {
        case "float" -> boxed(v);
        case "double" -> doubles(v);
        default -> Vectors.dense(primitiveDoubles(v));
      };
      rows.add(RowFactory.create(value, (long) r, "row-" + r));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** The rows as JSON Lines, {@code files} files of consecutive rows in a folder (or one file). */
  static Path jsonl(Path dir, VectorSet set, int files) {
    try {
      Files.createDirectories(dir);
      int per = (set.size() + files - 1) / files;
      for (int f = 0; f < files; f++) {
        StringBuilder out = new StringBuilder();
        for (int r = f * per; r < Math.min(set.size(), (f + 1) * per); r++) {
          out.append("{\"label\":\"row-").append(r).append("\",\"embedding\":[");
          float[] v = set.row(r);
          for (int j = 0; j < v.length; j++) {
            out.append(j == 0 ? "" : ",").append(v[j]);
          }
          out.append("]}\n");
        }
        Files.writeString(dir.resolve(String.format("part-%05d.jsonl", f)), out);
      }
      return files == 1 ? dir.resolve("part-00000.jsonl") : dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSameTable(NeighbourTable expected, NeighbourTable actual) {
    assertEquals(expected.targets(), actual.targets(), "targets");
    assertEquals(expected.depth(), actual.depth(), "depth");
    assertEquals(expected.poolRows(), actual.poolRows(), "pool rows");
    for (int t = 0; t < expected.targets(); t++) {
      for (int j = 0; j < expected.depth(); j++) {
        assertEquals(expected.id(t, j), actual.id(t, j), "target " + t + " entry " + j);
        assertEquals(expected.squaredDistance(t, j), actual.squaredDistance(t, j), 0.0, "target " + t + " entry " + j);
        assertEquals(expected.listedIndex(t, j), actual.listedIndex(t, j));
      }
    }
    assertEquals(expected.listed().size(), actual.listed().size(), "listed rows");
    for (int i = 0; i < expected.listed().size(); i++) {
      assertEquals(expected.listedId(i), actual.listedId(i));
    }
    assertArrayEquals(expected.listed().data(), actual.listed().data());
    assertArrayEquals(expected.sampleIds(), actual.sampleIds());
    assertArrayEquals(expected.sample().data(), actual.sample().data());
  }

  private static Float[] boxed(float[] v) {
    Float[] out = new Float[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j];
    }
    return out;
  }

  private static Double[] doubles(float[] v) {
    Double[] out = new Double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = (double) v[j];
    }
    return out;
  }

  private static double[] primitiveDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j];
    }
    return out;
  }
}
