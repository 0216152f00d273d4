/**
 * Quantization and explosion (ALGORITHM.md §5): K-means centroids stand in for a large pool during
 * selection, and each chosen centroid is mapped back ("exploded") to the pool rows assigned to it,
 * by index.
 *
 * <p>Public API: {@link org.gio.core.quantize.KMeans} (fit), {@link
 * org.gio.core.quantize.KMeansResult}, {@link org.gio.core.quantize.Quantization} (centroids,
 * assignment, sizes), {@link org.gio.core.quantize.Explosion}, {@link
 * org.gio.core.vectors.VectorSource} and {@link org.gio.core.quantize.StreamingQuantizer} for pools
 * that do not fit in memory. The kernels and seeding are package-private.
 */
package org.gio.core.quantize;
