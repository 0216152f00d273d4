package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.Target;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KlInfoHelpTest {
  @TempDir Path dir;

  @Test
  void klPrintsBothEstimators() throws IOException {
    VectorSet x = SelectFormatsTest.blobs(30, 1, true);
    VectorSet w = SelectFormatsTest.blobs(25, 2, false);
    Path xf = dir.resolve("x.npy");
    Path wf = dir.resolve("w.jsonl");
    Embeddings.write(xf, x, null);
    Embeddings.write(wf, w, null);
    ScalarVectorOps ops = new ScalarVectorOps();
    Target t = Target.of(x, 3, new ExactKthNeighbourSearch(ops));
    double exact = new KnnKl(ops).start(t, w).value();
    double averaged = new AveragedKnnKl(ops).start(t, w).value();

    CliRun e = CliRun.of("kl", "--target", xf, "--sample", wf, "--k", 3, "--backend", "scalar");
    assertEquals(0, e.exit(), e.err());
    assertEquals(exact, Double.parseDouble(e.out().trim()), 1e-5);
    CliRun a = CliRun.of("kl", "--target", xf, "--sample", wf, "--k", 3, "--estimator",
        "averaged", "--backend", "scalar");
    assertEquals(averaged, Double.parseDouble(a.out().trim()), 1e-5);
  }

  @Test
  void klExactNeedsKSampleRows() throws IOException {
    Path xf = dir.resolve("x.npy");
    Path wf = dir.resolve("w.npy");
    Embeddings.write(xf, SelectFormatsTest.blobs(30, 1, true), null);
    Embeddings.write(wf, SelectFormatsTest.blobs(2, 2, true), null);
    CliRun run = CliRun.of("kl", "--target", xf, "--sample", wf);
    assertEquals(3, run.exit());
    assertTrue(run.errorLine().contains("at least k = 5 sample rows"), run.errorLine());
  }

  @Test
  void infoDescribesFiles() throws IOException {
    Path f = dir.resolve("v.npy");
    Embeddings.write(f, SelectFormatsTest.blobs(12, 1, true), null);
    CliRun run = CliRun.of("info", f);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("rows:      12"), run.out());
    assertTrue(run.out().contains("dimension: 2"), run.out());
    assertTrue(run.out().contains("dtype:     float32"), run.out());
    assertTrue(run.out().contains("nan:       0"), run.out());
    assertEquals(3, CliRun.of("info", dir.resolve("missing.csv")).exit());
  }

  @ParameterizedTest
  @ValueSource(strings = {"select", "kl", "info", "backends", "embed", "quantize"})
  void helpOnEveryCommand(String command) {
    // picocli reports a help text it cannot format (an unescaped %) on System.err, not on err
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    CliRun run;
    try {
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      run = CliRun.of(command, "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("Usage: gio " + command), run.out());
    if (!command.equals("backends")) {
      assertTrue(run.out().contains("Examples:"), run.out());
      assertTrue(run.out().contains("Exit status"), run.out());
    }
  }

  @Test
  void topLevelHelpDocumentsExitCodes() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("3  bad input"), run.out());
  }
}
