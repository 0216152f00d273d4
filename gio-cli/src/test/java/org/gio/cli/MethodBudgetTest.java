package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gio.core.select.Retrieval;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gio select --method} and {@code --budget}: one flag, one meaning, every method. */
class MethodBudgetTest {
  private static final Path CLUSTERS = Path.of("..", "examples", "clusters");
  private static final Path POOL = CLUSTERS.resolve("pool.npy");
  private static final Path TARGET = CLUSTERS.resolve("target.npy");
  private static final Path TEXT = Path.of("src", "test", "resources", "text");

  @TempDir Path dir;

  private static int[] rows(Path file) throws IOException {
    return Files.readAllLines(file).stream().mapToInt(Integer::parseInt).toArray();
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @ParameterizedTest
  @CsvSource({
    "gio, false, 40, 40",
    "gio, true, 40, 40",
    "gio, false, 5%, 150",
    "gio, true, 1.5%, 45",
    "retrieval, false, 0.01%, 1",
    "retrieval, false, 77, 77"
  })
  void theBudgetGivesExactlyThatManyRowsWithEveryMethodAndMode(
      String method, boolean faithful, String budget, int expected) throws IOException {
    Path out = dir.resolve("chosen.txt");
    Path report = dir.resolve("run.json");
    List<Object> args = new java.util.ArrayList<>(List.of("select", "--pool", POOL, "--target",
        TARGET, "--method", method, "--budget", budget, "--out", out, "--report", report));
    if (faithful) {
      args.add("--faithful");
    }
    CliRun r = CliRun.of(args.toArray());
    assertEquals(0, r.exit(), r.err());
    int[] chosen = rows(out);
    assertEquals(expected, chosen.length);
    assertEquals(expected, java.util.Arrays.stream(chosen).distinct().count());
    JsonNode j = json(report);
    assertEquals(method, j.path("method").asText());
    assertEquals(method.equals("gio") ? (faithful ? "faithful" : "default") : "",
        j.path("mode").asText(""));
    assertEquals(budget, j.path("budget").path("asked").asText());
    assertEquals(expected, j.path("budget").path("rows").asInt());
    assertTrue(j.path("budget").path("reached").asBoolean());
    assertEquals(method.equals("gio") ? "max_iter" : Retrieval.BUDGET, j.path("stopReason").asText());
  }

  @Test
  void faithfulWithABudgetIsTheOldFixedSizeSpelling() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    assertEquals(0, CliRun.of("select", "--faithful", "--pool", POOL, "--target", TARGET,
        "--budget", 30, "--out", a).exit());
    assertEquals(0, CliRun.of("select", "--faithful", "--pool", POOL, "--target", TARGET,
        "--max-iter", 30, "--stop", "data_size", "--max-data-size", 1, "--out", b).exit());
    assertArrayEquals(rows(b), rows(a));
  }

  @Test
  void retrievalOnVectorsIsTheCoreBaseline() throws IOException {
    Path out = dir.resolve("r.txt");
    CliRun r = CliRun.of("select", "--pool", POOL, "--target", TARGET, "--method", "retrieval",
        "--budget", 120, "--out", out);
    assertEquals(0, r.exit(), r.err());
    VectorSet pool = NpyReader.read(POOL);
    VectorSet target = NpyReader.read(TARGET);
    assertArrayEquals(Retrieval.nearest(pool, target, 120), rows(out));
  }

  @Test
  void aBudgetTheDensityFilterCannotMeetGivesFewerRowsANoticeAndTheReason() throws IOException {
    // 400 pool rows: the filter drops those of the clusters the target does not cover
    VectorSet pool = NpyReader.read(POOL);
    int[] first = java.util.stream.IntStream.range(0, 400).toArray();
    Path small = dir.resolve("pool400.npy");
    NpyWriter.write(small, pool.select(first));
    Path out = dir.resolve("chosen.txt");
    Path report = dir.resolve("run.json");
    CliRun r = CliRun.of("select", "--pool", small, "--target", TARGET, "--budget", "100%",
        "--out", out, "--report", report);
    assertEquals(0, r.exit(), r.err());
    int n = rows(out).length;
    assertTrue(n < 400, n + " rows");
    List<String> notices = r.err().lines().filter(l -> l.startsWith("gio: --budget")).toList();
    assertEquals(List.of("gio: --budget 400 not reached: " + n + " rows (stop: table_exhausted:"
        + " every row of the neighbour table (each target row's 4 × --candidates nearest pool rows)"
        + " was taken or dropped; raise --candidates, add --density-weight 0, or use --faithful)"),
        notices);
    JsonNode j = json(report);
    assertEquals("table_exhausted", j.path("stopReason").asText());
    assertFalse(j.path("budget").path("reached").asBoolean());
    // a table listing the whole pool (4 × 100 ≥ 400) and no filter: every row can be taken
    assertEquals(0, CliRun.of("select", "--pool", small, "--target", TARGET, "--budget", 400,
        "--density-weight", 0, "--candidates", 100, "--out", out).exit());
    assertEquals(400, rows(out).length);
  }

