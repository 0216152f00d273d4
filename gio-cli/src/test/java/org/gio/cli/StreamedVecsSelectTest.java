package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default {@code gio select} on .fvecs/.bvecs pools: streamed like .npy, never loaded. */
class StreamedVecsSelectTest {
  @TempDir Path dir;

  private static final Path EXAMPLE = Path.of("..", "examples", "clusters");

  private static String recorded() throws IOException {
    try (InputStream in = StreamedVecsSelectTest.class.getResourceAsStream("/streamed/example-default-2026-12-03.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void theReadmeExampleAsFvecsSelectsTheInMemoryDefaultsRows() throws IOException {
    VectorSet pool = Embeddings.read(EXAMPLE.resolve("pool.npy"));
    Path fvecs = dir.resolve("pool.fvecs");
    Embeddings.write(fvecs, pool, null);
    Path out = dir.resolve("chosen.txt");
    Path rows = dir.resolve("chosen.fvecs");
    Path report = dir.resolve("report.json");
    CliRun run = CliRun.of("select", "--pool", fvecs, "--target", EXAMPLE.resolve("target.npy"), "--out", out,
        "--out-rows", rows, "--report", report, "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertEquals(recorded(), Files.readString(out));
    JsonNode r = new ObjectMapper().readTree(report.toFile());
    assertEquals("streamed", r.at("/inputs/poolRead").asText());
    assertEquals("fvecs", r.at("/inputs/poolFormat").asText());
    assertEquals("float32", r.at("/inputs/poolDtype").asText());
    assertEquals(3000, r.at("/inputs/poolRows").asLong());
    VectorSet chosen = Embeddings.read(rows); // --out-rows in the pool's own format
    String[] ids = Files.readString(out).trim().split("\n");
    assertEquals(ids.length, chosen.size());
    for (int i = 0; i < ids.length; i++) {
      assertArrayEquals(pool.row(Integer.parseInt(ids[i])), chosen.row(i));
    }
  }

  /** The example scaled to bytes; the same values as .npy (streamed, equal to the loaded default) and .bvecs. */
  @Test
  void aBvecsPoolSelectsWhatTheSameRowsAsNpySelect() throws IOException {
    VectorSet pool = Embeddings.read(EXAMPLE.resolve("pool.npy"));
    VectorSet target = Embeddings.read(EXAMPLE.resolve("target.npy"));
    float[] bytes = new float[pool.data().length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Math.max(0, Math.min(255, Math.round(pool.data()[i] * 8 + 128)));
    }
    float[] t = target.data().clone();
    for (int i = 0; i < t.length; i++) {
      t[i] = t[i] * 8 + 128;
    }
    VectorSet bytePool = VectorSet.wrap(bytes, pool.size(), pool.dim());
    Path npy = dir.resolve("pool.npy");
    Embeddings.write(npy, bytePool, null);
    Path bvecs = writeBvecs(bytePool, -1);
    Path targetFile = dir.resolve("target.npy");
    Embeddings.write(targetFile, VectorSet.wrap(t, target.size(), target.dim()), null);
    CliRun a = CliRun.of("select", "--pool", npy, "--target", targetFile, "--out", dir.resolve("a.txt"), "-q");
    CliRun b = CliRun.of("select", "--pool", bvecs, "--target", targetFile, "--out", dir.resolve("b.txt"),
        "--out-rows", dir.resolve("b.npy"), "--report", dir.resolve("b.json"), "-q");
    assertEquals(0, a.exit(), a.err());
    assertEquals(0, b.exit(), b.err());
    String chosen = Files.readString(dir.resolve("a.txt"));
    assertTrue(chosen.split("\n").length > 10, chosen);
    assertEquals(chosen, Files.readString(dir.resolve("b.txt")));
    JsonNode r = new ObjectMapper().readTree(dir.resolve("b.json").toFile());
    assertEquals("bvecs", r.at("/inputs/poolFormat").asText());
    assertEquals("uint8", r.at("/inputs/poolDtype").asText());
    assertEquals("streamed", r.at("/inputs/poolRead").asText());
    String[] ids = chosen.trim().split("\n");
    assertArrayEquals(bytePool.row(Integer.parseInt(ids[ids.length - 1])),
        Embeddings.read(dir.resolve("b.npy")).row(ids.length - 1));
  }

  private Path writeBvecs(VectorSet v, int badRow) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(v.size() * (4 + v.dim())).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < v.size(); i++) {
      b.putInt(i == badRow ? v.dim() + 1 : v.dim());
      for (int j = 0; j < v.dim(); j++) {
        b.put((byte) v.get(i, j));
      }
    }
    Path file = dir.resolve("pool.bvecs");
    Files.write(file, b.array());
    return file;
  }

  /** Runs the default selection on a bad pool: exit 3, one line with the file and the row, nothing written. */
  private void failsMidPass(Path pool, String... expected) {
    Path out = dir.resolve("bad-chosen.txt");
    Path report = dir.resolve("bad-report.json");
    Path rows = dir.resolve("bad-rows.fvecs");
    CliRun run = CliRun.of("select", "--pool", pool, "--target", EXAMPLE.resolve("target.npy"), "--out", out,
        "--report", report, "--out-rows", rows, "-q");
    assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
    String line = run.errorLine();
    assertEquals(1, run.err().strip().lines().filter(l -> l.startsWith("gio: ")).count(), run.err());
    assertTrue(line.contains(pool.toString()), line);
    for (String e : expected) {
      assertTrue(line.contains(e), "'" + e + "' in: " + line);
    }
    assertFalse(line.matches(".*(Exception|java\\.).*"), line);
    assertFalse(Files.exists(out) || Files.exists(report) || Files.exists(rows), "nothing written");
  }

  @Test
  void aNanMidFileFailsWithTheRowAndWritesNothing() throws IOException {
    VectorSet pool = Embeddings.read(EXAMPLE.resolve("pool.npy"));
    float[] x = pool.data().clone();
    x[2345 * 8 + 6] = Float.NaN;
    Path fvecs = dir.resolve("nan.fvecs");
    Embeddings.write(fvecs, VectorSet.wrap(x, pool.size(), pool.dim()), null);
    failsMidPass(fvecs, "row 2345", "NaN");
  }

  @Test
  void aWrongRecordDimensionMidFileFailsWithTheRowAndWritesNothing() throws IOException {
    VectorSet pool = Embeddings.read(EXAMPLE.resolve("pool.npy"));
    float[] bytes = new float[pool.data().length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Math.max(0, Math.min(255, Math.round(pool.data()[i] * 8 + 128)));
    }
    failsMidPass(writeBvecs(VectorSet.wrap(bytes, pool.size(), pool.dim()), 2999), "vector 2999",
        "has dimension 9 but row 0 has 8");
  }

  @Test
  void aTruncatedRecordFailsWithTheRowAndWritesNothing() throws IOException {
    Path fvecs = dir.resolve("cut.fvecs");
    Embeddings.write(fvecs, Embeddings.read(EXAMPLE.resolve("pool.npy")), null);
    byte[] all = Files.readAllBytes(fvecs);
    Files.write(fvecs, java.util.Arrays.copyOf(all, all.length - 5));
    failsMidPass(fvecs, "vector 2999", "truncated");
  }
}
