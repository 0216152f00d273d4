package org.gio.spark;

import static org.gio.spark.GioInputExceptionAssert.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.vectors.RowSample;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input fails with one line naming the column or row, before or during the scan. */
class BadInputTest {
  static final VectorSet POOL = TestData.clustered(60, 6, 3, 0, 3, 11);
  static final VectorSet TARGET = TestData.clustered(20, 6, 3, 0, 1, 12);

  @TempDir Path dir;
  final SparkSession spark = SharedSpark.get();

  void build(Dataset<Row> pool, VectorSet target, String column, String id) {
    SparkNeighbourTables.build(spark, pool, target, column, id, 8, m -> RowSample.sorted(m, 10, 1), "");
  }

  Dataset<Row> jsonl(String... lines) throws IOException {
    Path file = dir.resolve("pool.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return spark.read().json(file.toString());
  }

  Dataset<Row> poolWithLine(int row, String line) throws IOException {
    String[] lines = Files.readString(TestData.jsonl(dir.resolve("rows"), POOL, 1)).split("\n");
    lines[row] = line;
    return jsonl(lines);
  }

  @Test
  void noSuchColumn() {
    String m = assertMessage(() -> build(TestData.frame(spark, POOL, "float"), TARGET, "emb", "id"), "pool: no column 'emb'");
    assertTrue(m.contains("embedding"), m);
  }

  @Test
  void aColumnOfTheWrongType() {
    assertMessage(() -> build(TestData.frame(spark, POOL, "float"), TARGET, "label", "id"), "pool: column 'label' holds string");
    assertMessage(() -> build(TestData.frame(spark, POOL, "float"), TARGET, "embedding", "label"), "pool: id column 'label' holds string");
  }

  @Test
  void raggedRowsNameTheRow() throws IOException {
    Dataset<Row> pool = poolWithLine(7, "{\"embedding\":[1,2,3,4,5],\"label\":\"x\"}");
    String m = assertMessage(() -> build(pool, TARGET, "embedding", null), "pool: row 7 has 5 values in column 'embedding'");
    assertTrue(m.contains("the target has 6"), m);
  }

  @Test
  void nanInAVectorNamesTheRowThroughSparksWrapping() throws IOException {
    Dataset<Row> pool = jsonl(lines(9, "NaN"));
    // the message gio select gives for the same row
    assertMessage(() -> build(pool, TARGET, "embedding", null), "pool: row 9, column 2 is NaN; remove or repair");
  }

  @Test
  void rowsNotFromFilesNeedAnIdColumn() {
    Dataset<Row> pool = TestData.frame(spark, POOL, "float");
    assertMessage(() -> build(pool, TARGET, "embedding", null), "pool: the rows do not come straight from files");
  }

  private static String[] lines(int bad, String value) {
    String[] lines = new String[POOL.size()];
    for (int r = 0; r < lines.length; r++) {
      StringBuilder b = new StringBuilder("{\"embedding\":[");
      for (int j = 0; j < POOL.dim(); j++) {
        b.append(j == 0 ? "" : ",").append(r == bad && j == 2 ? value : Float.toString(POOL.get(r, j)));
      }
      lines[r] = b.append("]}").toString();
    }
    return lines;
  }

  @Test
  void anEmptyPool() throws IOException {
    Dataset<Row> empty = TestData.frame(spark, POOL, "float").limit(0);
    assertMessage(() -> build(empty, TARGET, "embedding", "id"), "pool: no rows");
  }

  @Test
  void duplicateIds() {
    Dataset<Row> pool = TestData.frame(spark, POOL, "float").selectExpr("embedding", "if(id = 5, 3L, id) as id");
    assertMessage(() -> build(pool, TARGET, "embedding", "id"), "pool: id 3 appears 2 times in column 'id'");
  }

  @Test
  void targetDimensionDiffersFromThePool() {
    VectorSet narrow = VectorSet.wrap(new float[20 * 5], 20, 5);
    assertMessage(() -> build(TestData.frame(spark, POOL, "float"), narrow, "embedding", "id"),
        "pool: rows have 6 values in column 'embedding' but the target has 5");
  }

  @Test
  void nanInTheTarget() throws IOException {
    Dataset<Row> target = jsonl(lines(2, "NaN"));
    String m = assertMessage(() -> TargetRows.collect(target, "embedding"), "target: row 2, column 2 is NaN");
    assertEquals(1, m.lines().count());
  }
}
