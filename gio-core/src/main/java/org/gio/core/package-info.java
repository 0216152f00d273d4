/**
 * GIO core: the math model and the selection loop of Gradient Information Optimization.
 *
 * <p>What is computed is specified once, in {@code ALGORITHM.md} at the project root (a copy of
 * {@code shared/ALGORITHM.md}); classes point there rather than re-deriving formulas.
 *
 * <ul>
 *   <li>{@link org.gio.core.vectors} — row-major float32 storage and the kernel SPI.
 *   <li>{@link org.gio.core.objective} — the estimators and their incremental states.
 *   <li>{@link org.gio.core.optimize} — moving a candidate point downhill.
 *   <li>{@link org.gio.core.search} — the nearest available pool row.
 *   <li>{@link org.gio.core.stop} — stop criteria.
 *   <li>{@link org.gio.core.select} — configuration, the loop, its result.
 *   <li>{@link org.gio.core.backend} — Guice wiring and backend discovery.
 * </ul>
 */
package org.gio.core;
