package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.stop.StopRule;
import org.gio.core.testing.ParityCase;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The published loop interrupted at an iteration boundary and resumed from the state it saved
 * there ({@link PublishedProgress}): the same selection, traces and counters bit for bit, and the
 * same states at every later boundary. On the parity fixtures' data: every fixture as it is (its
 * initial set; resets, prev_opt, …) and variants with the random initial rows, random restarts,
 * v-init jump, patience, the uniform start, and the research path (v-init worst, several
 * candidates, the exact stop, the outlier penalty).
 */
class PublishedResumeTest {
  private final VectorOps ops = new ScalarVectorOps();
  private final GioSelector selector =
      new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));

  /** A run's inputs: pool, target, initial set (or null) and configuration. */
  private record Run(String name, VectorSet pool, VectorSet target, VectorSet init, GioConfig config) {
    static Run of(ParityCase c) {
      return new Run(c.name, c.pool, c.target, c.init, c.config);
    }

    Run with(String suffix, VectorSet newInit, GioConfig newConfig) {
      return new Run(name + " " + suffix, pool, target, newInit, newConfig);
    }
  }

  /** Records every boundary's state; with {@code stopAt} ≥ 0, ends the run there as a signal would. */
  private static final class Recorder implements PublishedProgress.Checkpoints {
    final List<PublishedProgress> states = new ArrayList<>();
    final int stopAt;

    Recorder(int stopAt) {
      this.stopAt = stopAt;
    }

    @Override
    public void boundary(Supplier<PublishedProgress> progress) {
      states.add(progress.get());
      if (states.size() - 1 == stopAt) {
        throw new Interrupted();
      }
    }
  }

  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The listener's events without their timings. */
  private static final class Events implements SelectionListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void iteration(Iteration i) {
      lines.add(i.number() + " " + i.row() + " " + i.outcome() + " " + Double.doubleToRawLongBits(i.kl())
          + " " + Double.doubleToRawLongBits(i.exactKl()) + " " + i.accepted());
    }
  }

  private static Stream<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (ParityCase c : ParityCase.selectionCases()) {
      runs.add(Run.of(c));
    }
    Run k3 = Run.of(ParityCase.named("d8-increase-k3"));
    runs.add(k3.with("random init, jump, restarts, patience", null, k3.config().toBuilder()
        .randomInitPct(0.05).vInit(VInit.JUMP).randomRestartProb(0.3).patience(2).seed(7).build()));
    Run resets = Run.of(ParityCase.named("d4-resets"));
    runs.add(resets.with("uniform start, resets, prev_opt, restarts", null, resets.config().toBuilder()
        .vInit(VInit.PREV_OPT).randomRestartProb(0.5).seed(3).build()));
    Run lr = Run.of(ParityCase.named("d16-k10-lr"));
    runs.add(lr.with("worst, 4 candidates, exact stop, outliers", lr.init(), lr.config().toBuilder()
        .vInit(VInit.WORST).candidates(4).stop(StopRule.EXACT_INCREASE).patience(3).outlierWeight(0.5)
        .maxIter(60).build()));
    return runs.stream();
  }

  @TestFactory
  Stream<DynamicTest> interruptedAndResumedRunsAreTheUninterruptedRunBitForBit() {
    return runs().map(r -> DynamicTest.dynamicTest(r.name(), () -> resumesBitForBit(r)));
  }

  private void resumesBitForBit(Run r) {
    Recorder whole = new Recorder(-1);
    Events wholeEvents = new Events();
    Selection uninterrupted = selector.resume(
        r.pool(), r.target(), r.init(), r.config(), wholeEvents, null, whole);
    Selection plain = selector.select(r.pool(), r.target(), r.init(), r.config(), SelectionListener.NONE);
    assertSame(plain, uninterrupted, "the hook changes nothing");
    int n = whole.states.size();
    TreeSet<Integer> boundaries = new TreeSet<>(List.of(0, 1, 2, n / 3, n / 2, n - 2, n - 1));
    boundaries.removeIf(at -> at < 0 || at >= n); // d2-negative stops at its first candidate
    for (int at : boundaries) {
      Recorder first = new Recorder(at);
      assertThrows(Interrupted.class, () -> selector.resume(
          r.pool(), r.target(), r.init(), r.config(), SelectionListener.NONE, null, first));
      PublishedProgress saved = first.states.get(at);
      assertEquals(whole.states.get(at), saved, r.name() + ": the state at boundary " + at);

      Recorder rest = new Recorder(-1);
      Events events = new Events();
      Selection resumed = selector.resume(r.pool(), r.target(), r.init(), r.config(), events, saved, rest);
      assertSame(uninterrupted, resumed, r.name() + " from boundary " + at);
      assertEquals(wholeEvents.lines.subList(saved.iterations(), wholeEvents.lines.size()), events.lines,
          r.name() + ": the iterations after boundary " + at);
      assertEquals(n - at, rest.states.size(), r.name() + ": boundaries after " + at);
      for (int j = 0; j < rest.states.size(); j++) {
        assertEquals(whole.states.get(at + j), rest.states.get(j), r.name() + ": state at boundary " + (at + j));
      }
    }
  }

  @Test
  void theVariantsExerciseWhatTheStateHolds() {
    // rejections (patience), resets, random draws in the loop, a moving candidate point
    List<PublishedProgress> last = new ArrayList<>();
    List<Boolean> drewInTheLoop = new ArrayList<>();
    runs().forEach(r -> {
      Recorder rec = new Recorder(-1);
      selector.resume(r.pool(), r.target(), r.init(), r.config(), SelectionListener.NONE, null, rec);
      last.add(rec.states.get(rec.states.size() - 1));
      drewInTheLoop.add(!java.util.Arrays.equals(rec.states.get(0).draws(), last.get(last.size() - 1).draws()));
    });
    assertTrue(last.stream().anyMatch(p -> p.resets() > 0), "a run with resets");
    assertTrue(last.stream().anyMatch(p -> p.steps().length > p.accepted() + p.resets() * 2), "a rejection");
    assertTrue(drewInTheLoop.stream().filter(d -> d).count() >= 2, "random draws in the loop");
    assertTrue(last.stream().anyMatch(p -> p.candidate().exhausted().length > 0), "v-init worst bookkeeping");
    assertTrue(last.stream().anyMatch(p -> p.rejectedInRow() > 0 || p.risesInRow() > 0), "counters");
  }

  @Test
  void aStateFromOtherInputsIsRefused() {
    Run r = Run.of(ParityCase.named("d8-prev-opt"));
    Recorder rec = new Recorder(5);
    assertThrows(Interrupted.class, () -> selector.resume(
        r.pool(), r.target(), r.init(), r.config(), SelectionListener.NONE, null, rec));
    PublishedProgress s = rec.states.get(5);
    PublishedProgress beyond = new PublishedProgress(new int[] {r.pool().size()}, s.draws(), new double[] {1},
        s.exactKl(), s.iterations(), 0, 0, 0, false, 1, 1, s.candidate());
    PublishedProgress otherDraws = new PublishedProgress(s.steps(), new int[] {ReplayableRandom.DOUBLE, 3},
        s.kl(), s.exactKl(), s.iterations(), 0, 0, 0, false, 1, 1, s.candidate());
    PublishedProgress.Candidate c = s.candidate();
    PublishedProgress otherPoint = new PublishedProgress(s.steps(), s.draws(), s.kl(), s.exactKl(),
        s.iterations(), 0, 0, 0, false, 1, 1,
        new PublishedProgress.Candidate(new float[c.point().length + 1], -1, false, new int[0]));
    GioConfig uniform = r.config().toBuilder().build();
    for (PublishedProgress bad : List.of(beyond, otherPoint)) {
      GioInputException e = assertThrows(GioInputException.class, () -> selector.resume(
          r.pool(), r.target(), r.init(), r.config(), SelectionListener.NONE, bad,
          PublishedProgress.Checkpoints.NONE));
      assertTrue(e.getMessage().startsWith("checkpoint: ") && e.getMessage().contains("without resuming"),
          e.getMessage());
    }
    // without the initial set the run starts from the uniform start's draws, which the saved
    // draws (none: the fixture's D) do not begin with
    GioInputException e = assertThrows(GioInputException.class, () -> selector.resume(
        r.pool(), r.target(), null, uniform, SelectionListener.NONE, otherDraws,
        PublishedProgress.Checkpoints.NONE));
    assertTrue(e.getMessage().startsWith("checkpoint: its random draws"), e.getMessage());
  }

  @Test
  void theDrawLogReplaysToTheSamePosition() {
    ReplayableRandom a = new ReplayableRandom(42);
    for (int i = 0; i < 1000; i++) {
      if (i % 7 == 0) {
        a.nextInt(3 + i % 5);
      } else if (i % 11 == 0) {
        a.nextGaussian(); // through nextLong()
      } else {
        a.nextDouble();
      }
    }
    ReplayableRandom b = new ReplayableRandom(42);
    b.nextInt(3); // the set-up's draws, made again, then the rest replayed
    b.nextDouble();
    b.replay(a.draws());
    assertArrayEquals(a.draws(), b.draws());
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextInt(1000), b.nextInt(1000));
      assertEquals(Double.doubleToRawLongBits(a.nextDouble()), Double.doubleToRawLongBits(b.nextDouble()));
    }
    ReplayableRandom uniform = new ReplayableRandom(1);
    for (int i = 0; i < 5000; i++) {
      uniform.nextDouble();
    }
    assertArrayEquals(new int[] {ReplayableRandom.DOUBLE, 5000}, uniform.draws(), "one run-length pair");
    // and the same numbers as the JDK's generator, which the parity fixtures were drawn with
    java.util.SplittableRandom jdk = new java.util.SplittableRandom(1);
    for (int i = 0; i < 5000; i++) {
      jdk.nextDouble();
    }
    assertEquals(jdk.nextInt(17), uniform.nextInt(17));
  }

  private static void assertSame(Selection want, Selection got, String what) {
    assertNotNull(got, what);
    assertArrayEquals(want.selected(), got.selected(), what + ": rows");
    assertArrayEquals(bits(want.kl()), bits(got.kl()), what + ": kl trace");
    assertArrayEquals(bits(want.exactKl()), bits(got.exactKl()), what + ": exact trace");
    assertEquals(Double.doubleToRawLongBits(want.initialKl()), Double.doubleToRawLongBits(got.initialKl()), what);
    assertEquals(Double.doubleToRawLongBits(want.initialExactKl()), Double.doubleToRawLongBits(got.initialExactKl()),
        what);
    assertEquals(want.stopReason(), got.stopReason(), what);
    assertArrayEquals(want.initialPoolRows(), got.initialPoolRows(), what);
    assertEquals(want.iterations(), got.iterations(), what);
    assertEquals(want.resets(), got.resets(), what);
    assertEquals(Double.doubleToRawLongBits(want.scaleFactor()), Double.doubleToRawLongBits(got.scaleFactor()), what);
  }

  private static long[] bits(double[] values) {
    long[] b = new long[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToRawLongBits(values[i]);
    }
    return b;
  }
}
