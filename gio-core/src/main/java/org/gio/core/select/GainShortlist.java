package org.gio.core.select;

import java.util.Arrays;
import org.gio.core.objective.ClippedDistance;
import org.gio.core.objective.Coverage;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;

/**
 * Candidate generation for {@link Shortlist#GAIN}: the pool rows whose addition would lower the
 * k-NN estimator the most, found from a table of each target row's nearest pool rows instead of
 * from an optimised point.
 *
 * <p>Why: KL_exact depends on W only through each target row's k-th neighbour distance ν_k(i)
 * (ALGORITHM.md §1), so a pool row g helps exactly the target rows it is closer to than their
 * current ν_k(i), and its exact decrease is a sum over those rows:
 *
 * <pre>
 *   KL_exact(W) − KL_exact(W ∪ {g}) = (d/n) · gain(g) − log((m + 1)/m)
 *   gain(g) = Σ_{i : δ(x_i, g) &lt; ν_k(i)} [ log ν_k(i) − log max(δ(x_i, g), ν_{k−1}(i)) ]
 * </pre>
 *
 * Greedy on that alone is myopic: one row near x_i only moves ν_k(i) down to ν_{k−1}(i), so a
 * target row that needs several new neighbours shows almost no gain for the first. With {@code
 * from} &lt; k the table counts the same estimator averaged over the orders j = from..k,
 *
 * <pre>
 *   A(W)    = (d/n) · Σ_i mean_j log ν_j(i) + log(m/(n − 1))       (+ a constant)
 *   gain(g) = Σ_i mean_j [δ(x_i, g) &lt; ν_j(i)] · (log ν_j(i) − log max(δ(x_i, g), ν_{j−1}(i)))
 * </pre>
 *
 * (ν_0 = 0), where a close row is credited at every order it improves; each order is the
 * consistent Wang–Kulkarni–Verdú estimator, so their mean is one too. {@link #change} gives
 * A(W ∪ {g}) − A(W) over all target rows; the selector ranks the shortlist and runs the exact stop
 * on it (with from = k it is exactly KL_exact's change).
 *
 * <p>The table holds, for every target row, its L nearest pool rows and their distances (a {@link
 * NeighbourTable}, built in one pass over the pool), and the inverse lists (pool row → the target rows that list it). gain(g) is kept
 * for every listed pool row and updated incrementally: adding a row changes ν only for the target
 * rows it is close to, and only the L entries of those rows change. Picking the shortlist is a scan
 * of the listed rows. The kept gain is exact for every target row whose ν_k(i) is at most its L-th
 * listed distance (no unlisted row can then be closer) and a lower bound otherwise, which is why
 * the selector scores the shortlist with {@link #change} before taking a row.
 *
 * <p>While W has fewer than k rows the orders above m + 1 are undefined; the gain then counts the
 * orders up to m + 1, with ν_{m+1} = +∞ read as the largest listed distance R, so the first rows
 * are those that sit close to many target rows. Not thread-safe; one per selection run.
 */
final class GainShortlist {
  /** Listed pool rows per target row: enough for the depth retrieval reaches at useful sizes. */
  static int depth(int candidates, long poolSize) {
    return (int) Math.min(poolSize, Math.max(64, 4 * candidates));
  }

  private final VectorOps ops;
  private final VectorSet target;
  private final int n;
  private final int k;
  private final int depth;
  /** Target row i's listed rows (dense listed indices, ascending distance) at [i·L, (i+1)·L). */
  private final int[] listRow;
  /** log δ of those entries. */
  private final double[] listLog;
  private final int[] inverseStart;
  private final int[] inverseTarget;
  private final double[] inverseLog;
  /** Per listed row (its dense index): the gain, and whether it left the pool. */
  private final double[] gain;
  private final boolean[] taken;
  /** Per target row i: log ν_j(i), j = 1..k, capped at R, at [i·k, (i+1)·k). */
  private final double[] logNu;
  private final double[] fresh;
  private final double logCap;
  /** The lowest neighbour order the gain averages over (k: the exact estimator alone). */
  private final int from;
  private final double scale;
  private final double[] squared;
  /** Per target row: the first entry of its list that may still be available (retrieval). */
  private final int[] nextEntry;
  private int selected;

