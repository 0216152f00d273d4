package org.gio.bench.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality runner end to end on a tiny synthetic task: four Gaussian classes, target = two. */
class QualityRunnerTest {
  @TempDir Path dir;

  static QualityTask synthetic() {
    int d = 5;
    SplittableRandom r = new SplittableRandom(42);
    int perClass = 100;
    float[] pool = new float[4 * perClass * d];
    int[] poolLabels = new int[4 * perClass];
    float[] target = new float[60 * d];
    float[] test = new float[80 * d];
    int[] testLabels = new int[80];
    for (int i = 0; i < poolLabels.length; i++) {
      poolLabels[i] = i % 4;
      fill(pool, i, d, poolLabels[i], r);
    }
    for (int i = 0; i < 60; i++) {
      fill(target, i, d, i % 2, r);
    }
    for (int i = 0; i < 80; i++) {
      testLabels[i] = i % 2;
      fill(test, i, d, testLabels[i], r);
    }
    return new QualityTask("synthetic", VectorSet.wrap(pool, poolLabels.length, d), poolLabels,
        VectorSet.wrap(target, 60, d), VectorSet.wrap(test, 80, d), testLabels, new int[] {0, 1}, null);
  }

  private static void fill(float[] a, int row, int d, int label, SplittableRandom r) {
    for (int c = 0; c < d; c++) {
      double centre = c == label ? 3 : 0;
      a[row * d + c] = (float) (centre + (r.nextDouble() - 0.5) * 2);
    }
  }

  @Test
  void runsScoresAndWritesTableAndChart() throws Exception {
    VectorOps ops = new ScalarVectorOps();
    GioSelector selector =
        new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));
    Map<String, GioConfig> variants = new LinkedHashMap<>();
    variants.put("faithful (own stop)", GioConfig.defaults());
    variants.put("gio default", GioConfig.recommendedBuilder().gradDescIter(5).build());
    QualityTask task = synthetic();
    QualityRunner runner = new QualityRunner(selector, new Scorer(5, 0), List.of(40), variants);
    List<QualityRunner.Row> rows = runner.run(task, dir.resolve("sel"));

    QualityRunner.Row gio = rows.stream().filter(x -> x.selector().equals("gio default")).findFirst().orElseThrow();
    assertTrue(gio.scores().size() >= 5, "self-sized selection: " + gio.scores());
    assertTrue(gio.scores().precision() >= 0.95, "precision " + gio.scores().precision());
    assertTrue(gio.scores().accuracy() >= 0.9, "accuracy " + gio.scores().accuracy());
    // baselines at the default's own size and at the sweep size
    long atDefault = rows.stream().filter(x -> x.selector().endsWith("@default size")).count();
    assertEquals(4, atDefault);
    QualityRunner.Row random = rows.stream().filter(x -> x.selector().equals("random")).findFirst().orElseThrow();
    assertEquals(40, random.scores().size());
    assertTrue(random.scores().precision() < 0.8);

    String md = QualityRunner.markdown(task, rows);
    assertTrue(md.contains("| gio default (self-sized) |"), md);
    assertTrue(md.contains("target classes 0,1)"), "the heading names the target classes: " + md);
    Path png = dir.resolve("q.png");
    QualityRunner.chart(task, rows, png);
    assertTrue(Files.size(png) > 1000);
    assertTrue(Files.exists(dir.resolve("sel").resolve("sel-gio_default.txt")));
  }

  @Test
  void targetClassListsAreParsedOrRejectedWithTheirName() {
    assertArrayEquals(new int[] {5, 7, 9}, FashionMnist.parseClasses("5, 7,9"));
    for (String bad : List.of("", "5,x", "10", "-1", "1,1", "0,1,2,3,4,5,6,7,8,9")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> FashionMnist.parseClasses(bad), bad);
      assertTrue(e.getMessage().contains("class") || e.getMessage().contains("--target-classes"), e.getMessage());
    }
  }

  @Test
  void classCountsListTargetClassesFirstThenTheOthersPresent() {
    QualityTask task = synthetic(); // pool labels cycle 0,1,2,3; target classes 0,1
    assertEquals("0:2 1:1 | 3:1", QualityRunner.classCounts(task, new int[] {0, 4, 1, 3}));
    assertEquals("0:0 1:0 | 2:1", QualityRunner.classCounts(task, new int[] {2}));
  }

  @Test
  void recallByClassAveragesToTheAccuracyOnABalancedTestSet() {
    QualityTask task = synthetic(); // test: 40 rows of class 0, 40 of class 1
    Scorer scorer = new Scorer(5, 0, 2);
    int[] rows = {0, 1, 2, 3, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 25};
    double[] recall = scorer.recallByClass(task, rows);
    assertEquals(2, recall.length);
    assertEquals(scorer.accuracy(task, rows), (recall[0] + recall[1]) / 2, 1e-12);
  }

  @Test
  void scorerKlMatchesAKnownCase() {
    QualityTask task = synthetic();
    Scorer scorer = new Scorer(5, 0);
    int[] all = FashionMnist.range(task.pool().size());
    int[] targetClasses = java.util.Arrays.stream(all).filter(task::inTargetClasses).toArray();
    // the rows of the target's classes match it better than the whole pool does
    assertTrue(scorer.kl(task, targetClasses) < scorer.kl(task, all));
  }

  @Test
  void variantSpecsKeepTheirMeaningAcrossThePresetChange() {
    GioConfig preset = GioVariants.parse("recommended:");
    assertEquals(GioConfig.recommended().asMap(), preset.asMap());
    GioConfig tau = GioVariants.parse("recommended:density=Infinity,rel=true,tau=-6");
    assertTrue(Double.isNaN(tau.densityQuantile()), "a τ threshold, not the preset's quantile");
    assertEquals(-6, tau.densityThreshold());
    GioConfig q = GioVariants.parse("recommended:q=0.03,sample=0");
    assertEquals(0.03, q.densityQuantile());
    assertEquals(0, q.densitySample(), "sample=0: the whole pool");
    GioConfig previous = GioVariants.parse(GioVariants.PREVIOUS_DEFAULT);
    assertEquals(0, previous.densityWeight());
    assertEquals(1, previous.outlierWeight());
  }
}
