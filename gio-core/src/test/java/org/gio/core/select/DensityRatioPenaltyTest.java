package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.stop.StopRule;
import org.gio.core.testing.RandomVectors;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class DensityRatioPenaltyTest {
  private static final double GAMMA = 0.5772156649015329;
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  @Test
  void logRatioMatchesTheFormulaOnAHandMadeCase() {
    // d = 1, k = 1, n = 3, M = 5: K = round(1 · 4/3) = 1, so the ψ terms cancel
    VectorSet target = VectorSet.wrap(new float[] {0, 1, 3}, 3, 1);
    VectorSet pool = VectorSet.wrap(new float[] {0.5f, 10, 10.2f, 10.6f, 0.9f}, 5, 1);
    Target t = Target.of(target, 1, new ExactKthNeighbourSearch(ops));
    DensityRatioPenalty p = new DensityRatioPenalty(ops, t, pool, 3, 0);
    // row 0 (0.5): nearest other pool row 0.9 (0.4 away), nearest target row 0.5 away
    double r0 = Math.log(0.4f) - Math.log(0.5) + Math.log(4.0 / 3);
    assertEquals(r0, p.logRatio(0), 1e-5);
    // row 1 (10): nearest other pool row 10.2 (0.2 away), nearest target row 3 (7 away)
    double r1 = Math.log(0.2f) - Math.log(7) + Math.log(4.0 / 3);
    assertEquals(r1, p.logRatio(1), 1e-5);
    assertEquals(0, p.penalty(0), "r(0) = " + r0 + " ≥ τ = 0: no penalty");
    assertEquals(3.0 / 3 * -r1, p.penalty(1), 1e-5);
    assertEquals(0, new DensityRatioPenalty(ops, t, pool, 0, 0).penalty(1), "λ = 0 is off");
    DensityRatioPenalty filter = new DensityRatioPenalty(ops, t, pool, Double.POSITIVE_INFINITY, 0);
    assertTrue(filter.filters());
    assertTrue(filter.passes(0));
    assertFalse(filter.passes(1));
  }

  @Test
  void poolOrderScalesWithTheSampleSizesAndDigammaIsExact() {
    assertEquals(60, DensityRatioPenalty.poolOrder(5, 6000, 500));
    assertEquals(5, DensityRatioPenalty.poolOrder(5, 100, 500), "never below k");
    assertEquals(9, DensityRatioPenalty.poolOrder(5, 10, 2), "never beyond the other pool rows");
    assertEquals(-GAMMA, DensityRatioPenalty.digamma(1), 1e-15);
    assertEquals(1 + 0.5 + 1.0 / 3 - GAMMA, DensityRatioPenalty.digamma(4), 1e-15);
    // K = 2: d · (log ν^G_2 − log ν^X_1) + log(M−1)/n + ψ(1) − ψ(2), here M = 5, n = 2, k = 1
    VectorSet target = VectorSet.wrap(new float[] {0, 4}, 2, 1);
    VectorSet pool = VectorSet.wrap(new float[] {1, 1.5f, 3, 9, 20}, 5, 1);
    Target t = Target.of(target, 1, new ExactKthNeighbourSearch(ops));
    DensityRatioPenalty p = new DensityRatioPenalty(ops, t, pool, 1, 0);
    // row 0 (1): other pool rows at 0.5, 2, 8, 19 → ν^G_2 = 2; nearest target 1
    assertEquals(Math.log(2) - Math.log(1) + Math.log(2) - 1, p.logRatio(0), 1e-6);
  }

  /**
   * Pool and target from one distribution: the relative ratio of pool rows centres on 0 whatever
   * the dimension, while the absolute estimate drifts with d (why τ is relative in that mode).
   */
  @Test
  void relativeRatioCentresOnZeroForATargetLikePool() {
    for (int d : new int[] {3, 20}) {
      VectorSet target = RandomVectors.gaussian(11, 200, d, 0, 1.0);
      VectorSet pool = RandomVectors.gaussian(12, 1000, d, 0, 1.0);
      Target t = Target.of(target, 5, new ExactKthNeighbourSearch(ops));
      DensityRatioPenalty p = new DensityRatioPenalty(ops, t, pool, 1, 0, true, Double.NaN, 0, 0);
      double[] r = new double[pool.size()];
      for (int g = 0; g < r.length; g++) {
        r[g] = p.relativeLogRatio(g);
      }
      java.util.Arrays.sort(r);
      double median = r[r.length / 2];
      assertTrue(Math.abs(median) < 1.5, "d = " + d + ": median relative r " + median);
    }
  }

  /**
   * A dense blob of pool rows where the target is thin: without the term the selector takes a blob
   * row first; with the filter or a large penalty it takes a row where the target is denser.
   */
  @Test
  void theTermChangesTheChoiceBetweenCandidates() {
    int d = 2;
    VectorSet target = RandomVectors.gaussian(1, 60, d, 0, 1.0);
    // 40 pool rows on a ring of radius 1.5 (sparse), 80 in a blob of radius ~0.02 at the centre
    float[] spreadRows = new float[40 * d];
    for (int i = 0; i < 40; i++) {
      spreadRows[2 * i] = (float) (1.5 * Math.cos(2 * Math.PI * i / 40));
      spreadRows[2 * i + 1] = (float) (1.5 * Math.sin(2 * Math.PI * i / 40));
    }
    VectorSet spread = VectorSet.wrap(spreadRows, 40, d);
    VectorSet blob = RandomVectors.gaussian(3, 80, d, 0, 0.02);
    float[] rows = new float[(40 + 80) * d];
    System.arraycopy(spread.data(), spread.offset(0), rows, 0, 40 * d);
    System.arraycopy(blob.data(), blob.offset(0), rows, 40 * d, 80 * d);
    VectorSet pool = VectorSet.wrap(rows, 120, d);
    // W starts on a ring of radius 3, so the target's centre, where the blob sits, is least covered
    float[] ring = new float[10 * d];
    for (int i = 0; i < 10; i++) {
      ring[2 * i] = (float) (3 * Math.cos(2 * Math.PI * i / 10));
      ring[2 * i + 1] = (float) (3 * Math.sin(2 * Math.PI * i / 10));
    }
    VectorSet initial = VectorSet.wrap(ring, 10, d);
    GioConfig.Builder base =
        GioConfig.recommendedBuilder().outlierWeight(0).densityWeight(0).maxIter(1).stop(StopRule.DATA_SIZE);
    int plain = selector.select(pool, target, initial, base.build(), SelectionListener.NONE).rows()[0];
    assertTrue(plain >= 40, "without the term a blob row wins, got row " + plain);

    Target t = Target.of(target, 5, new ExactKthNeighbourSearch(ops));
    DensityRatioPenalty probe = new DensityRatioPenalty(ops, t, pool, 1, 0);
    assertTrue(probe.logRatio(plain) < 0, "the blob row's r = " + probe.logRatio(plain));

    // the filter drops every shortlisted row with r < τ, so the choice has r ≥ τ
    GioConfig filter = base.densityWeight(Double.POSITIVE_INFINITY).densityThreshold(0).build();
    int filtered = selector.select(pool, target, initial, filter, SelectionListener.NONE).rows()[0];
    assertTrue(filtered != plain, "the filter keeps row " + filtered);
    assertTrue(probe.logRatio(filtered) >= 0, "filter: r = " + probe.logRatio(filtered));
    // a large penalty re-ranks the shortlist (here all blob rows) towards the largest r
    GioConfig penalty = base.densityWeight(1000).densityThreshold(0).build();
    int penalised = selector.select(pool, target, initial, penalty, SelectionListener.NONE).rows()[0];
    assertTrue(penalised != plain, "the penalty keeps row " + penalised);
    assertTrue(
        probe.logRatio(penalised) > probe.logRatio(plain),
        "penalty: r " + probe.logRatio(penalised) + " vs " + probe.logRatio(plain));
  }

  /**
   * The quantile threshold on a hand-made case: the target's own (leave-one-out) ratios, their
   * interpolated quantile, and a filter that keeps exactly the pool rows at or above it.
   */
  @Test
  void quantileThresholdKeepsExactlyTheRowsAtOrAboveTheTargetsQuantile() {
    // d = 1, k = 1, n = 3, M = 5: K = 1, so r = log ν^G_1 − log ν^X_1 + log(4/3)
    VectorSet target = VectorSet.wrap(new float[] {0, 1, 3}, 3, 1);
    VectorSet pool = VectorSet.wrap(new float[] {0.5f, 10, 10.2f, 10.6f, 0.9f}, 5, 1);
    Target t = Target.of(target, 1, new ExactKthNeighbourSearch(ops));
    double c = Math.log(4.0 / 3);
    // target rows: x = 0 (pool 0.5 away, own neighbour 1 away), x = 1 (0.1 / 1), x = 3 (2.1 / 2)
    double[] expected = {
      Math.log(1 - 0.9f) - Math.log(1) + c,
      Math.log(0.5) - Math.log(1) + c,
      Math.log(3 - 0.9f) - Math.log(2) + c
    };
    double inf = Double.POSITIVE_INFINITY;
    DensityRatioPenalty half = new DensityRatioPenalty(ops, t, pool, inf, 0, false, 0.5, 0, 0);
    double[] r = half.targetRatios();
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], r[i], 1e-6, "target ratio " + i);
    }
    assertEquals(expected[1], half.threshold(), 1e-6, "the median of three is the middle one");
    DensityRatioPenalty high = new DensityRatioPenalty(ops, t, pool, inf, 0, false, 0.9, 0, 0);
    double at = expected[1] + 0.8 * (expected[2] - expected[1]);
    assertEquals(at, high.threshold(), 1e-6, "interpolated between the 2nd and 3rd");
    // pool rows: r(0) = log(0.4/0.5) + c ≈ 0.06, r(4) = log(0.4/0.1) + c ≈ 1.67, rows 1..3 ≪ 0
    boolean[] keptHalf = {true, false, false, false, true};
    boolean[] keptHigh = {false, false, false, false, true};
    for (int g = 0; g < 5; g++) {
      assertEquals(keptHalf[g], half.passes(g), "q 0.5, row " + g + " r = " + half.logRatio(g));
      assertEquals(keptHigh[g], high.passes(g), "q 0.9, row " + g + " r = " + high.logRatio(g));
      assertEquals(half.logRatio(g) >= half.threshold(), half.passes(g));
    }
    // a finite weight penalises by the distance below the same threshold
    DensityRatioPenalty pay = new DensityRatioPenalty(ops, t, pool, 3, 0, false, 0.9, 0, 0);
    assertEquals(3.0 / 3 * (at - pay.logRatio(0)), pay.penalty(0), 1e-6);
    assertEquals(0, pay.penalty(4));
    // without a quantile: τ absolute, or the median plus τ when relative
    assertEquals(-2, new DensityRatioPenalty(ops, t, pool, inf, -2, false, Double.NaN, 0, 0).threshold());
    assertEquals(expected[1] - 2, new DensityRatioPenalty(ops, t, pool, inf, -2, true, Double.NaN, 0, 0).threshold(), 1e-6);
  }

  /**
   * The sampled estimate against brute force: for every pool row (in the sample or not) and every
   * target row, r from the S reference rows, K = round(k(S − 1)/n), log((S − 1)/n), computed here
   * from sorted double distances.
   */
  @Test
  void sampledEstimateEqualsBruteForceOverTheSample() {
    int d = 3;
    int k = 2;
    VectorSet target = RandomVectors.gaussian(21, 15, d, 0, 1.0);
    VectorSet pool = RandomVectors.gaussian(22, 200, d, 0.3, 1.2);
    Target t = Target.of(target, k, new ExactKthNeighbourSearch(ops));
    int s = 60;
    DensityRatioPenalty p =
        new DensityRatioPenalty(ops, t, pool, Double.POSITIVE_INFINITY, 0, false, 0.3, s, 7);
    assertEquals(s, p.referenceSize());
    long[] ref = p.referenceRows();
    assertEquals(s, ref.length);
    for (int i = 1; i < s; i++) {
      assertTrue(ref[i] > ref[i - 1], "ascending, no repeats");
    }
    int bigK = (int) Math.round(k * (s - 1.0) / target.size()); // 8
    assertEquals(bigK, DensityRatioPenalty.poolOrder(k, s, target.size()));
    double log = Math.log((s - 1.0) / target.size());
    double psi = DensityRatioPenalty.digamma(k) - DensityRatioPenalty.digamma(bigK);
    int inSample = 0;
    for (int g = 0; g < pool.size(); g++) {
      java.util.List<Double> others = new java.util.ArrayList<>();
      for (long jj : ref) {
        int j = (int) jj;
        if (j != g) {
          others.add(Math.sqrt(squared(pool, g, pool, j)));
        }
      }
      inSample += others.size() < s ? 1 : 0;
      java.util.Collections.sort(others);
      double[] toTarget = new double[target.size()];
      for (int i = 0; i < toTarget.length; i++) {
        toTarget[i] = Math.sqrt(squared(pool, g, target, i));
      }
      java.util.Arrays.sort(toTarget);
      double expected =
          d * (Math.log(others.get(bigK - 1)) - Math.log(toTarget[k - 1])) + log + psi;
      assertEquals(expected, p.logRatio(g), 1e-9, "pool row " + g);
    }
    assertEquals(s, inSample, "g is left out exactly for the sampled rows");
    double[] r = new double[target.size()];
    for (int i = 0; i < r.length; i++) {
      double[] toRef = new double[s];
      for (int j = 0; j < s; j++) {
        toRef[j] = Math.sqrt(squared(target, i, pool, (int) ref[j]));
      }
      java.util.Arrays.sort(toRef);
      r[i] = d * (Math.log(toRef[bigK - 1]) - Math.log(t.kthNeighbourDistance(i))) + log + psi;
    }
    java.util.Arrays.sort(r);
    assertArrayEquals(r, p.targetRatios(), 1e-9);
    // the 0.3-quantile of the target ratios, numpy's linear interpolation
    double at = 0.3 * (r.length - 1);
    int lo = (int) Math.floor(at);
    assertEquals(r[lo] + (at - lo) * (r[lo + 1] - r[lo]), p.threshold(), 1e-9);
  }

  @Test
  void sampleIsDeterministicGivenTheSeedAndWholePoolWhenLargeOrZero() {
    int d = 4;
    VectorSet target = RandomVectors.gaussian(31, 20, d, 0, 1.0);
    VectorSet pool = RandomVectors.gaussian(32, 300, d, 0, 1.0);
    Target t = Target.of(target, 5, new ExactKthNeighbourSearch(ops));
    DensityRatioPenalty a = new DensityRatioPenalty(ops, t, pool, 1, 0, false, Double.NaN, 50, 3);
    DensityRatioPenalty b = new DensityRatioPenalty(ops, t, pool, 1, 0, false, Double.NaN, 50, 3);
    DensityRatioPenalty c = new DensityRatioPenalty(ops, t, pool, 1, 0, false, Double.NaN, 50, 4);
    assertArrayEquals(a.referenceRows(), b.referenceRows());
    assertFalse(java.util.Arrays.equals(a.referenceRows(), c.referenceRows()), "another seed");
    DensityRatioPenalty whole = new DensityRatioPenalty(ops, t, pool, 1, 0);
    for (int sample : new int[] {0, 300, 1000}) {
      DensityRatioPenalty same =
          new DensityRatioPenalty(ops, t, pool, 1, 0, false, Double.NaN, sample, 3);
      assertEquals(300, same.referenceSize(), "sample " + sample + " is the whole pool");
      for (int g = 0; g < pool.size(); g += 7) {
        assertEquals(whole.logRatio(g), same.logRatio(g), 0.0, "row " + g);
      }
    }
    for (int g = 0; g < pool.size(); g += 7) {
      assertEquals(a.logRatio(g), b.logRatio(g), 0.0);
    }
    // (the sample's uniformity: RowSampleTest)
  }

  @Test
  void selectorIsDeterministicWithTheSampleAndConfigRejectsABadOne() {
    int d = 3;
    VectorSet target = RandomVectors.gaussian(41, 40, d, 0, 1.0);
    VectorSet pool = RandomVectors.gaussian(42, 400, d, 0.5, 1.5);
    GioConfig config =
        GioConfig.recommendedBuilder()
            .densityWeight(Double.POSITIVE_INFINITY)
            .densityQuantile(0.3)
            .densitySample(100)
            .seed(5)
            .build();
    int[] first = selector.select(pool, target, config).rows();
    int[] second = selector.select(pool, target, config).rows();
    assertArrayEquals(first, second);
    assertTrue(first.length > 0);
    assertEquals(100, config.densitySample());
    assertEquals(100, config.asMap().get("densitySample"));
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> GioConfig.recommendedBuilder().densitySample(-1).build());
    assertTrue(e.getMessage().contains("densitySample"), e.getMessage());
    assertEquals(0, GioConfig.defaults().densitySample(), "the whole pool unless asked");
  }

  private static double squared(VectorSet a, int i, VectorSet b, int j) {
    double s = 0;
    for (int c = 0; c < a.dim(); c++) {
      double x = a.get(i, c) - (double) b.get(j, c);
      s += x * x;
    }
    return s;
  }
}