  @Test
  void dsirSelectsTextLinesReproduciblyAndWritesThem() throws IOException {
    Path out = dir.resolve("d.txt");
    Path lines = dir.resolve("d-lines.txt");
    Path report = dir.resolve("d.json");
    Object[] args = {"select", "--method", "dsir", "--pool-text", TEXT.resolve("pool.txt"),
        "--target-text", TEXT.resolve("target.txt"), "--budget", 20, "--seed", 5, "--out", out,
        "--out-lines", lines, "--report", report};
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), r.err());
    int[] chosen = rows(out);
    assertEquals(20, chosen.length);
    List<String> pool = Files.readAllLines(TEXT.resolve("pool.txt"));
    List<String> labels = Files.readAllLines(TEXT.resolve("pool-labels.txt"));
    List<String> written = Files.readAllLines(lines);
    int astro = 0;
    for (int i = 0; i < chosen.length; i++) {
      assertEquals(pool.get(chosen[i]), written.get(i));
      astro += labels.get(chosen[i]).equals("astro") ? 1 : 0;
    }
    assertTrue(astro >= 15, astro + " of 20 on the target topic");
    JsonNode j = json(report);
    assertEquals("dsir", j.path("method").asText());
    assertEquals(10000, j.path("dsir").path("buckets").asInt());
    assertEquals(20, j.path("budget").path("rows").asInt());
    int[] again = chosen.clone();
    assertEquals(0, CliRun.of(args).exit());
    assertArrayEquals(again, rows(out));
  }

  @Test
  void builtInModelsSelectFromTextWithRetrievalAndGio() throws IOException {
    Path out = dir.resolve("m.txt");
    Path report = dir.resolve("m.json");
    for (String method : List.of("retrieval", "gio")) {
      CliRun r = CliRun.of("select", "--method", method, "--pool-text", TEXT.resolve("pool.txt"),
          "--target-text", TEXT.resolve("target.txt"), "--embedder", "minilm-q", "--budget", 15,
          "--out", out, "--report", report);
      assertEquals(0, r.exit(), r.err());
      assertEquals(15, rows(out).length);
      JsonNode j = json(report);
      assertTrue(j.path("inputs").path("embedder").asText().startsWith("minilm-q"), j.toString());
      assertEquals(0, j.path("inputs").path("truncatedDocuments").asInt(-1));
    }
  }

  @Test
  void aLineOverTheModelsMaximumLengthIsTruncatedAndCountedInTheReport() throws IOException {
    Path pool = dir.resolve("pool.txt");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(TEXT.resolve("pool.txt")).subList(0, 30));
    lines.add("a long line of many words ".repeat(80));
    Files.write(pool, lines);
    Path out = dir.resolve("t.txt");
    Path report = dir.resolve("t.json");
    CliRun r = CliRun.of("select", "--pool-text", pool, "--target-text", TEXT.resolve("target.txt"),
        "--embedder", "minilm-q", "--method", "retrieval", "--budget", 10, "--out", out,
        "--report", report);
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, json(report).path("inputs").path("truncatedDocuments").asInt());
    assertTrue(r.err().contains("gio: 1 documents were longer than the model's maximum length"
        + " and were truncated (counted in the report)"), r.err());
  }

  @Test
  void embedWithABuiltInModelWrites384Columns() throws IOException {
    Path out = dir.resolve("e.npy");
    CliRun r = CliRun.of("embed", "--input", TEXT.resolve("target.txt"), "--out", out,
        "--embedder", "minilm-q");
    assertEquals(0, r.exit(), r.err());
    VectorSet v = NpyReader.read(out);
    assertEquals(20, v.size());
    assertEquals(384, v.dim());
    CliRun bad = CliRun.of("embed", "--input", TEXT.resolve("target.txt"), "--out", out,
        "--embedder", "minilm", "--dim", 64);
    assertEquals(2, bad.exit());
    assertTrue(bad.errorLine().contains("--dim and --char-trigrams are for --embedder hashed"), bad.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--method|dsir|--budget|10|2|--method dsir works on text",
    "--method|magic|--budget|10|2|--method must be gio, dsir or retrieval, was 'magic'",
    "--method|retrieval|--out-rows|x.npy|2|--method retrieval needs --budget N or P%",
    "--budget|0|--k|5|2|--budget must be a row count ≥ 1 or a share of the pool in (0, 100]% such as 5%, was '0'",
    "--budget|120%|--k|5|2|--budget must be a row count",
    "--budget|ten|--k|5|2|--budget must be a row count",
    "--budget|10|--stop|increase|2|--budget fixes the number of rows; drop --stop",
    "--budget|10|--max-iter|50|2|--budget fixes the number of rows; drop --max-iter",
    "--budget|10|--quantize|20|2|--budget cannot be met with quantization",
    "--budget|3001|--k|5|3|--budget 3001 is more than the pool's 3000 rows; give at most 3000",
  })
  void badMethodAndBudgetFlagsFailWithOneLine(String f1, String v1, String f2, String v2,
      int exit, String message) {
    Path out = dir.resolve("o.txt");
    CliRun r = CliRun.of("select", "--pool", POOL, "--target", TARGET, f1, v1, f2, v2, "--out", out);
    assertEquals(exit, r.exit(), r.err());
    assertTrue(r.errorLine().contains(message), r.err());
    assertFalse(r.errorLine().contains("Exception"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void dsirRejectsBudgetsOverThePoolAndEmptyTargets() throws IOException {
    Path out = dir.resolve("o.txt");
    CliRun r = CliRun.of("select", "--method", "dsir", "--pool-text", TEXT.resolve("pool.txt"),
        "--target-text", TEXT.resolve("target.txt"), "--budget", 121, "--out", out);
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.errorLine().contains("--budget 121 is more than the pool's 120 rows"), r.err());
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    r = CliRun.of("select", "--method", "dsir", "--pool-text", TEXT.resolve("pool.txt"),
        "--target-text", empty, "--budget", 10, "--out", out);
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.errorLine().contains("empty.txt"), r.err());
    assertFalse(Files.exists(out));
  }
}
