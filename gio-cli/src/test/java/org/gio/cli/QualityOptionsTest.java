package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.select.GioConfig;
import org.gio.core.select.ObjectiveKind;
import org.gio.core.select.StartMode;
import org.gio.core.select.VInit;
import org.gio.core.stop.StopRule;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class QualityOptionsTest {
  private static GioConfig parse(String... extra) {
    SelectCommand cmd = new SelectCommand();
    CommandLine cl = new CommandLine(cmd);
    String[] base = {"--pool", "p.npy", "--target", "t.npy", "--out", "o.txt"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    cl.parseArgs(args);
    return cmd.quality.apply(cmd.options.toConfig(), cmd.spec);
  }

  @Test
  void poolAndTargetAloneGiveTheRecommendedPreset() {
    GioConfig c = parse();
    GioConfig r = GioConfig.recommended();
    assertEquals(r.asMap(), c.asMap());
  }

  @Test
  void faithfulGivesTheReferenceDefaults() {
    assertEquals(GioConfig.defaults().asMap(), parse("--faithful").asMap());
  }

  @Test
  void explicitFlagsWinOverThePreset() {
    GioConfig c = parse("--stop", "increase", "--max-iter", "7", "--candidates", "4", "--objective", "averaged", "--v-init", "mean");
    assertEquals(StopRule.INCREASE, c.stop());
    assertEquals(7, c.maxIter());
    assertEquals(4, c.candidates());
    assertEquals(ObjectiveKind.AVERAGED, c.objective());
    assertEquals(VInit.MEAN, c.vInit());
    assertEquals(StartMode.EMPTY, c.start());
    assertEquals(Double.POSITIVE_INFINITY, c.densityWeight(), "the preset's density filter");
    assertEquals(0.375, c.densityQuantile(), "the preset's quantile threshold");
    assertEquals(6000, c.densitySample(), "the preset's reference sample");
    GioConfig d = parse("--density-weight", "Infinity", "--density-threshold", "2", "--density-relative");
    assertEquals(true, d.densityRelative());
    assertEquals(Double.POSITIVE_INFINITY, d.densityWeight());
    assertEquals(2, d.densityThreshold());
    assertEquals(0, parse("--faithful").densityWeight(), "--faithful has no density term");
    GioConfig q = parse("--density-weight", "Infinity", "--density-quantile", "0.05", "--retrieval-candidates", "4");
    assertEquals(0.05, q.densityQuantile());
    assertEquals(4, q.retrievalCandidates());
    assertTrue(Double.isNaN(d.densityQuantile()), "a τ threshold replaces the preset's quantile");
    assertEquals(0, parse("--density-weight", "0").densityWeight(), "0 turns the filter off");
    assertEquals(0, c.retrievalCandidates(), "no retrieval candidates by default");
    GioConfig f = parse("--faithful", "--start", "empty", "--patience", "2");
    assertEquals(StartMode.EMPTY, f.start());
    assertEquals(2, f.patience());
    assertEquals(StopRule.INCREASE, f.stop());
  }

  @Test
  void densitySampleFlagSetsTheReferenceSampleAndRejectsANegativeOne() {
    GioConfig c = parse("--density-weight", "Infinity", "--density-quantile", "0.375", "--density-sample", "6000");
    assertEquals(6000, c.densitySample());
    assertEquals(0, parse("--faithful").densitySample(), "--faithful: the whole pool");
    org.gio.core.select.InvalidConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.gio.core.select.InvalidConfigException.class,
            () -> parse("--density-weight", "Infinity", "--density-sample", "-1"));
    assertTrue(e.getMessage().contains("densitySample must be a row count"), e.getMessage());
  }
}
