package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gio.core.vectors.VectorSet;
import org.gio.io.EmbeddingTable;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gio select} end to end on each input family, with every output. */
class SelectFormatsTest {
  @TempDir Path dir;

  /** A 2-D pool of two blobs and a target drawn near the first. */
  static VectorSet blobs(int n, long seed, boolean targetOnly) {
    Random r = new Random(seed);
    float[] data = new float[n * 2];
    for (int i = 0; i < n; i++) {
      boolean far = !targetOnly && i % 2 == 1;
      data[2 * i] = (float) (r.nextGaussian() + (far ? 30 : 3));
      data[2 * i + 1] = (float) (r.nextGaussian() + (far ? 40 : 4));
    }
    return VectorSet.wrap(data, n, 2);
  }

  @Test
  void npyWithEveryOutput() throws IOException {
    Path pool = dir.resolve("pool.npy");
    Path target = dir.resolve("target.npy");
    Embeddings.write(pool, blobs(200, 1, false), null);
    Embeddings.write(target, blobs(50, 2, true), null);
    CliRun run = CliRun.of("select", "--pool", pool, "--target", target, "--max-iter", 15,
        "--out", dir.resolve("idx.txt"), "--out-rows", dir.resolve("rows.fvecs"),
        "--report", dir.resolve("report.json"), "--plot", dir.resolve("kl.png"), "--quiet");
    assertEquals(0, run.exit(), run.err());
    List<String> idx = Files.readAllLines(dir.resolve("idx.txt"));
    assertTrue(idx.size() > 0 && idx.size() <= 15);
    int[] rows = idx.stream().mapToInt(Integer::parseInt).toArray();
    for (int row : rows) {
      assertEquals(0, row % 2, "GIO picks from the blob near the target");
    }
    VectorSet chosen = Embeddings.read(dir.resolve("rows.fvecs"));
    assertArrayEquals(Embeddings.read(pool).select(rows).data(), chosen.data());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertEquals("npy", report.get("inputs").get("poolFormat").asText());
    assertTrue(report.get("kl").size() == rows.length);
    assertTrue(report.has("stopReason") && report.has("backends") && report.has("config"));
    assertTrue(report.get("timingsMillis").has("read") && report.get("timingsMillis").has("write"));
    assertTrue(Files.size(dir.resolve("kl.png")) > 1000);
    assertEquals("", run.err().replaceAll("(?m)^(WARNING|gio: GIO backends).*\\n?", ""),
        "--quiet prints nothing but the backend log");
  }

  @Test
  void referenceTsvPoolJsonlTargetWritesOriginalRecords() throws IOException {
    VectorSet poolVectors = blobs(80, 3, false);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < poolVectors.size(); i++) {
      lines.add(i + "\t\"text " + i + ", with\ttab\"\t[" + poolVectors.get(i, 0) + ", "
          + poolVectors.get(i, 1) + "]");
    }
    Path pool = dir.resolve("pool.tsv");
    Files.write(pool, lines);
    Path target = dir.resolve("target.jsonl");
    Embeddings.write(target, blobs(40, 4, true), null);
    Path rowsOut = dir.resolve("chosen.tsv");
    CliRun run = CliRun.of("select", "--pool", pool, "--target", target, "--max-iter", 10,
        "--out", dir.resolve("idx.txt"), "--out-rows", rowsOut);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("gio: selected"), "summary line: " + run.err());
    List<String> idx = Files.readAllLines(dir.resolve("idx.txt"));
    List<String> chosen = Files.readAllLines(rowsOut);
    assertEquals(idx.size(), chosen.size());
    for (int i = 0; i < idx.size(); i++) {
      assertEquals(lines.get(Integer.parseInt(idx.get(i))), chosen.get(i));
    }
  }

  @Test
  void parquetPoolWritesRecordsWithIndex() throws IOException {
    Path pool = dir.resolve("pool.parquet");
    Path target = dir.resolve("target.csv");
    Embeddings.write(pool, blobs(60, 5, false), null);
    Embeddings.write(target, blobs(30, 6, true), null);
    Path rowsOut = dir.resolve("chosen.parquet");
    CliRun run = CliRun.of("select", "--pool", pool, "--target", target, "--max-iter", 5,
        "--out", dir.resolve("idx.txt"), "--out-rows", rowsOut, "-q");
    assertEquals(0, run.exit(), run.err());
    int[] rows = Files.readAllLines(dir.resolve("idx.txt")).stream()
        .mapToInt(Integer::parseInt).toArray();
    EmbeddingTable back = Embeddings.read(rowsOut, ReadOptions.defaults());
    assertArrayEquals(Embeddings.read(pool).select(rows).data(), back.vectors().data());
  }
}
