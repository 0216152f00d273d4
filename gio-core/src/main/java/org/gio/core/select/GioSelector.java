package org.gio.core.select;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jakarta.inject.Inject;
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
 * The GIO selection loop of ALGORITHM.md §3: pure orchestration of an objective state, an
 * optimizer, a candidate index and a stop criterion. It does no arithmetic of its own. Reusable and
 * thread-safe: each call to {@code select} has its own state.
 */
public final class GioSelector {
  private final VectorOps ops;
  private final CandidateIndexFactory indexFactory;
  private final KthNeighbourSearch kthNeighbours;

  @Inject
  public GioSelector(
      VectorOps ops, CandidateIndexFactory indexFactory, KthNeighbourSearch kthNeighbours) {
    this.ops = ops;
    this.indexFactory = indexFactory;
    this.kthNeighbours = kthNeighbours;
  }

  /** Selects from {@code pool} for {@code target}, starting as the configuration says. */
  public Selection select(VectorSet pool, VectorSet target, GioConfig config) {
    return select(pool, target, null, config, SelectionListener.NONE);
  }

  /**
   * Selects from {@code pool} for {@code target}.
   *
   * @param initial the initial set D, or null for the configured start (random pool rows or the
   *     uniform start)
   */
  public Selection select(
      VectorSet pool,
      VectorSet target,
      VectorSet initial,
      GioConfig config,
      SelectionListener listener) {
    long start = System.nanoTime();
    Inputs.check(pool, target, initial, config);
    SplittableRandom random = new SplittableRandom(config.seed());

    InitialSet init = InitialSet.choose(pool, initial, config, random);
    Target t = Target.of(target, config.k(), kthNeighbours);
    DifferentiableState state = objective(config).start(t, init.points());
    boolean needExact =
        config.trackExactKl()
            || config.candidates() > 1
            || config.stop() == StopRule.EXACT_INCREASE
            || config.vInit() == VInit.WORST
            || config.shortlist() == Shortlist.GAIN;
    ObjectiveState exact = needExact ? new KnnKl(ops).start(t, init.points()) : null;
    int[] shortlist = new int[config.candidates() + config.retrievalCandidates()];
    int[] retrieval = new int[config.retrievalCandidates()];
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
    GainShortlist gains =
        config.shortlist() == Shortlist.GAIN
            ? new GainShortlist(
                ops,
                pool,
                target,
                config.k(),
                Math.max(1, config.k() - config.gainOrders() + 1),
                GainShortlist.depth(config.candidates(), pool.size()),
                coverage(exact),
                exact.size())
            : null;

    double[] logRho = new double[target.size()];
    for (int i = 0; i < logRho.length; i++) {
      logRho[i] = Math.log(t.kthNeighbourDistance(i));
    }
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
    double previousExact = initialExact;
    int rejectedInRow = 0;
    listener.started(pool.size(), config.maxIter(), initialKl);

    List<Integer> selected = new ArrayList<>();
    List<Double> klTrace = new ArrayList<>();
    List<Double> exactTrace = new ArrayList<>();
    double previousKl = initialKl;
    int risesInRow = 0;
    int resets = 0;
    int iterations = 0;
    boolean longDescent = true; // the very first descent is a long one
    long setup = System.nanoTime() - start;
    long descentNanos = 0;
    long searchNanos = 0;
    long updateNanos = 0;
    String stopReason;

    while (true) {
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
      // The gain table proposes rows without a descent; when every listed row is gone, fall back
      // to the search around the optimised point.
      int gained = gains == null ? 0 : gains.top(config.candidates(), shortlist);
      int retrieved = 0; // shortlist[0..retrieved) are retrieval candidates, tried first
      if (gained > 0 && config.retrievalCandidates() > 0) {
        retrieved = gains.nearestOfWorst(config.retrievalCandidates(), logRho, retrieval, 0);
        gained = prepend(retrieval, retrieved, shortlist, gained);
      }
      if (gained > 0 && density.filters()) {
        // the density filter: drop shortlisted rows where the pool is denser than the target
        int kept = 0;
        int keptRetrieved = 0;
        for (int j = 0; j < gained; j++) {
          if (density.passes(shortlist[j])) {
            shortlist[kept++] = shortlist[j];
            keptRetrieved += j < retrieved ? 1 : 0;
          } else {
            index.remove(shortlist[j]);
            gains.removed(shortlist[j]);
          }
        }
        if (kept == 0) {
          continue; // the table offers its next rows
        }
        gained = kept;
        retrieved = keptRetrieved;
      }
      if (gained == 0) {
        candidate.prepare();
        optimizer.optimize(state, candidate.point(), steps);
      }
      long t1 = System.nanoTime();
      int row;
      double candidateExact = Double.NaN;
      // KL_exact(W ∪ {g}) plus g's outlier penalty: what the ranking and the exact stop compare
      double candidateScore = Double.NaN;
      if (gained == 0 && config.candidates() == 1) {
        row = index.nearest(candidate.point());
      } else {
        // Re-rank the c shortlisted rows by the exact KL they would give (while the exact
        // estimator is still undefined: by the gain estimate, i.e. keep the first, or by the
        // relaxation) and take the best; ties keep the earlier (nearer or higher-gain) row.
        int found =
            gained > 0 ? gained : index.nearest(candidate.point(), config.candidates(), shortlist);
        boolean exactDefined = exact.size() + 1 >= config.k();
        // while the estimator is undefined the gain's first row is taken, not a retrieval row
        row = shortlist[retrieved < found ? retrieved : 0];
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < found && (exactDefined || gained == 0); j++) {
          double score;
          if (!exactDefined) {
            score = state.valueIfAdded(pool, shortlist[j]);
          } else if (gained > 0) {
            // the change of the gain's objective (KL_exact up to a constant when it counts k alone)
            score = gains.change(pool, shortlist[j]) + penalty.applyAsDouble(shortlist[j]);
          } else {
            score = exact.valueIfAdded(pool, shortlist[j]) + penalty.applyAsDouble(shortlist[j]);
          }
          if (score < best) {
            best = score;
            row = shortlist[j];
          }
          if (j < retrieved && exactDefined && score < 0) {
            // a retrieval candidate that lowers the penalised estimator is taken first (worst-
            // covered target row first); see GioConfig.retrievalCandidates
            best = score;
            row = shortlist[j];
            break;
          }
        }
        if (exactDefined && gained > 0) {
          candidateExact = exact.valueIfAdded(pool, row);
          candidateScore = Double.isNaN(previousExact) ? candidateExact : previousExact + best;
        } else if (exactDefined) {
          candidateScore = best;
          candidateExact = best - penalty.applyAsDouble(row);
        }
      }
      index.remove(row);
      if (gains != null) {
        gains.removed(row);
      }
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
          if (gains != null) {
            gains.refilled();
          }
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
          if (gains != null) {
            gains.added(coverage(exact));
          }
          exactKl = exact.value();
          previousExact = exactKl;
          if (config.trackExactKl()) {
            exactTrace.add(exactKl);
          }
        }
        rejectedInRow = 0;
        risesInRow = context.rises() ? risesInRow + 1 : 0;
        previousKl = kl;
        selected.add(row);
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
            selected.stream().mapToInt(Integer::intValue).toArray(),
            klTrace.stream().mapToDouble(Double::doubleValue).toArray(),
            exactTrace.stream().mapToDouble(Double::doubleValue).toArray(),
            initialKl,
            initialExact,
            stopReason,
            init.poolRows(),
            iterations,
            resets,
            scale,
            new Selection.Timings(
                System.nanoTime() - start, setup, descentNanos, searchNanos, updateNanos));
    listener.finished(result);
    return result;
  }

  /**
   * Puts {@code first[0..count)} at the front of {@code list[0..length)}, dropping the list's
   * copies of them; returns the new length ({@code list} has room for both).
   */
  static int prepend(int[] first, int count, int[] list, int length) {
    int kept = 0;
    int[] rest = new int[length];
    for (int j = 0; j < length; j++) {
      boolean dup = false;
      for (int f = 0; f < count && !dup; f++) {
        dup = first[f] == list[j];
      }
      if (!dup) {
        rest[kept++] = list[j];
      }
    }
    System.arraycopy(first, 0, list, 0, count);
    System.arraycopy(rest, 0, list, count, kept);
    return count + kept;
  }

  private static Coverage coverage(ObjectiveState exact) {
    if (!(exact instanceof Coverage c)) {
      throw new IllegalStateException("the exact estimator's state must expose its coverage");
    }
    return c;
  }

  private DifferentiableObjective objective(GioConfig config) {
    if (config.objective() == ObjectiveKind.SOFTMIN) {
      return new SoftMinKnnKl(ops, config.softminBeta());
    }
    return new AveragedKnnKl(ops, config.discardNearestForXY());
  }

  /** The names of the kernels and the index this selector uses, for reports. */
  public String describe() {
    return "ops=" + ops.name() + ", index=" + indexFactory.name();
  }

  public VectorOps ops() {
    return ops;
  }

  public CandidateIndexFactory indexFactory() {
    return indexFactory;
  }
}
