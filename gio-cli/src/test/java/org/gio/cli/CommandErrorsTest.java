package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with exit status 3, one line naming the file and the fix, and no output file
 * left behind.
 */
class CommandErrorsTest {
  @TempDir Path dir;
  Path pool;
  Path target;
  Path out;

  @BeforeEach
  void inputs() throws IOException {
    pool = dir.resolve("pool.npy");
    target = dir.resolve("target.npy");
    out = dir.resolve("out.txt");
    Embeddings.write(pool, SelectFormatsTest.blobs(40, 1, false), null);
    Embeddings.write(target, SelectFormatsTest.blobs(20, 2, true), null);
  }

  private void assertBadInput(String expected, Object... args) throws IOException {
    CliRun run = CliRun.of(args);
    assertEquals(3, run.exit(), run.err());
    String line = run.errorLine();
    assertTrue(line.contains(expected), "'" + expected + "' in: " + line);
    assertEquals(List.of("pool.npy", "target.npy"), listing().stream()
        .filter(n -> !n.startsWith("extra")).toList(), "no outputs (or temporaries) left");
  }

  private Object[] select(Object... extra) {
    Object[] base = {"select", "--pool", pool, "--target", target, "--out", out, "-q",
        "--max-iter", 3};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void nanInPoolNamesFileRowAndColumn() throws IOException {
    float[] data = SelectFormatsTest.blobs(40, 1, false).data().clone();
    data[2 * 7 + 1] = Float.NaN;
    Embeddings.write(pool, VectorSet.wrap(data, 40, 2), null);
    assertBadInput(pool + ": row 7, column 1 is NaN", select());
  }

  @Test
  void infInTargetCsv() throws IOException {
    Path csv = dir.resolve("extra-target.csv");
    Files.writeString(csv, "1,2\n3,inf\n5,6\n7,8\n9,10\n11,12\n13,14\n");
    assertBadInput(csv + ": row 1, column 1 is Infinity",
        "select", "--pool", pool, "--target", csv, "--out", out);
  }

  @Test
  void dimensionMismatchPoolTarget() throws IOException {
    Path t3 = dir.resolve("extra-t3.npy");
    Embeddings.write(t3, VectorSet.wrap(new float[30], 10, 3), null);
    assertBadInput(t3 + ": dimension 3 does not match " + pool,
        "select", "--pool", pool, "--target", t3, "--out", out);
  }

  @Test
  void dimensionMismatchInit() throws IOException {
    Path init = dir.resolve("extra-init.npy");
    Embeddings.write(init, VectorSet.wrap(new float[3], 1, 3), null);
    assertBadInput(init + ": dimension 3 does not match", select("--init", init));
  }

  @Test
  void targetSmallerThanK() throws IOException {
    assertBadInput(target + ": 20 target rows, but k = 25 needs more than 25", select("--k", 25));
  }

  @Test
  void malformedTarget() throws IOException {
    Files.writeString(target, "garbage");
    assertBadInput(target + ": not a .npy file", select());
  }

  @Test
  void emptyPool() throws IOException {
    Files.write(pool, new byte[0]);
    assertBadInput(pool + ": empty file", select());
  }

  @Test
  void missingPool() throws IOException {
    Files.delete(pool);
    CliRun run = CliRun.of(select());
    assertEquals(3, run.exit());
    assertTrue(run.errorLine().contains(pool + ": no such file"), run.errorLine());
    assertFalse(Files.exists(out));
  }

  @Test
  void outputFolderMissingOrUnwritable() throws IOException {
    Path nowhere = dir.resolve("no-such-folder").resolve("out.txt");
    assertBadInput("does not exist; create it first",
        "select", "--pool", pool, "--target", target, "--out", nowhere);
  }

  @Test
  void outputEqualToInput() throws IOException {
    assertBadInput(pool + ": is also an input",
        "select", "--pool", pool, "--target", target, "--out", pool);
  }

  @Test
  void sameOutputTwice() throws IOException {
    assertBadInput("given for two outputs", select("--report", out));
  }

  @Test
  void unwritableRowsFormatFailsBeforeWork() throws IOException {
    assertBadInput("cannot write bvecs", select("--out-rows", dir.resolve("rows.bvecs")));
  }

  @Test
  void recordsKeepTheirFormat() throws IOException {
    Path csvPool = dir.resolve("extra-pool.csv");
    Embeddings.write(csvPool, SelectFormatsTest.blobs(40, 1, false), null);
    assertBadInput("name the rows file .csv", "select", "--pool", csvPool, "--target", target,
        "--out", out, "--out-rows", dir.resolve("rows.parquet"));
  }

  @Test
  void laterWriteFailureRemovesEarlierOutputs() throws IOException {
    org.gio.core.select.Selection s = new org.gio.core.select.Selection(new long[] {1},
        new double[] {1}, new double[0], 2, Double.NaN, "max_iter", new long[0], 1, 0, 1,
        new org.gio.core.select.Selection.Timings(0, 0, 0, 0, 0));
    SelectionOutputs outputs = new SelectionOutputs();
    outputs.indices(out, s.rows());
    assertTrue(Files.exists(out));
    Path lost = dir.resolve("vanished").resolve("report.json"); // folder gone after the checks
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> outputs.report(lost,
        org.gio.io.report.SelectionReport.toJson(s, org.gio.core.select.GioConfig.defaults(),
            java.util.Map.of(), java.util.Map.of())));
    assertFalse(Files.exists(out), "the indices written earlier are removed");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, CliRun.of("select", "--pool", pool).exit());
    assertEquals(2, CliRun.of("select", "--bogus").exit());
    assertEquals(2, CliRun.of(select("--format", "xls")).exit());
    assertEquals(2, CliRun.of(select("--k", 0)).exit());
  }

  private List<String> listing() throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
