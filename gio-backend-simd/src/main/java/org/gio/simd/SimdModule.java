package org.gio.simd;

import com.google.inject.AbstractModule;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.vectors.VectorOps;

/**
 * The Guice bindings of the {@code simd} backend: the kernels chosen by {@link SimdKernels} (Vector
 * API, or scalar when the JVM lacks {@value SimdKernels#FLAG}). Everything built on {@link
 * VectorOps} in core — both estimators' incremental states, the exact candidate scan, ρ_k — runs on
 * them.
 */
public final class SimdModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(VectorOps.class).toInstance(SimdKernels.get());
    bind(KthNeighbourSearch.class).to(SimdKthNeighbourSearch.class);
  }
}
