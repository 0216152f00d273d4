/**
 * Approximate pool search on an HNSW graph built by Apache Lucene and searched by our own loop over
 * a flat, locality-ordered copy of it (backend {@code hnsw}): {@link
 * org.gio.ann.HnswCandidateIndex} for the nearest available pool row with removal and refill,
 * {@link org.gio.ann.HnswKthNeighbourSearch} for ρ_k on large targets, both tuned by {@link
 * org.gio.ann.HnswOptions} and wired by {@link org.gio.ann.HnswModule}.
 */
package org.gio.ann;
