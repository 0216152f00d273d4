package org.gio.core.select;

import jakarta.inject.Inject;
import org.gio.core.GioInputException;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.search.CandidateIndexFactory;
import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTable;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;

/**
 * GIO selection, one entry for both selectors (DESIGN.md, "Core concepts"): the configuration's
 * {@link GioConfig#shortlist()} chooses the default greedy selection on a {@link NeighbourTable}
 * ({@link Shortlist#GAIN}, {@link GreedySelector}: the pool is read once, in chunks) or the
 * published loop of ALGORITHM.md §3 over a pool in memory ({@link Shortlist#NEAREST}, {@code
 * --faithful}). Reusable and thread-safe.
 */
public final class GioSelector {
  private final VectorOps ops;
  private final CandidateIndexFactory indexFactory;
  private final NeighbourTableBuilder tableBuilder;
  private final PublishedSelector published;
  private final GreedySelector greedy;

  @Inject
  public GioSelector(
      VectorOps ops,
      CandidateIndexFactory indexFactory,
      KthNeighbourSearch kthNeighbours,
      NeighbourTableBuilder tableBuilder) {
    this.ops = ops;
    this.indexFactory = indexFactory;
    this.tableBuilder = tableBuilder;
    this.published = new PublishedSelector(ops, indexFactory, kthNeighbours);
    this.greedy = new GreedySelector(ops, kthNeighbours);
  }

  /** Without Guice: the blocked table scan on {@code ops}. */
  public GioSelector(VectorOps ops, CandidateIndexFactory indexFactory, KthNeighbourSearch kthNeighbours) {
    this(ops, indexFactory, kthNeighbours, new BlockedNeighbourTableBuilder(ops));
  }

  /** Selects from {@code pool} for {@code target}, starting as the configuration says. */
  public Selection select(VectorSet pool, VectorSet target, GioConfig config) {
    return select(pool, target, null, config, SelectionListener.NONE);
  }

  /**
   * Selects from an in-memory {@code pool} for {@code target}.
   *
   * @param initial the initial set D, or null for the configured start (random pool rows or the
   *     uniform start)
   */
  public Selection select(
      VectorSet pool, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener) {
    if (config.shortlist() != Shortlist.GAIN) {
      return published.select(pool, target, initial, config, listener);
    }
    Inputs.check(pool, target, initial, config);
    return select(VectorSource.of(pool), target, initial, config, listener, 1);
  }

  /**
   * The default selection from a streamed pool: one pass builds the table (on {@code threads}
   * threads), then the greedy loop runs on it. The published loop needs the pool in memory.
   */
  public Selection select(
      VectorSource pool, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener,
      int threads) {
    if (config.shortlist() != Shortlist.GAIN) {
      throw new IllegalArgumentException("the published loop needs the pool in memory");
    }
    Inputs.check(pool.rows(), pool.dim(), target, initial, config);
    NeighbourTable table;
    try {
      table = table(pool, target, config, threads);
    } catch (GioInputException e) {
      throw new GioInputException("pool: " + e.getMessage(), e); // found during the pass
    }
    return greedy.select(table, target, initial, config, listener);
  }

  /** The neighbour table the default selection needs from {@code pool}. */
  public NeighbourTable table(VectorSource pool, VectorSet target, GioConfig config, int threads) {
    return NeighbourTables.build(tableBuilder, pool, target,
        GreedySelector.tableDepth(config, pool.rows()),
        GreedySelector.densitySample(config, pool.rows()), threads);
  }

  /** The default selection on a table already built (by {@link #table}, or by gio-spark). */
  public Selection select(
      NeighbourTable table, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener) {
    return greedy.select(table, target, initial, config, listener);
  }

  /**
   * The default selection on a table, continued from {@code from} (null: from the start), telling
   * {@code checkpoints} every iteration boundary; see {@link GreedySelector#resume}.
   */
  public Selection resume(
      NeighbourTable table, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener,
      GreedyProgress from, GreedySelector.Checkpoints checkpoints) {
    return greedy.resume(table, target, initial, config, listener, from, checkpoints);
  }

  /**
   * The published loop on an in-memory pool ({@link Shortlist#NEAREST}), continued from {@code
   * from} (null: from the start), telling {@code checkpoints} every iteration boundary; the result
   * is bit-identical to the uninterrupted run's ({@link PublishedProgress}).
   */
  public Selection resume(
      VectorSet pool, VectorSet target, VectorSet initial, GioConfig config, SelectionListener listener,
      PublishedProgress from, PublishedProgress.Checkpoints checkpoints) {
    if (config.shortlist() == Shortlist.GAIN) {
      throw new IllegalArgumentException("the default selection resumes on its neighbour table");
    }
    return published.resume(pool, target, initial, config, listener, from, checkpoints);
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

  /** The names of the kernels, the index and the table scan this selector uses, for reports. */
  public String describe() {
    return "ops=" + ops.name() + ", index=" + indexFactory.name() + ", table=" + tableBuilder.name();
  }

  public VectorOps ops() {
    return ops;
  }

  public CandidateIndexFactory indexFactory() {
    return indexFactory;
  }

  public NeighbourTableBuilder tableBuilder() {
    return tableBuilder;
  }
}
