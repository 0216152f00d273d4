package org.gio.core.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * What the greedy loop needs to score a listed row that does not change as W grows, computed once
 * per row: its log-distances to the target rows (pruned to those that can still count, see {@link
 * GainShortlist#prune}), its outlier penalty and its density log ratio ({@link
 * DensityRatioPenalty#prepare}). One distance pass over X serves all three.
 *
 * <p>Why: a row stays among the shortlisted candidates for many iterations, and today's pass over
 * X per candidate and per term (two n·d passes each, 32 candidates, every iteration) was most of
 * the loop's time. Rows first proposed together are profiled in parallel on {@code threads}
 * threads, each with its own scratch; every profile is a pure function of its row, so the loop's
 * result does not depend on the thread count.
 *
 * <p>Memory: the pruned lists, 12 bytes per entry; past {@link #BUDGET} entries every list is
 * dropped and rebuilt on demand (the same values again). Not thread-safe itself; one per run, and
 * {@link #close} it.
 */
final class CandidateProfiles implements AutoCloseable {
  /** Entries (target row, log δ) kept over all rows before the lists are dropped: ~200 MB. */
  static final long BUDGET = 16L << 20;

  private final VectorOps ops;
  private final VectorSet listed;
  private final VectorSet target;
  private final GainShortlist gains;
  private final OutlierPenalty outliers;
  private final DensityRatioPenalty density;
  private final int threads;
  private final ForkJoinPool workers;
  private final Scratch[] scratch;
  /** Per listed row: its pruned target rows and log-distances (null: not profiled or dropped). */
  private final int[][] targets;
  private final double[][] logs;
  private final int[] counts;
  /** Per listed row: its outlier penalty (NaN: not yet computed). */
  private final double[] outlier;
  private long entries;
  private final long budget;
  private final int[] todo;

  CandidateProfiles(
      VectorOps ops, VectorSet listed, VectorSet target, GainShortlist gains, OutlierPenalty outliers,
      DensityRatioPenalty density, int threads, int maxProposed) {
    this(ops, listed, target, gains, outliers, density, threads, maxProposed, BUDGET);
  }

  /** With {@code budget} entries instead of {@link #BUDGET} (tests). */
  CandidateProfiles(
      VectorOps ops, VectorSet listed, VectorSet target, GainShortlist gains, OutlierPenalty outliers,
      DensityRatioPenalty density, int threads, int maxProposed, long budget) {
    this.budget = budget;
    this.ops = ops;
    this.listed = listed;
    this.target = target;
    this.gains = gains;
    this.outliers = outliers;
    this.density = density;
    this.threads = Math.max(1, threads);
    this.workers = this.threads > 1 ? new ForkJoinPool(this.threads) : null;
    this.scratch = new Scratch[this.threads];
    int rows = listed.size();
    targets = new int[rows][];
    logs = new double[rows][];
    counts = new int[rows];
    outlier = new double[rows];
    java.util.Arrays.fill(outlier, Double.NaN);
    todo = new int[Math.max(1, maxProposed)];
  }

  /** Per-thread scratch: distances to X and to the density sample. */
  private final class Scratch {
    final double[] squared = new double[target.size()];
    final double[] reference = density.active() ? new double[density.referenceSize()] : new double[0];
  }

  private Scratch scratch(int p) {
    if (scratch[p] == null) {
      scratch[p] = new Scratch();
    }
    return scratch[p];
  }

  /** Profiles the rows {@code rows[0..count)} that are not yet (in parallel when several are new). */
  void prepare(int[] rows, int count) {
    int missing = 0;
    for (int j = 0; j < count; j++) {
      if (targets[rows[j]] == null) {
        todo[missing++] = rows[j];
      }
    }
    int parts = Math.min(threads, missing);
    if (parts <= 1) {
      for (int j = 0; j < missing; j++) {
        profile(todo[j], scratch(0));
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      int total = missing;
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        Scratch s = scratch(p);
        tasks.add(() -> {
          for (int j; (j = next.getAndIncrement()) < total; ) {
            profile(todo[j], s);
          }
          return null;
        });
      }
      invokeAll(tasks);
    }
    for (int j = 0; j < missing; j++) {
      entries += counts[todo[j]];
    }
    if (entries > budget) {
      dropLists(rows, count);
    }
  }

  /** Computes row's profile; touches only row's slots and {@code s}, so rows run concurrently. */
  private void profile(int row, Scratch s) {
    ops.squaredDistances(listed.data(), listed.offset(row), target, s.squared);
    int n = s.squared.length;
    int[] t = new int[n];
    double[] l = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
      l[i] = Math.log(ClippedDistance.delta(s.squared[i]));
    }
    int kept = gains.prune(t, l, n); // reads ν only; the loop does not change it meanwhile
    targets[row] = kept == n ? t : java.util.Arrays.copyOf(t, kept);
    logs[row] = kept == n ? l : java.util.Arrays.copyOf(l, kept);
    counts[row] = kept;
    if (Double.isNaN(outlier[row])) {
      outlier[row] = outliers.penalty(s.squared);
    }
    if (density.active()) {
      density.prepare(row, s.squared, s.reference); // last: its k-th smallest may reorder squared
    }
  }

  /** Over the budget: keeps the lists of the rows just proposed, drops the others'. */
  private void dropLists(int[] keep, int count) {
    boolean[] kept = new boolean[targets.length];
    for (int j = 0; j < count; j++) {
      kept[keep[j]] = true;
    }
    entries = 0;
    for (int r = 0; r < targets.length; r++) {
      if (kept[r]) {
        entries += counts[r];
      } else {
        release(r);
      }
    }
  }

  /**
   * {@link GainShortlist#change} for a profiled row, from its list (pruned further as ν has
   * fallen since): the same value, bit for bit.
   */
  double change(int row) {
    int before = counts[row];
    int after = gains.prune(targets[row], logs[row], before);
    counts[row] = after;
    entries -= before - after;
    return gains.change(targets[row], logs[row], after);
  }

  /** Entries (target row, log δ) held over all profiled rows. */
  long entries() {
    return entries;
  }

  /** The profiled row's outlier penalty ({@link OutlierPenalty#penalty}). */
  double outlierPenalty(int row) {
    return outlier[row];
  }

  /** The row left the pool: its list is not needed again. */
  void release(int row) {
    if (targets[row] != null) {
      entries -= counts[row];
      targets[row] = null;
      logs[row] = null;
      counts[row] = 0;
    }
  }

  /**
   * The density term's ratios at the target's own rows (its quantile threshold), computed in
   * parallel over the target rows when the threshold needs them. The same values as its own
   * sequential computation.
   */
  void prepareDensityThreshold() {
    if (!density.needsTargetRatios()) {
      return;
    }
    double[] r = new double[target.size()];
    VectorSet reference = density.reference();
    int parts = Math.min(threads, (r.length + GROUP - 1) / GROUP);
    AtomicInteger next = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      tasks.add(() -> {
        double[][] squared = new double[GROUP][reference.size()];
        for (int g; (g = next.getAndAdd(GROUP)) < r.length; ) {
          int end = Math.min(r.length, g + GROUP);
          // a block of the sample stays in cache while the group's target rows pass over it
          for (int b = 0; b < reference.size(); b += BLOCK) {
            int to = Math.min(reference.size(), b + BLOCK);
            for (int i = g; i < end; i++) {
              ops.squaredDistances(target.data(), target.offset(i), reference, b, to, squared[i - g]);
            }
          }
          for (int i = g; i < end; i++) {
            r[i] = density.targetRatioFrom(i, squared[i - g]);
          }
        }
        return null;
      });
    }
    if (parts <= 1) {
      call(tasks.get(0));
    } else {
      invokeAll(tasks);
    }
    density.useTargetRatios(r);
  }

  /** Target rows that pass over one block of the density sample together. */
  private static final int GROUP = 16;
  /** Sample rows per block: 128 rows of 768 floats, 384 KB, within a core's L2. */
  private static final int BLOCK = 128;

  private void invokeAll(List<Callable<Void>> tasks) {
    try {
      for (Future<Void> f : workers.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring candidates", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void call(Callable<Void> task) {
    try {
      task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdown();
    }
  }
}