  /**
   * The gains of {@code table}'s listed rows (rows are named by their dense listed index, see
   * {@link NeighbourTable#listed()}), with W's current coverage (its size {@code selected}).
   */
  GainShortlist(
      VectorOps ops, NeighbourTable table, VectorSet target, int k, int from, Coverage w, int selected) {
    this.ops = ops;
    this.target = target;
    this.from = from;
    this.n = target.size();
    this.scale = (double) target.dim() / target.size();
    this.squared = new double[target.size()];
    this.k = k;
    this.depth = table.depth();
    this.selected = selected;
    int listed = table.listed().size();
    listRow = new int[n * depth];
    listLog = new double[n * depth];
    double cap = 0;
    int[] count = new int[listed];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < depth; e++) {
        int row = table.listedIndex(i, e);
        listRow[i * depth + e] = row;
        count[row]++;
        double delta = ClippedDistance.delta(table.squaredDistance(i, e));
        listLog[i * depth + e] = Math.log(delta);
        cap = Math.max(cap, delta);
      }
    }
    logCap = Math.log(cap) + 1e-9;
    inverseStart = new int[listed + 1];
    for (int s = 0; s < listed; s++) {
      inverseStart[s + 1] = inverseStart[s] + count[s];
    }
    inverseTarget = new int[listRow.length];
    inverseLog = new double[listRow.length];
    int[] fill = Arrays.copyOf(inverseStart, listed);
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < depth; e++) {
        int s = listRow[i * depth + e];
        inverseTarget[fill[s]] = i;
        inverseLog[fill[s]] = listLog[i * depth + e];
        fill[s]++;
      }
    }
    gain = new double[listed];
    taken = new boolean[listed];
    logNu = new double[n * k];
    fresh = new double[k];
    nextEntry = new int[n];
    recount(w);
  }

  /** The lowest order counted: {@code from}, or m + 1 while W is smaller. */
  private int low() {
    return Math.min(from, selected + 1);
  }

  /** The highest order counted: k, or m + 1 while W is smaller (higher ones are all R). */
  private int high() {
    return Math.min(k, selected + 1);
  }

  private void read(Coverage w, int i, double[] out) {
    // +∞ (fewer than j rows in W) counts as R, or as the largest finite ν if that is farther
    double last = logCap;
    for (int j = 1; j <= k; j++) {
      double nu = w.neighbourDistance(i, j);
      out[j - 1] = nu == Double.POSITIVE_INFINITY ? last : Math.log(nu);
      last = Math.max(last, out[j - 1]);
    }
  }

  /**
   * What a pool row at log-distance {@code logDelta} from target row i would remove from
   * mean_j log ν_j(i) over the counted orders: ν_j becomes max(δ, ν_{j−1}) where δ &lt; ν_j.
   */
  private double contribution(double logDelta, double[] nu, int base) {
    int lo = low();
    int hi = high();
    double sum = 0;
    for (int j = hi; j >= lo; j--) {
      double up = nu[base + j - 1];
      if (!(logDelta < up)) {
        break; // ν_j ascending in j: no lower order improves either
      }
      double below = j == 1 ? Double.NEGATIVE_INFINITY : nu[base + j - 2];
      sum += up - Math.max(logDelta, below);
    }
    return sum / (hi - lo + 1);
  }

  /** Recomputes every gain from scratch (when the counted orders change). */
  private void recount(Coverage w) {
    double[] row = new double[k];
    for (int i = 0; i < n; i++) {
      read(w, i, row);
      System.arraycopy(row, 0, logNu, i * k, k);
    }
    for (int s = 0; s < gain.length; s++) {
      double g = 0;
      for (int e = inverseStart[s]; e < inverseStart[s + 1]; e++) {
        g += contribution(inverseLog[e], logNu, inverseTarget[e] * k);
      }
      gain[s] = g;
    }
  }

  /**
   * The change of the counted objective A(W) = (d/n) · Σ_i mean_j log ν_j(i) + log(m/(n − 1))
   * (ALGORITHM.md §1 averaged over the orders {@code from}..k; with from = k it is KL_exact minus a
   * constant) if pool row {@code row} were added, over every target row (not only listing ones).
   * Negative means the row helps. Defined once W has at least k − 1 rows. O(n·d).
   */
  double change(VectorSet pool, int row) {
    ops.squaredDistances(pool.data(), pool.offset(row), target, squared);
    double g = 0;
    for (int i = 0; i < n; i++) {
      g += contribution(Math.log(ClippedDistance.delta(squared[i])), logNu, i * k);
    }
    return -scale * g + Math.log((double) (selected + 1) / selected);
  }

  /**
   * {@link #change} from a candidate's log-distances {@code logs[0..count)} to the target rows
   * {@code targets[0..count)} (ascending), precomputed by the caller: the same sum in the same
   * order, so the same bits, provided the target rows left out contribute nothing (see {@link
   * #prune}). Why: a candidate stays in the shortlist for many iterations and its distances to X do
   * not change, only ν does.
   */
  double change(int[] targets, double[] logs, int count) {
    double g = 0;
    for (int e = 0; e < count; e++) {
      g += contribution(logs[e], logNu, targets[e] * k);
    }
    return -scale * g + Math.log((double) (selected + 1) / selected);
  }

  /**
   * Drops the entries of {@code targets}/{@code logs} (a candidate's log-distances, ascending
   * target rows) that can never again count in {@link #change}, and returns how many are left
   * (kept in order at the front). Once W has k rows every ν_j(i) is finite and only falls as W
   * grows, and {@link #contribution} is exactly 0 when log δ ≥ log ν_k(i); so an entry that fails
   * that test now fails it for the rest of the run, and leaving it out adds +0.0 less to the sum,
   * which does not change it. While W is smaller nothing is dropped (ν_k is read as the cap).
   */
  int prune(int[] targets, double[] logs, int count) {
    if (selected < k) {
      return count;
    }
    int kept = 0;
    for (int e = 0; e < count; e++) {
      if (logs[e] < logNu[targets[e] * k + k - 1]) {
        targets[kept] = targets[e];
        logs[kept++] = logs[e];
      }
    }
    return kept;
  }

  /** The estimated gain of listed row {@code row}. */
  double gain(int row) {
    return gain[row];
  }

  /**
   * Writes the available listed rows with the largest gains, best first (ties: lower row), into
   * {@code out}; returns how many (0 when every listed row is taken).
   */
  int top(int count, int[] out) {
    double[] best = new double[count];
    int found = 0;
    for (int s = 0; s < gain.length; s++) {
      if (taken[s]) {
        continue;
      }
      double g = gain[s];
      if (found == count && !(g > best[found - 1])) {
        continue;
      }
      int p = found < count ? found++ : count - 1;
      while (p > 0 && g > best[p - 1]) {
        best[p] = best[p - 1];
        out[p] = out[p - 1];
        p--;
      }
      best[p] = g;
      out[p] = s;
    }
    return found;
  }

  /**
   * Retrieval candidates: for each of the {@code count} target rows worst covered by W (the largest
   * log ν_k(i) − log ρ_k(i), ν_k(i) read as the largest listed distance while W has fewer than k
   * rows; ties: lower row), its nearest available listed pool row, appended to {@code out} after
   * its first {@code filled} entries unless already there. Returns the new length. Why: the gain
   * favours rows that sit close to many target rows; a target row that no listed row serves well
   * still has near-copies in a dense pool, which nearest-neighbour retrieval would take and which
   * train a classifier well (the selector tries them before the gain's rows). O(n·count).
   *
   * @param logRho log ρ_k(i) for every target row (its own k-th neighbour distance)
   */
  int nearestOfWorst(int count, double[] logRho, int[] out, int filled) {
    int wanted = Math.min(count, n);
    int[] worst = new int[wanted];
    double[] gap = new double[wanted];
    int found = 0;
    for (int i = 0; i < n; i++) {
      double g = logNu[i * k + k - 1] - logRho[i];
      if (found == wanted && !(g > gap[found - 1])) {
        continue;
      }
      int p = found < wanted ? found++ : wanted - 1;
      while (p > 0 && g > gap[p - 1]) {
        gap[p] = gap[p - 1];
        worst[p] = worst[p - 1];
        p--;
      }
      gap[p] = g;
      worst[p] = i;
    }
    int length = filled;
    for (int w = 0; w < found; w++) {
      int row = nearestAvailable(worst[w]);
      if (row < 0) {
        continue;
      }
      boolean present = false;
      for (int j = 0; j < length && !present; j++) {
        present = out[j] == row;
      }
      if (!present) {
        out[length++] = row;
      }
    }
    return length;
  }

  /** Target row i's nearest listed pool row not yet taken, or −1 when its whole list is gone. */
  int nearestAvailable(int i) {
    while (nextEntry[i] < depth && taken[listRow[i * depth + nextEntry[i]]]) {
      nextEntry[i]++;
    }
    return nextEntry[i] < depth ? listRow[i * depth + nextEntry[i]] : -1;
  }

  /** The row left the pool (accepted or rejected): never propose it again. */
  void removed(int row) {
    taken[row] = true;
  }

  /** The pool was refilled (a reset): every row may be proposed again. */
  void refilled() {
    Arrays.fill(taken, false);
    Arrays.fill(nextEntry, 0);
  }

  /** W gained a row; {@code w} is its coverage after the addition. */
  void added(Coverage w) {
    int lo = low();
    int hi = high();
    selected++;
    if (low() != lo || high() != hi) {
      recount(w);
      return;
    }
    for (int i = 0; i < n; i++) {
      read(w, i, fresh);
      int base = i * k;
      boolean same = true;
      for (int j = 0; j < k && same; j++) {
        same = fresh[j] == logNu[base + j];
      }
      if (same) {
        continue;
      }
      for (int e = i * depth; e < (i + 1) * depth; e++) {
        double l = listLog[e];
        double before = contribution(l, logNu, base);
        gain[listRow[e]] += contribution(l, fresh, 0) - before;
      }
      System.arraycopy(fresh, 0, logNu, base, k);
    }
  }
}
