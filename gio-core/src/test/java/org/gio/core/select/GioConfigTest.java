package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.gio.core.stop.StopRule;
import org.junit.jupiter.api.Test;

class GioConfigTest {

  @Test
  void defaultsAreTheReferences() {
    GioConfig c = GioConfig.defaults();
    assertEquals(5, c.k());
    assertEquals(100, c.maxIter());
    assertEquals(StopRule.INCREASE, c.stop());
    assertEquals(VInit.MEAN, c.vInit());
    assertEquals(50, c.gradDescIter());
    assertEquals(0.01, c.lr());
    assertTrue(c.autoScale());
    assertEquals(20, c.uniformStartSize());
    assertEquals(3, c.maxSequentialIncreases());
    assertEquals(2, c.maxResets());
  }

  private static void rejects(String field, UnaryOperator<GioConfig.Builder> change) {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> change.apply(GioConfig.builder()).build());
    assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
  }

  @Test
  void buildRejectsBadValuesNamingTheField() {
    rejects("k", b -> b.k(0));
    rejects("maxIter", b -> b.maxIter(-1));
    rejects("maxResets", b -> b.maxResets(-1));
    rejects("maxDataSize", b -> b.maxDataSize(1.5));
    rejects("minDifference", b -> b.minDifference(Double.NaN));
    rejects("randomInitPct", b -> b.randomInitPct(1.0));
    rejects("randomRestartProb", b -> b.randomRestartProb(-0.1));
    rejects("scaleFactor", b -> b.scaleFactor(-2));
    rejects("gradDescIter", b -> b.gradDescIter(-5));
    rejects("lr", b -> b.lr(Double.POSITIVE_INFINITY));
    rejects("uniformLow", b -> b.uniformLow(2).uniformHigh(1));
    rejects("uniformStartSize", b -> b.uniformStartSize(0));
    rejects("stop", b -> b.stop(StopRule.MAX_RESETS));
    rejects("densityQuantile", b -> b.densityQuantile(0));
    rejects("densityQuantile", b -> b.densityQuantile(1.5));
    rejects("retrievalCandidates", b -> b.retrievalCandidates(-1));
    rejects("retrievalCandidates", b -> b.retrievalCandidates(4).shortlist(Shortlist.NEAREST));
  }

  @Test
  void toBuilderRoundTrips() {
    GioConfig c = GioConfig.builder().k(7).lr(0.5).scaleFactor(2).seed(9).build();
    assertEquals(c.asMap(), c.toBuilder().build().asMap());
    assertEquals("auto", GioConfig.defaults().asMap().get("scaleFactor"));
  }
}
