package org.gio.ann;

import java.util.Arrays;

/**
 * A binary min-heap of (key, id) pairs on two parallel primitive arrays, ordered by key, then by
 * id, so equal keys come out in a fixed order. {@link FlatHnswSearcher} keeps its candidates in
 * one (key = distance, id = node) and its results in another as a max-heap (key = −distance, id =
 * −node: the root is the farthest result, the higher node on ties).
 */
final class NodeHeap {
  private float[] keys;
  private int[] ids;
  private int size;

  NodeHeap(int capacity) {
    keys = new float[capacity];
    ids = new int[capacity];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  float topKey() {
    return keys[0];
  }

  int topId() {
    return ids[0];
  }

  /** After {@link #sortDescending()}: the i-th pair in that order. */
  float key(int i) {
    return keys[i];
  }

  int id(int i) {
    return ids[i];
  }

  /** Whether (key, id) orders after the root, i.e. the root would leave before it. */
  boolean topBefore(float key, int id) {
    return before(keys[0], ids[0], key, id);
  }

  void push(float key, int id) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, 2 * size);
      keys = Arrays.copyOf(keys, 2 * size);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(key, id, keys[parent], ids[parent])) {
        break;
      }
      keys[i] = keys[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Removes the root and returns its id. */
  int pop() {
    int top = ids[0];
    int last = --size;
    if (last > 0) {
      siftDown(keys[last], ids[last], last);
    }
    return top;
  }

  /** Replaces the root by (key, id). */
  void replaceTop(float key, int id) {
    siftDown(key, id, size);
  }

  /** Heap-sorts in place: afterwards keys descend from index 0 (the root ends up last). */
  void sortDescending() {
    for (int end = size - 1; end > 0; end--) {
      float key = keys[end];
      int id = ids[end];
      keys[end] = keys[0];
      ids[end] = ids[0];
      siftDown(key, id, end);
    }
  }

  /** Places (key, id) from the root down within the first {@code length} slots. */
  private void siftDown(float key, int id, int length) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= length) {
        break;
      }
      if (child + 1 < length && before(keys[child + 1], ids[child + 1], keys[child], ids[child])) {
        child++;
      }
      if (!before(keys[child], ids[child], key, id)) {
        break;
      }
      keys[i] = keys[child];
      ids[i] = ids[child];
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
  }

  private static boolean before(float key, int id, float otherKey, int otherId) {
    return key < otherKey || (key == otherKey && id < otherId);
  }
}
