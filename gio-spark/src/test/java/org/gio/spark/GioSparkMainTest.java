package org.gio.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gio.core.select.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: outputs, report, exit statuses, and nothing written on bad input. */
class GioSparkMainTest {
  @TempDir Path dir;
  final SparkSession spark = SharedSpark.get(); // the command reuses the running session

  record Run(int exit, String err) {}

  static Run run(Object... args) {
    StringWriter err = new StringWriter();
    String[] text = Stream.of(args).map(Object::toString).toArray(String[]::new);
    int exit = GioSparkMain.run(text, new PrintWriter(err, true));
    return new Run(exit, err.toString());
  }

  @Test
  void selectWritesIdsOneRowsFileAndTheReport() throws Exception {
    Path pool = TestData.jsonl(dir.resolve("pool"), SparkNeighbourTablesTest.POOL, 4); // a folder of part files
    Path target = TestData.jsonl(dir.resolve("target"), SparkNeighbourTablesTest.TARGET, 1);
    Path out = dir.resolve("chosen.txt");
    Path rows = dir.resolve("chosen.parquet");
    Path report = dir.resolve("report.json");
    Run r = run("select", "--pool", pool, "--target", target, "--column", "embedding", "--out", out,
        "--out-rows", rows, "--report", report, "-q");
    assertEquals(0, r.exit(), r.err());
    Selection expected = GioSparkSelectTest.local(SparkNeighbourTablesTest.POOL, SparkNeighbourTablesTest.TARGET);
    long[] ids = Files.readAllLines(out).stream().mapToLong(Long::parseLong).toArray();
    assertArrayEquals(expected.selected(), ids);
    assertTrue(Files.isRegularFile(rows), "one file, not a folder");
    List<Row> back = spark.read().parquet(rows.toString()).collectAsList();
    assertEquals(ids.length, back.size());
    for (int i = 0; i < back.size(); i++) {
      assertEquals(i, back.get(i).getInt(back.get(i).fieldIndex(ChosenRows.RANK)));
      assertEquals(ids[i], back.get(i).getLong(back.get(i).fieldIndex(ChosenRows.ID)));
    }
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(ids.length, json.get("selectedCount").asInt());
    assertEquals(ids[0], json.get("selected").get(0).asLong());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("chosen.parquet", "chosen.txt", "pool", "report.json", "target"),
          left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
    }
  }

  @Test
  void badInputExitsThreeWithOneLineAndWritesNothing() throws Exception {
    Path target = TestData.jsonl(dir.resolve("target"), SparkNeighbourTablesTest.TARGET, 1);
    Path pool = dir.resolve("pool.jsonl");
    Files.writeString(pool, "{\"embedding\":[1,2,3]}\n{\"embedding\":[1,2]}\n");
    Run r = run("select", "--pool", pool, "--target", target, "--column", "embedding", "--out", dir.resolve("c.txt"),
        "--out-rows", dir.resolve("c.jsonl"), "--report", dir.resolve("r.json"), "-q");
    assertEquals(3, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("gio-spark: pool: rows have 3 values in column 'embedding' but the target has 12"), r.err());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("pool.jsonl", "target"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    Run r = run("select", "--pool", "p", "--target", "t", "--column", "e", "--out", dir.resolve("c.txt"), "--k", "0");
    assertEquals(2, r.exit(), r.err());
    assertEquals(2, run("select", "--bogus").exit());
  }
}
