package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.gio.core.quantize.Explosion;
import org.gio.core.quantize.Quantization;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyWriter;
import org.gio.io.quantize.QuantizationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
  @TempDir Path tmp;

  /** Two blobs in the pool (near the target and far from it); the target is the near one. */
  private void writeData(Path pool, Path target) throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    float[] p = new float[400 * 4];
    for (int i = 0; i < 400; i++) {
      for (int j = 0; j < 4; j++) {
        p[i * 4 + j] = (float) ((i < 200 ? 0 : 50) + r.nextGaussian());
      }
    }
    float[] t = new float[100 * 4];
    for (int i = 0; i < t.length; i++) {
      t[i] = (float) r.nextGaussian();
    }
    NpyWriter.write(pool, VectorSet.wrap(p, 400, 4));
    NpyWriter.write(target, VectorSet.wrap(t, 100, 4));
  }

  @Test
  void quantizedSelectionOutputsTheMembersOfTheChosenCentroids() throws Exception {
    Path pool = tmp.resolve("pool.npy");
    Path target = tmp.resolve("target.npy");
    writeData(pool, target);
    Path q = tmp.resolve("q");
    assertEquals(0, Gio.run("quantize", "--pool", pool.toString(), "--clusters", "20",
        "--seed", "1", "--out", q.toString(), "-q"));
    Quantization saved = QuantizationStore.load(q);
    assertEquals(400, saved.poolRows());

    Path out = tmp.resolve("chosen.txt");
    Path report = tmp.resolve("run.json");
    assertEquals(0, Gio.run("select", "--pool", pool.toString(), "--target", target.toString(),
        "--quantization", q.toString(), "--max-iter", "5", "--stop", "sequential_increase_tolerance",
        "--max-sequential-increases", "5", "--out", out.toString(),
        "--report", report.toString(), "-q"));
    int[] rows = Files.readAllLines(out).stream().mapToInt(Integer::parseInt).toArray();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    JsonNode chosen = json.path("quantization").path("chosenCentroids");
    int[] centroids = new int[chosen.size()];
    int total = 0;
    for (int i = 0; i < centroids.length; i++) {
      centroids[i] = chosen.get(i).asInt();
      total += json.path("quantization").path("chosenSizes").get(i).asInt();
    }
    assertTrue(centroids.length > 0);
    assertEquals(total, rows.length);
    assertEquals(
        new TreeSet<>(java.util.Arrays.stream(Explosion.explode(saved, centroids)).boxed().toList()),
        new TreeSet<>(java.util.Arrays.stream(rows).boxed().toList()));
    for (int row : rows) {
      assertTrue(row < 200, "row " + row + " is from the far blob");
    }

    // The same run with --quantize fits the same quantization (same seed) and chooses the same rows.
    Path out2 = tmp.resolve("chosen2.txt");
    assertEquals(0, Gio.run("select", "--pool", pool.toString(), "--target", target.toString(),
        "--quantize", "20", "--seed", "1", "--quantize-target", "30", "--max-iter", "5", "--stop", "sequential_increase_tolerance",
        "--max-sequential-increases", "5",
        "--out", out2.toString(), "-q"));
    assertFalse(Files.readAllLines(out2).isEmpty());
  }

  @Test
  void badClusterCountsAreInputErrors() throws Exception {
    Path pool = tmp.resolve("pool.npy");
    Path target = tmp.resolve("target.npy");
    writeData(pool, target);
    assertEquals(ExitCodes.BAD_INPUT, Gio.run("quantize", "--pool", pool.toString(),
        "--clusters", "0", "--out", tmp.resolve("q0").toString(), "-q"));
    assertEquals(ExitCodes.BAD_INPUT, Gio.run("quantize", "--pool", pool.toString(),
        "--clusters", "401", "--out", tmp.resolve("q1").toString(), "-q"));
    assertFalse(Files.exists(tmp.resolve("q1")));
    assertEquals(ExitCodes.BAD_INPUT, Gio.run("select", "--pool", pool.toString(),
        "--target", target.toString(), "--quantize", "500", "--out",
        tmp.resolve("c.txt").toString(), "-q"));
  }
}
