package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.gio.core.GioInputException;
import org.gio.core.stop.StopRule;
import org.junit.jupiter.api.Test;

/** Each selector's own options, taken from the one {@link GioConfig} the command line builds. */
class SelectorOptionsTest {
  /** Every field away from its default, so a value not copied shows. */
  private static GioConfig.Builder unusual() {
    return GioConfig.builder()
        .k(7).maxIter(77).stop(StopRule.MIN_DIFFERENCE).minDifference(0.125).maxDataSize(0.5).minKl(-3)
        .maxSequentialIncreases(9).patience(4).seed(123).trackExactKl(false).start(StartMode.EMPTY)
        .uniformLow(-2).uniformHigh(3).uniformStartSize(11).normalize(false).objective(ObjectiveKind.SOFTMIN)
        .softminBeta(2.5).discardNearestForXY(true).candidates(13).outlierWeight(0.75).densityWeight(3)
        .densityThreshold(-1.5).densityRelative(true).densityQuantile(0.25).densitySample(999)
        .gainOrders(3).retrievalCandidates(2).shortlist(Shortlist.GAIN)
        .vInit(VInit.JUMP).gradDescIter(17).lr(0.3).scaleFactor(4).randomRestartProb(0.2);
  }

  private static Set<String> accessors(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class && m.getParameterCount() == 0
          && !Modifier.isStatic(m.getModifiers())) {
        names.add(m.getName());
      }
    }
    return names;
  }

  /** Every accessor of {@code options} returns what the config's accessor of that name does. */
  private static void sameValues(GioConfig config, SelectionOptions options) throws Exception {
    for (String name : accessors(options.getClass())) {
      Object expected = GioConfig.class.getMethod(name).invoke(config);
      assertEquals(expected, options.getClass().getMethod(name).invoke(options), name);
    }
  }

  @Test
  void eachSelectorIsHandedExactlyTheOptionsItReads() throws Exception {
    GioConfig config = unusual().build();
    sameValues(config, config.greedy());
    GioConfig faithful = unusual().retrievalCandidates(0).shortlist(Shortlist.NEAREST)
        .randomInitPct(0.1).resetsAllowed(true).maxResets(5).build();
    sameValues(faithful, faithful.published());

    Set<String> shared = accessors(SelectionOptions.class);
    Set<String> greedy = accessors(GreedyOptions.class);
    Set<String> published = accessors(PublishedOptions.class);
    greedy.removeAll(shared);
    published.removeAll(shared);
    assertEquals(Set.of("gainOrders", "retrievalCandidates"), greedy);
    assertEquals(Set.of("vInit", "gradDescIter", "lr", "autoScale", "scaleFactor", "randomRestartProb",
        "randomInitPct", "resetsAllowed", "maxResets"), published);
    // every option of the command line is read by one of them, or only chooses the selector / size
    Set<String> all = accessors(GioConfig.class);
    all.removeAll(shared);
    all.removeAll(greedy);
    all.removeAll(published);
    assertEquals(Set.of("shortlist", "budget", "asMap", "toBuilder", "toString", "greedy", "published"), all);
  }

  @Test
  void theGreedyOptionsRefuseWhatNeedsThePoolInMemory() {
    for (GioConfig config : new GioConfig[] {
        GioConfig.recommendedBuilder().randomInitPct(0.1).build(),
        GioConfig.recommendedBuilder().resetsAllowed(true).build()}) {
      GioInputException e = assertThrows(GioInputException.class, config::greedy);
      assertTrue(e.getMessage().contains("--faithful"), e.getMessage());
      assertFalse(e.getMessage().contains("GioConfig"), e.getMessage());
      config.published(); // the published loop takes them
    }
  }

  @Test
  void theReportsConfigSectionIsUnchanged() {
    // checkpoint fingerprints hash this map: its keys, order and values must not move
    assertEquals("{k=5, maxIter=2147483647, stop=exact_increase, minDifference=0.0, resetsAllowed=false,"
        + " maxResets=2, maxDataSize=1.0, minKl=0.0, maxSequentialIncreases=3, randomInitPct=0.0,"
        + " randomRestartProb=0.0, scaleFactor=auto, vInit=worst, gradDescIter=0, lr=0.01,"
        + " discardNearestForXY=false, normalize=true, uniformLow=-1.0, uniformHigh=1.0, uniformStartSize=20,"
        + " seed=0, trackExactKl=true, objective=softmin, softminBeta=d, candidates=32, patience=5, budget=0,"
        + " start=empty, shortlist=gain, outlierWeight=0.5, densityWeight=Infinity, densityThreshold=0.0,"
        + " densityRelative=false, densityQuantile=0.375, densitySample=6000, gainOrders=5}",
        GioConfig.recommended().asMap().toString());
    assertEquals("{k=5, maxIter=100, stop=increase, minDifference=0.0, resetsAllowed=false, maxResets=2,"
        + " maxDataSize=1.0, minKl=0.0, maxSequentialIncreases=3, randomInitPct=0.0, randomRestartProb=0.0,"
        + " scaleFactor=auto, vInit=mean, gradDescIter=50, lr=0.01, discardNearestForXY=false, normalize=true,"
        + " uniformLow=-1.0, uniformHigh=1.0, uniformStartSize=20, seed=0, trackExactKl=true,"
        + " objective=averaged, softminBeta=d, candidates=1, patience=0, budget=0, start=uniform,"
        + " shortlist=nearest, outlierWeight=0.0, gainOrders=1}",
        GioConfig.defaults().asMap().toString());
  }
}
