package org.gio.core.quantize;

import java.util.Locale;
import org.gio.core.GioInputException;

/** How the first centroids are chosen. */
public enum KMeansInit {
  /** Arthur &amp; Vassilvitskii's D² sampling: one centroid per pass over the rows. */
  KMEANS_PLUS_PLUS("k-means++"),
  /**
   * Bahmani et al.'s scalable k-means++ (k-means||, as Spark MLlib uses): a few passes that each
   * oversample about 2K candidates, then weighted k-means++ over the candidates. Fewer passes over
   * the rows than k-means++ when K is large.
   */
  KMEANS_PARALLEL("k-means||");

  private final String label;

  KMeansInit(String label) {
    this.label = label;
  }

  /** The spelling used on the command line and in metadata. */
  public String label() {
    return label;
  }

  /** Parses {@code k-means++} or {@code k-means||} (also {@code kmeans++}, {@code kmeans||}). */
  public static KMeansInit parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("kmeans", "k-means");
    for (KMeansInit i : values()) {
      if (i.label.equals(t)) {
        return i;
      }
    }
    throw new GioInputException(
        "unknown K-means initialisation '" + text + "'; use k-means++ or k-means||");
  }

  @Override
  public String toString() {
    return label;
  }
}
