package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default {@code gio select} on a .npy pool: streamed into a neighbour table, never loaded. */
class StreamedSelectTest {
  @TempDir Path dir;

  private static final Path EXAMPLE = Path.of("..", "examples", "clusters");

  @Test
  void theReadmeExampleSelectsTheRowsOfTheInMemoryDefault() throws IOException {
    Path out = dir.resolve("chosen.txt");
    Path rows = dir.resolve("chosen.npy");
    Path report = dir.resolve("report.json");
    CliRun run = CliRun.of("select", "--pool", EXAMPLE.resolve("pool.npy"), "--target",
        EXAMPLE.resolve("target.npy"), "--out", out, "--out-rows", rows, "--report", report, "--quiet");
    assertEquals(0, run.exit(), run.err());
    // recorded with the in-memory default before the table-only selector (commit 401a150)
    String recorded;
    try (InputStream in = getClass().getResourceAsStream("/streamed/example-default-2026-12-03.txt")) {
      recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    assertEquals(recorded, Files.readString(out));
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertEquals("streamed", r.at("/inputs/poolRead").asText());
    assertEquals(3000, r.at("/inputs/poolRows").asLong());
    assertTrue(r.at("/inputs/tableListedRows").asInt() > 0);
    // --out-rows: the chosen rows' vectors, from the table's listed rows
    VectorSet pool = Embeddings.read(EXAMPLE.resolve("pool.npy"));
    VectorSet chosen = Embeddings.read(rows);
    String[] ids = Files.readString(out).trim().split("\n");
    assertEquals(ids.length, chosen.size());
    for (int i = 0; i < ids.length; i++) {
      assertArrayEquals(pool.row(Integer.parseInt(ids[i])), chosen.row(i));
    }
  }

  @Test
  void anIndexBackendIsAUsageErrorWithTheDefault() {
    Path out = dir.resolve("chosen.txt");
    CliRun run = CliRun.of("select", "--pool", EXAMPLE.resolve("pool.npy"), "--target",
        EXAMPLE.resolve("target.npy"), "--out", out, "--index", "hnsw");
    assertEquals(ExitCodes.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("--index hnsw searches the pool in the published loop only"), run.err());
    assertFalse(Files.exists(out));
  }
}
