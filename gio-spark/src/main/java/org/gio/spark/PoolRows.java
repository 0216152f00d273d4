package org.gio.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.gio.core.GioInputException;

/**
 * Reads a partition of the prepared pool (column 0 the vector as {@code array<float>}; then either
 * the user's id as a long, or the row's file path and split start) as (id, vector) pairs, copying
 * each vector straight out of Spark's binary row (no boxed floats). Added ids are the row's global
 * index in the order (file path, position in the file): a split's rows arrive in one task, in
 * file order, so its first row's index, from {@code offsets}, and a counter name every row.
 */
final class PoolRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String column;
  private final int dim;
  /** (file path + '\n' + split start) → global index of the split's first row; null for user ids. */
  private final Map<String, Long> offsets;

  PoolRows(String what, String column, int dim, Map<String, Long> offsets) {
    this.what = what;
    this.column = column;
    this.dim = dim;
    this.offsets = offsets;
  }

  /** Receives one row; {@code vector} is only valid during the call. */
  interface Visitor {
    void accept(long id, ArrayData vector);
  }

  int dim() {
    return dim;
  }

  /** "pool" or "target", the prefix of every message. */
  String what() {
    return what;
  }

  /** The key of a split in {@link #offsets}. */
  static String splitKey(String path, long start) {
    return path + "\n" + start;
  }

  /**
   * Visits every row; returns, for added ids, the rows seen of each split (key → count), which
   * the driver checks against the split counts: a pool reshuffled after reading would otherwise
   * number its rows wrongly without a word.
   */
  Map<String, Long> forEach(Iterator<InternalRow> rows, Visitor visitor) {
    Map<String, Long> seen = offsets == null ? null : new java.util.HashMap<>();
    String key = null;
    UTF8String path = null;
    long start = -1;
    long next = 0;
    while (rows.hasNext()) {
      InternalRow row = rows.next();
      long id;
      if (offsets == null) {
        if (row.isNullAt(1)) {
          throw new GioInputException(what + ": a row has no id; every row needs a unique id");
        }
        id = row.getLong(1);
      } else {
        UTF8String p = row.getUTF8String(1);
        long s = row.getLong(2);
        if (path == null || s != start || !p.equals(path)) {
          if (key != null) {
            seen.put(key, next - offsets.get(key));
          }
          path = p.clone();
          start = s;
          key = splitKey(p.toString(), s);
          if (seen.containsKey(key)) {
            throw shuffled();
          }
          Long first = offsets.get(key);
          if (first == null) {
            throw new IllegalStateException(
                what + ": the split at byte " + s + " of " + p + " was not counted; did the files change during the run?");
          }
          next = first;
        }
        id = next++;
      }
      visitor.accept(id, check(row, id));
    }
    if (key != null) {
      seen.put(key, next - offsets.get(key));
    }
    return seen;
  }

  /** The error for a pool whose rows have {@code d} values where the target has {@code dim}. */
  static GioInputException otherDimension(String what, String column, int d, int dim) {
    return new GioInputException(what + ": rows have " + d + " values in column '" + column + "' but the target has " + dim
        + "; pool and target must have the same dimension");
  }

  /** Merges tasks' split counts; fails when a split was read by two tasks. */
  static Map<String, Long> mergeSplits(Map<String, Long> a, Map<String, Long> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    for (Map.Entry<String, Long> e : b.entrySet()) {
      if (a.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new GioInputException(shuffledMessage("pool"));
      }
    }
    return a;
  }

  /** Fails unless every split was read whole, by one task. */
  void requireWholeSplits(Map<String, Long> seen, long total) {
    long sum = 0;
    for (long c : seen.values()) {
      sum += c;
    }
    if (sum != total || seen.size() > offsets.size()) {
      throw shuffled();
    }
  }

  private GioInputException shuffled() {
    return new GioInputException(shuffledMessage(what));
  }

  private static String shuffledMessage(String what) {
    return what + ": its rows were reordered after reading (a repartition, join or sort), so they cannot be"
        + " numbered by file and position; name an id column (--id) or pass the rows as read";
  }

  private ArrayData check(InternalRow row, long id) {
    if (row.isNullAt(0)) {
      throw new GioInputException(
          what + ": row " + name(id) + " has no value in column '" + column + "'; every row needs a vector");
    }
    ArrayData vector = row.getArray(0);
    if (vector.numElements() != dim && offsets != null && id == 0) { // the first row: what requireRows says
      throw otherDimension(what, column, vector.numElements(), dim);
    }
    if (vector.numElements() != dim) {
      throw new GioInputException(
          what + ": row " + name(id) + " has " + vector.numElements() + " values in column '" + column
              + "' but the target has " + dim + "; every row needs the same number of values");
    }
    for (int j = 0; j < dim; j++) {
      if (vector.isNullAt(j)) {
        throw new GioInputException(
            what + ": row " + name(id) + ", value " + j + " of column '" + column + "' is null; remove or repair that row");
      }
    }
    return vector;
  }

  String name(long id) {
    return offsets == null ? "with id " + id : Long.toString(id);
  }
}
