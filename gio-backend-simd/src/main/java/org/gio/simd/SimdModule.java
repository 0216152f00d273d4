package org.gio.simd;

import com.google.inject.AbstractModule;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.vectors.VectorOps;

/**
 * The Guice bindings of the {@code simd} backend: the kernels chosen by {@link SimdKernels} (Vector
 * API, or scalar when the JVM lacks {@value SimdKernels#FLAG}). Everything built on {@link
 * VectorOps} in core — both estimators' incremental states, the exact candidate scan, ρ_k — runs on
 * them — and the neighbour-table builder with the filter fused into the kernel ({@link
 * PanamaNeighbourTableBuilder}; core's blocked builder when the Vector API is missing).
 *
 * <p>It binds only the kernels: ρ_k stays core's exact search, which runs on these kernels and is
 * what {@link SimdKthNeighbourSearch} chooses for every measured shape (its EJML path lost, see
 * gio-bench/docs/simd.md). Leaving that binding alone lets an index backend such as {@code hnsw}
 * supply ρ_k for large targets when combined with {@code simd}.
 */
public final class SimdModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(VectorOps.class).toInstance(SimdKernels.get());
    NeighbourTableBuilder table = SimdKernels.neighbourTableBuilder();
    if (table != null) {
      bind(NeighbourTableBuilder.class).toInstance(table);
    }
  }
}
