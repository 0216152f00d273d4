/**
 * Approximate pool search on Apache Lucene's HNSW graph (backend {@code hnsw}): {@link
 * org.gio.ann.HnswCandidateIndex} for the nearest available pool row with removal and refill,
 * {@link org.gio.ann.HnswKthNeighbourSearch} for ρ_k on large targets, both tuned by {@link
 * org.gio.ann.HnswOptions} and wired by {@link org.gio.ann.HnswModule}.
 */
package org.gio.ann;
