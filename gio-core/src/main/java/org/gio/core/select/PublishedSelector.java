package org.gio.core.select;

import java.util.ArrayList;
import java.util.List;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.Coverage;
import org.gio.core.objective.DifferentiableObjective;
import org.gio.core.objective.DifferentiableState;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.SoftMinKnnKl;
import org.gio.core.stop.StopRule;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.Target;
import org.gio.core.optimize.GradientDescent;
import org.gio.core.optimize.Optimizer;
import org.gio.core.search.CandidateIndex;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.stop.StopContext;
import org.gio.core.stop.StopCriterion;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The published GIO loop of ALGORITHM.md §3 over a pool in memory: pure orchestration of an
 * objective state, an optimizer, a candidate index and a stop criterion (with the research options:
 * exact re-ranking of several nearest rows, the exact stop, the precision penalties, v-init worst).
 * It does no arithmetic of its own. The default's gain table is {@link GreedySelector}. Reusable and
 * thread-safe: each call to {@code select} has its own state.
 *
 * <p>Checkpoints: {@link #resume} tells a {@link PublishedProgress.Checkpoints} hook every
 * iteration boundary and continues a run from a {@link PublishedProgress} bit for bit (the set-up
 * is redone, then the saved steps are replayed and the rest restored).
 */
final class PublishedSelector {
  private final VectorOps ops;
  private final CandidateIndexFactory indexFactory;
  private final KthNeighbourSearch kthNeighbours;

  PublishedSelector(
      VectorOps ops, CandidateIndexFactory indexFactory, KthNeighbourSearch kthNeighbours) {
    this.ops = ops;
    this.indexFactory = indexFactory;
    this.kthNeighbours = kthNeighbours;
  }

  /**
   * Selects from {@code pool} for {@code target}.
   *
   * @param initial the initial set D, or null for the configured start (random pool rows or the
   *     uniform start)
   */
  Selection select(
      VectorSet pool,
      VectorSet target,
      VectorSet initial,
      GioConfig config,
      SelectionListener listener) {
    return resume(pool, target, initial, config, listener, null, PublishedProgress.Checkpoints.NONE);
  }

  /**
   * Selects as {@link #select}, continuing from {@code from} (a state {@code checkpoints} was given
   * by a run with the same inputs and configuration; null: from the start), telling {@code
   * checkpoints} every iteration boundary. The result is bit-identical to the uninterrupted run's.
   *
   * @throws org.gio.core.GioInputException when {@code from} does not fit these inputs
   */
  Selection resume(
      VectorSet pool,
      VectorSet target,
      VectorSet initial,
      GioConfig config,
      SelectionListener listener,
      PublishedProgress from,
      PublishedProgress.Checkpoints checkpoints) {
    long start = System.nanoTime();
    Inputs.check(pool, target, initial, config);
    ReplayableRandom random = new ReplayableRandom(config.seed());

    InitialSet init = InitialSet.choose(pool, initial, config, random);
    Target t = Target.of(target, config.k(), kthNeighbours);
    DifferentiableState state = objective(config).start(t, init.points());
    boolean needExact =
        config.trackExactKl()
            || config.candidates() > 1
            || config.stop() == StopRule.EXACT_INCREASE
            || config.vInit() == VInit.WORST;
    ObjectiveState exact = needExact ? new KnnKl(ops).start(t, init.points()) : null;
    int[] shortlist = new int[config.candidates()];
    CandidateIndex index = indexFactory.build(pool);
    StopCriterion criterion = StopCriteria.of(config);
    OutlierPenalty outliers = new OutlierPenalty(ops, t, config.outlierWeight());
    DensityRatioPenalty density =
        new DensityRatioPenalty(
            ops,
            t,
            pool,
            config.densityWeight(),
            config.densityThreshold(),
            config.densityRelative(),
            config.densityQuantile(),
            config.densitySample(),
            config.seed());
    // what a candidate adds to the penalised objective: both precision terms (each 0 when off)
    java.util.function.IntToDoubleFunction penalty =
        g -> outliers.penalty(pool, g) + density.penalty(g);
    CandidatePoint candidate = new CandidatePoint(config.vInit(), target, random);
    if (config.vInit() == VInit.WORST) {
      candidate.coverage(coverage(exact), t);
    }
    double scale =
        config.autoScale()
            ? GradientDescent.autoScale(state, candidate.point())
            : config.scaleFactor();
    Optimizer optimizer = new GradientDescent(config.lr(), scale);

    double initialKl = state.value();
    double initialExact = exact == null ? Double.NaN : exact.value();
    List<Long> selected = new ArrayList<>();
    List<Double> klTrace = new ArrayList<>();
    List<Double> exactTrace = new ArrayList<>();
    StepLog log = new StepLog();
    if (from != null) { // after the set-up, which the saved state continues
      replay(from, pool, config, state, exact, index, log, selected, klTrace, exactTrace);
      random.replay(from.draws());
      candidate.restore(from.candidate());
    }
    double previousExact = from == null ? initialExact : from.previousExact();
    int rejectedInRow = from == null ? 0 : from.rejectedInRow();
    listener.started(pool.size(), config.maxIter(), initialKl);

    double previousKl = from == null ? initialKl : from.previousKl();
    int risesInRow = from == null ? 0 : from.risesInRow();
    int resets = from == null ? 0 : from.resets();
    int iterations = from == null ? 0 : from.iterations();
    boolean longDescent = from == null || from.longDescent(); // the very first descent is a long one
    long setup = System.nanoTime() - start;
    long descentNanos = 0;
    long searchNanos = 0;
    long updateNanos = 0;
    String stopReason;

    while (true) {
      int[] counters = {iterations, rejectedInRow, risesInRow, resets};
      double[] previous = {previousKl, previousExact};
      boolean descent = longDescent;
      checkpoints.boundary(() -> new PublishedProgress(log.toArray(), random.draws(), doubles(klTrace),
          doubles(exactTrace), counters[0], counters[1], counters[2], counters[3], descent, previous[0],
          previous[1], candidate.saved()));
      if (selected.size() >= config.maxIter()) {
        stopReason = Selection.MAX_ITER;
        break;
      }
      if (index.available() == 0) {
        stopReason = Selection.POOL_EXHAUSTED;
        break;
      }
      long t0 = System.nanoTime();
      if (config.randomRestartProb() > 0 && random.nextDouble() < config.randomRestartProb()) {
        longDescent = true;
      }
      int steps = longDescent ? 3 * config.gradDescIter() : config.gradDescIter();
      longDescent = false;
      candidate.prepare();
      optimizer.optimize(state, candidate.point(), steps);
      long t1 = System.nanoTime();
      int row;
      double candidateExact = Double.NaN;
      // KL_exact(W ∪ {g}) plus g's outlier penalty: what the ranking and the exact stop compare
      double candidateScore = Double.NaN;
      if (config.candidates() == 1) {
        row = index.nearest(candidate.point());
      } else {
        // Re-rank the c nearest rows by the exact KL they would give (while the exact estimator is
        // still undefined: by the relaxation) and take the best; ties keep the nearer row.
        int found = index.nearest(candidate.point(), config.candidates(), shortlist);
        boolean exactDefined = exact.size() + 1 >= config.k();
        row = shortlist[0];
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < found; j++) {
          double score = exactDefined
              ? exact.valueIfAdded(pool, shortlist[j]) + penalty.applyAsDouble(shortlist[j])
              : state.valueIfAdded(pool, shortlist[j]);
          if (score < best) {
            best = score;
            row = shortlist[j];
          }
        }
        if (exactDefined) {
          candidateScore = best;
          candidateExact = best - penalty.applyAsDouble(row);
        }
      }
      index.remove(row);
      log.removed(row);
      long t2 = System.nanoTime();
      double kl = state.valueIfAdded(pool, row);
      if (exact != null && Double.isNaN(candidateExact)) {
        candidateExact = exact.valueIfAdded(pool, row);
        candidateScore =
            Double.isNaN(candidateExact) ? candidateExact : candidateExact + penalty.applyAsDouble(row);
      }
      candidate.next();
      iterations++;

      StopContext context =
          new StopContext(
              kl,
              previousKl,
              selected.size(),
              pool.size(),
              risesInRow,
              candidateScore,
              previousExact);
      SelectionListener.Outcome outcome;
      double exactKl = Double.NaN;
      if (criterion.fires(context) && rejectedInRow < config.patience()) {
        rejectedInRow++;
        candidate.rejected();
        outcome = SelectionListener.Outcome.REJECTED;
      } else if (criterion.fires(context)) {
        if (config.resetsAllowed() && resets < config.maxResets()) {
          index.refill();
          log.reset();
          resets++;
          longDescent = true;
          outcome = SelectionListener.Outcome.RESET;
        } else {
          outcome = SelectionListener.Outcome.STOPPED;
        }
      } else {
        state.add(pool, row);
        if (exact != null) {
          exact.add(pool, row);
          exactKl = exact.value();
          previousExact = exactKl;
          if (config.trackExactKl()) {
            exactTrace.add(exactKl);
          }
        }
        rejectedInRow = 0;
        risesInRow = context.rises() ? risesInRow + 1 : 0;
        previousKl = kl;
        log.accepted();
        selected.add((long) row);
        klTrace.add(kl);
        outcome = SelectionListener.Outcome.ACCEPTED;
      }
      long t3 = System.nanoTime();
      descentNanos += t1 - t0;
      searchNanos += t2 - t1;
      updateNanos += t3 - t2;
      listener.iteration(
          new SelectionListener.Iteration(
              iterations, row, outcome, kl, exactKl, selected.size(), t3 - t0));
      if (outcome == SelectionListener.Outcome.STOPPED) {
        stopReason = criterion.name();
        break;
      }
    }

    Selection result =
        new Selection(
            selected.stream().mapToLong(Long::longValue).toArray(),
            doubles(klTrace),
            doubles(exactTrace),
            initialKl,
            initialExact,
            stopReason,
            java.util.Arrays.stream(init.poolRows()).asLongStream().toArray(),
            iterations,
            resets,
            scale,
            new Selection.Timings(
                System.nanoTime() - start, setup, descentNanos, searchNanos, updateNanos));
    listener.finished(result);
    return result;
  }

  /**
   * Rebuilds the objectives, the index and the selection {@code from} describes, by its steps in
   * their order (the same additions, so the same doubles), and takes its traces.
   */
  private static void replay(
      PublishedProgress from, VectorSet pool, GioConfig config, DifferentiableState state,
      ObjectiveState exact, CandidateIndex index, StepLog log, List<Long> selected,
      List<Double> klTrace, List<Double> exactTrace) {
    for (int code : from.steps()) {
      if (code == PublishedProgress.RESET) {
        index.refill();
        log.reset();
        continue;
      }
      int row = code >= 0 ? code : ~code;
      if (row >= pool.size()) {
        throw new org.gio.core.GioInputException("checkpoint: step row " + row + " is beyond the pool's "
            + pool.size() + " rows; start the run again without resuming");
      }
      try {
        index.remove(row);
      } catch (IllegalStateException e) {
        throw new org.gio.core.GioInputException("checkpoint: pool row " + row + " is removed twice; "
            + "start the run again without resuming");
      }
      log.removed(row);
      if (code >= 0) {
        state.add(pool, row);
        if (exact != null) {
          exact.add(pool, row);
        }
        log.accepted();
        selected.add((long) row);
      }
    }
    int tracked = config.trackExactKl() ? selected.size() : 0;
    if (from.kl().length != selected.size() || from.exactKl().length != tracked) {
      throw new org.gio.core.GioInputException("checkpoint: " + selected.size() + " accepted rows but "
          + from.kl().length + " trace values; start the run again without resuming");
    }
    for (double v : from.kl()) {
      klTrace.add(v);
    }
    for (double v : from.exactKl()) {
      exactTrace.add(v);
    }
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Coverage coverage(ObjectiveState exact) {
    return (Coverage) exact;
  }

  private DifferentiableObjective objective(GioConfig config) {
    if (config.objective() == ObjectiveKind.SOFTMIN) {
      return new SoftMinKnnKl(ops, config.softminBeta());
    }
    return new AveragedKnnKl(ops, config.discardNearestForXY());
  }
}
