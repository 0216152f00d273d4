/**
 * The {@code simd} backend: Java Vector API kernels for GIO ({@link org.gio.simd.SimdKernels}
 * chooses them once per JVM, falling back to scalar without {@code --add-modules
 * jdk.incubator.vector}), wired by {@link org.gio.simd.SimdModule} and registered as {@link
 * org.gio.simd.SimdBackend}. The estimators' incremental states, the exact candidate scan and the
 * descent in gio-core run on these kernels; ρ_k may take an EJML Gram path ({@link
 * org.gio.simd.SimdKthNeighbourSearch}). The math is in ALGORITHM.md.
 */
package org.gio.simd;
