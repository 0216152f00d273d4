package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 3 with one line naming the file; usage errors exit 2; nothing is written. */
class SelectErrorsTest {
  @TempDir Path dir;
  Path pool;
  Path target;
  Path out;

  @BeforeEach
  void files() throws IOException {
    pool = dir.resolve("pool.npy");
    target = dir.resolve("target.npy");
    out = dir.resolve("chosen.txt");
    NpyWriter.write(pool, RandomVectors.gaussian(1, 50, 3, 0, 1));
    NpyWriter.write(target, RandomVectors.gaussian(2, 20, 3, 0, 1));
  }

  private CliRun select(String... extra) {
    String[] base = {"select", "--pool", pool.toString(), "--target", target.toString(),
        "--out", out.toString(), "--quiet"};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  private void badInput(CliRun run, String fragment) {
    assertEquals(3, run.exit(), run.err());
    assertTrue(run.err().startsWith("gio: "), run.err());
    assertTrue(run.err().contains(fragment), run.err());
    assertEquals(1, run.err().strip().lines().count(), "one line, no stack trace: " + run.err());
    assertFalse(Files.exists(out), "no output left behind");
  }

  @Test
  void aGoodRunWritesTheIndices() throws IOException {
    CliRun run = select("--max-iter", "5", "--stop", "min-kl", "--min-kl", "-1e9");
    assertEquals(0, run.exit(), run.err());
    assertEquals(5, Files.readAllLines(out).size());
  }

  @Test
  void mismatchedDimensions() throws IOException {
    NpyWriter.write(target, RandomVectors.gaussian(2, 20, 4, 0, 1));
    badInput(select(), target + ": dimension 4 does not match " + pool + " (dimension 3)");
  }

  @Test
  void nonFiniteValues() throws IOException {
    float[] data = RandomVectors.gaussian(1, 50, 3, 0, 1).data().clone();
    data[10] = Float.POSITIVE_INFINITY;
    NpyWriter.write(pool, VectorSet.wrap(data, 50, 3));
    badInput(select(), pool + ": row 3, column 1 is Infinity");
  }

  @Test
  void emptyAndMissingFiles() throws IOException {
    Files.write(target, new byte[0]);
    badInput(select(), target + ": empty file");
    Files.delete(target);
    badInput(select(), target + ": no such file");
  }

  @Test
  void kTooLargeForTheTarget() {
    badInput(select("--k", "20"), target + ": 20 target rows, but k = 20 needs more than 20");
  }

  @Test
  void outputEqualToAnInputOrInAMissingFolder() {
    CliRun run = CliRun.of("select", "--pool", pool.toString(), "--target", target.toString(),
        "--out", pool.toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().contains("is also an input"), run.err());
    out = dir.resolve("nowhere/chosen.txt");
    badInput(select("--report", dir.resolve("nowhere/r.json").toString()), "does not exist");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, select("--backend", "gpu").exit());
    assertTrue(select("--backend", "gpu").err().contains("unknown backend 'gpu'; known:"));
    assertEquals(2, select("--stop", "sometimes").exit());
    assertEquals(2, select("--k", "0").exit());
    assertTrue(select("--k", "0").err().contains("k must be ≥ 1"));
    assertEquals(2, select("--scale-factor", "big").exit());
    assertEquals(2, CliRun.of("select", "--pool", pool.toString()).exit());
    assertFalse(Files.exists(out));
  }

  @Test
  void backendsAreListed() {
    CliRun run = CliRun.of("backends");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("scalar") && run.out().contains("exact"), run.out());
  }
}
