package org.gio.core.select;

import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Inject;
import org.gio.core.GioInputException;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.Coverage;
import org.gio.core.objective.DifferentiableState;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.objective.ObjectiveState;
import org.gio.core.objective.SoftMinKnnKl;
import org.gio.core.objective.Target;
import org.gio.core.stop.StopContext;
import org.gio.core.stop.StopCriterion;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * The default selection ({@link GioConfig#recommended()}): greedy on the gain table, reading only a
 * {@link NeighbourTable}, never the pool. Each iteration is four named parts: the {@linkplain
 * #propose candidates} (the listed rows with the largest gains, retrieval rows first), the
 * {@linkplain #filter density filter}, the {@linkplain #score exact scoring} of the survivors,
 * and the stop rule with patience. The formulas are in ALGORITHM.md and in {@link GainShortlist},
 * {@link OutlierPenalty} and {@link DensityRatioPenalty}.
 *
 * <p>When every listed row has been taken or dropped the run ends with {@link #TABLE_EXHAUSTED}
 * (no pool scan: the table is all this selector has). Thread-safe; each call has its own state.
 *
 * <p>Checkpoints: {@link #resume} tells a {@link Checkpoints} hook every iteration boundary, where
 * the state is a {@link GreedyProgress} (an event log of the rows removed, the traces and the
 * counters), and continues a run from one bit for bit.
 *
 * <p>Options: a {@link GreedyOptions} (k, maxIter, the stop rule and its parameters, patience,
 * candidates, retrievalCandidates, gainOrders, outlierWeight, the density options, seed,
 * trackExactKl, the start (empty, uniform or a given D), and the relaxation reported in the trace:
 * objective, softminBeta, discardNearestForXY). The methods taking a {@link GioConfig} use its
 * {@link GioConfig#greedy()}, which refuses randomInitPct and resetsAllowed (they need the whole
 * pool); the descent's options are not part of it.
 *
 * <p>Candidates are scored on several threads (each new one {@linkplain CandidateProfiles
 * profiled} once); the result is the same on any number of threads.
 */
public final class GreedySelector {
  /** Stop reason: every row of the neighbour table was taken or dropped. */
  public static final String TABLE_EXHAUSTED = "table_exhausted";

  private final VectorOps ops;
  private final KthNeighbourSearch kthNeighbours;

  @Inject
  public GreedySelector(VectorOps ops, KthNeighbourSearch kthNeighbours) {
    this.ops = ops;
    this.kthNeighbours = kthNeighbours;
  }

  /** Rows each target row lists in the table this configuration needs, for a pool of M rows. */
  public static int tableDepth(GioConfig config, long poolRows) {
    return GainShortlist.depth(config.candidates(), poolRows);
  }

  /** The density sample's pool ids (ascending) for a pool of M rows: what the table must hold. */
  public static long[] densitySample(GioConfig config, long poolRows) {
    return DensityRatioPenalty.sampleIds(
        poolRows, config.densityWeight(), config.densitySample(), config.seed());
  }

  /**
   * Selects from the pool {@code table} was built from.
   *
   * @param initial the initial set D, or null for the configured start (empty or uniform)
   * @return a selection whose ids are pool row ids
   */
  public Selection select(
      NeighbourTable table, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener) {
    return resume(table, target, initial, config, listener, null, Checkpoints.NONE);
  }

  /** {@link #select} scoring candidates on {@code threads} threads (the same result on any count). */
  public Selection select(
      NeighbourTable table, VectorSet target, VectorSet initial, GreedyOptions options, SelectionListener listener,
      int threads) {
    return resume(table, target, initial, options, listener, null, Checkpoints.NONE, threads);
  }

  /**
   * Called by the selection at every iteration boundary, on the selecting thread, before the next
   * candidate is proposed; for checkpoints. An exception thrown
   * here ends the run with that exception.
   */
  @FunctionalInterface
  public interface Checkpoints {
    /** Ignores every boundary. */
    Checkpoints NONE = progress -> {};

    /**
     * {@code progress.get()} is the run's state at this boundary (a copy, O(rows removed)); call
     * it only when a checkpoint is due.
     */
    void boundary(java.util.function.Supplier<GreedyProgress> progress);
  }

  /**
   * Selects as {@link #select}, continuing from {@code from} (a state {@code checkpoints} was given
   * by a run with the same table, target, start and configuration; null: from the start). The
   * state is rebuilt by replaying {@code from}'s steps in their order, so the result is
   * bit-identical to the uninterrupted run's.
   *
   * <p>Candidates are scored on as many threads as the JVM has processors; the result is the same
   * on any number.
   *
   * @throws GioInputException when {@code from} names rows this table does not have, or {@code
   *     config} has an option only the published loop has ({@link GioConfig#greedy()})
   */
  public Selection resume(
      NeighbourTable table, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener,
      GreedyProgress from, Checkpoints checkpoints) {
    return resume(table, target, initial, config.greedy(), listener, from, checkpoints,
        Runtime.getRuntime().availableProcessors());
  }

  /** {@link #resume} scoring candidates on {@code threads} threads (the same result on any count). */
  public Selection resume(
      NeighbourTable table, VectorSet target, VectorSet initial, GreedyOptions config, SelectionListener listener,
      GreedyProgress from, Checkpoints checkpoints, int threads) {
    long start = System.nanoTime();
    Inputs.check(table.poolRows(), table.listed().dim(), target, initial, config);
    try (Run run = new Run(table, target, initial, config, listener, threads)) {
      if (from != null) {
        run.replay(from);
      }
      return run.loop(start, from, checkpoints);
    }
  }

  /** One selection's state. */
  private final class Run implements AutoCloseable {
    final NeighbourTable table;
    final VectorSet listed;
    final GreedyOptions config;
    final SelectionListener listener;
    final Target target;
    final DifferentiableState relaxed;
    final ObjectiveState exact;
    final GainShortlist gains;
    final OutlierPenalty outliers;
    final DensityRatioPenalty density;
    final CandidateProfiles profiles;
    final StopCriterion criterion;
    final double[] logRho;
    final int[] shortlist;
    final int[] retrieval;
    int retrieved;
    /** The removed rows in order (see {@link GreedyProgress#steps()}). */
    final StepLog steps = new StepLog();
    final List<Long> selected = new ArrayList<>();
    final List<Double> klTrace = new ArrayList<>();
    final List<Double> exactTrace = new ArrayList<>();

    Run(NeighbourTable table, VectorSet x, VectorSet initial, GreedyOptions config, SelectionListener listener,
        int threads) {
      this.table = table;
      this.listed = table.listed();
      this.config = config;
      this.listener = listener;
      VectorSet start = initial != null ? initial
          : InitialSet.configured(x.dim(), config, new java.util.SplittableRandom(config.seed()));
      this.target = Target.of(x, config.k(), kthNeighbours);
      // the relaxation is only reported (its trace), as in the published loop
      this.relaxed = (config.objective() == ObjectiveKind.SOFTMIN
          ? new SoftMinKnnKl(ops, config.softminBeta())
          : new AveragedKnnKl(ops, config.discardNearestForXY())).start(target, start);
      this.exact = new KnnKl(ops).start(target, start);
      this.gains = new GainShortlist(ops, table, x, config.k(),
          Math.max(1, config.k() - config.gainOrders() + 1), coverage(), exact.size());
      this.outliers = new OutlierPenalty(ops, target, config.outlierWeight());
      this.density = new DensityRatioPenalty(ops, target, table, config.densityWeight(),
          config.densityThreshold(), config.densityRelative(), config.densityQuantile());
      this.criterion = StopCriteria.of(config);
      this.logRho = new double[x.size()];
      for (int i = 0; i < logRho.length; i++) {
        logRho[i] = Math.log(target.kthNeighbourDistance(i));
      }
      this.shortlist = new int[config.candidates() + config.retrievalCandidates()];
      this.retrieval = new int[config.retrievalCandidates()];
      this.profiles = new CandidateProfiles(ops, listed, x, gains, outliers, density, threads, shortlist.length);
    }

    @Override
    public void close() {
      profiles.close();
    }

    Coverage coverage() {
      return (Coverage) exact;
    }

    /** The initial objective values, before any row (and before a replay). */
    double initialKl;
    double initialExact;

    /** Rebuilds the state {@code from} describes: its removals and additions, in their order. */
    void replay(GreedyProgress from) {
      initialKl = relaxed.value();
      initialExact = exact.value();
      int accepted = 0;
      for (int code : from.steps()) {
        int row = code >= 0 ? code : ~code;
        if (row >= listed.size()) {
          throw new GioInputException("checkpoint: step row " + row + " is beyond the neighbour table's "
              + listed.size() + " listed rows; start the run again without resuming");
        }
        removed(row);
        if (code >= 0) {
          relaxed.add(listed, row);
          exact.add(listed, row);
          gains.added(coverage());
          accept();
          selected.add(table.listedId(row));
          accepted++;
        }
      }
      if (accepted != from.kl().length
          || (config.trackExactKl() ? accepted : 0) != from.exactKl().length) {
        throw new GioInputException("checkpoint: " + accepted + " accepted rows but " + from.kl().length
            + " trace values; start the run again without resuming");
      }
      for (double v : from.kl()) {
        klTrace.add(v);
      }
      for (double v : from.exactKl()) {
        exactTrace.add(v);
      }
    }

    /** Takes {@code row} out of the table, and logs it (accepted rows are marked by {@link #accept}). */
    void removed(int row) {
      gains.removed(row);
      profiles.release(row);
      steps.removed(row);
    }

    /** Marks the last removed row as accepted. */
    void accept() {
      steps.accepted();
    }

    GreedyProgress progress(int iterations, int rejectedInRow, int risesInRow, double previousKl, double previousExact) {
      return new GreedyProgress(steps.toArray(),
          klTrace.stream().mapToDouble(Double::doubleValue).toArray(),
          exactTrace.stream().mapToDouble(Double::doubleValue).toArray(),
          iterations, rejectedInRow, risesInRow, previousKl, previousExact);
    }

    Selection loop(long start, GreedyProgress from, Checkpoints checkpoints) {
      if (from == null) {
        initialKl = relaxed.value();
        initialExact = exact.value();
      }
      double previousKl = from == null ? initialKl : from.previousKl();
      double previousExact = from == null ? initialExact : from.previousExact();
      int poolSize = (int) Math.min(Integer.MAX_VALUE, table.poolRows());
      listener.started(poolSize, config.maxIter(), initialKl);
      int rejectedInRow = from == null ? 0 : from.rejectedInRow();
      int risesInRow = from == null ? 0 : from.risesInRow();
      int iterations = from == null ? 0 : from.iterations();
      long setup = System.nanoTime() - start;
      long searchNanos = 0;
      long updateNanos = 0;
      String stopReason;
      while (true) {
        int[] counters = {iterations, rejectedInRow, risesInRow};
        double[] previous = {previousKl, previousExact};
        checkpoints.boundary(() -> progress(counters[0], counters[1], counters[2], previous[0], previous[1]));
        if (selected.size() >= config.maxIter()) {
          stopReason = Selection.MAX_ITER;
          break;
        }
        long t0 = System.nanoTime();
        int found = filter(propose());
        if (found < 0) {
          // every listed row was taken or dropped; when the table lists the whole pool, the pool is
          stopReason = listed.size() == table.poolRows() ? Selection.POOL_EXHAUSTED : TABLE_EXHAUSTED;
          break;
        }
        if (found == 0) {
          continue; // every proposed row was filtered out: the table offers its next rows
        }
        Scored best = score(found, previousExact);
        removed(best.row);
        long t1 = System.nanoTime();
        double kl = relaxed.valueIfAdded(listed, best.row);
        iterations++;
        StopContext context = new StopContext(
            kl, previousKl, selected.size(), poolSize, risesInRow, best.score, previousExact);
        SelectionListener.Outcome outcome;
        double exactKl = Double.NaN;
        boolean fires = criterion.fires(context);
        if (fires && rejectedInRow < config.patience()) {
          rejectedInRow++;
          outcome = SelectionListener.Outcome.REJECTED;
        } else if (fires) {
          outcome = SelectionListener.Outcome.STOPPED;
        } else {
          relaxed.add(listed, best.row);
          exact.add(listed, best.row);
          gains.added(coverage());
          exactKl = exact.value();
          previousExact = exactKl;
          if (config.trackExactKl()) {
            exactTrace.add(exactKl);
          }
          rejectedInRow = 0;
          risesInRow = context.rises() ? risesInRow + 1 : 0;
          previousKl = kl;
          accept();
          selected.add(table.listedId(best.row));
          klTrace.add(kl);
          outcome = SelectionListener.Outcome.ACCEPTED;
        }
        long t2 = System.nanoTime();
        searchNanos += t1 - t0;
        updateNanos += t2 - t1;
        listener.iteration(new SelectionListener.Iteration(
            iterations, (int) Math.min(Integer.MAX_VALUE, table.listedId(best.row)), outcome, kl, exactKl,
            selected.size(), t2 - t0));
        if (outcome == SelectionListener.Outcome.STOPPED) {
          stopReason = criterion.name();
          break;
        }
      }
      Selection result = new Selection(
          selected.stream().mapToLong(Long::longValue).toArray(),
          klTrace.stream().mapToDouble(Double::doubleValue).toArray(),
          exactTrace.stream().mapToDouble(Double::doubleValue).toArray(),
          initialKl, initialExact, stopReason, new long[0], iterations, 0, Double.NaN,
          new Selection.Timings(System.nanoTime() - start, setup, 0, searchNanos, updateNanos));
      listener.finished(result);
      return result;
    }

    /**
     * The candidates: the available listed rows with the largest gains, with the retrieval rows
     * (nearest available row of the worst-covered target rows) in front. Returns how many are in
     * {@link #shortlist}, −1 when the table has no row left.
     */
    int propose() {
      int gained = gains.top(config.candidates(), shortlist);
      retrieved = 0;
      if (gained == 0) {
        return -1;
      }
      if (config.retrievalCandidates() > 0) {
        retrieved = gains.nearestOfWorst(config.retrievalCandidates(), logRho, retrieval, 0);
        gained = GioSelector.prepend(retrieval, retrieved, shortlist, gained);
      }
      return gained;
    }

    /**
     * The density filter: drops proposed rows where the pool is denser than the target. First the
     * proposed rows not seen before are {@linkplain CandidateProfiles profiled} (their distances to
     * X and to the density sample, on the run's threads), which scoring reuses.
     */
    int filter(int found) {
      if (found <= 0) {
        return found;
      }
      profiles.prepare(shortlist, found); // the new rows' distances, once, in parallel
      if (density.active()) {
        profiles.prepareDensityThreshold();
      }
      if (!density.filters()) {
        return found;
      }
      int kept = 0;
      int keptRetrieved = 0;
      for (int j = 0; j < found; j++) {
        if (density.passes(shortlist[j])) {
          shortlist[kept++] = shortlist[j];
          keptRetrieved += j < retrieved ? 1 : 0;
        } else {
          removed(shortlist[j]);
        }
      }
      retrieved = keptRetrieved;
      return kept;
    }

    /**
     * Exact scoring: each candidate's change of the gain's objective plus its penalties; the best
     * is taken (ties: the earlier, higher-gain row), a retrieval row that lowers the objective
     * first. While the estimator is undefined (fewer than k − 1 rows) the first gain row is taken.
     */
    Scored score(int found, double previousExact) {
      boolean defined = exact.size() + 1 >= config.k();
      int row = shortlist[retrieved < found ? retrieved : 0];
      if (!defined) {
        return new Scored(row, Double.NaN);
      }
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < found; j++) {
        double s = profiles.change(shortlist[j]) + penalty(shortlist[j]);
        if (s < best) {
          best = s;
          row = shortlist[j];
        }
        if (j < retrieved && s < 0) {
          best = s;
          row = shortlist[j];
          break;
        }
      }
      double candidateExact = exact.valueIfAdded(listed, row);
      return new Scored(row, Double.isNaN(previousExact) ? candidateExact : previousExact + best);
    }

    double penalty(int row) {
      return profiles.outlierPenalty(row) + density.penalty(row);
    }
  }

  /** The chosen candidate (a listed row) and the penalised estimator the stop rule compares. */
  private record Scored(int row, double score) {}

  public String describe() {
    return "ops=" + ops.name() + ", table";
  }
}
