package org.gio.core.select;

import java.util.Locale;

/**
 * Where the c candidates that the exact estimator re-ranks come from (not in the reference, which
 * takes the single pool row nearest the optimised point).
 */
public enum Shortlist {
  /** The c available pool rows nearest the optimised point v (the reference's search, widened). */
  NEAREST("nearest"),
  /**
   * The c available pool rows with the largest estimated exact-KL decrease, from a table of each
   * target row's nearest pool rows (no descent; see {@code GainShortlist} and ALGORITHM.md §1).
   */
  GAIN("gain");

  private final String referenceName;

  Shortlist(String referenceName) {
    this.referenceName = referenceName;
  }

  public String referenceName() {
    return referenceName;
  }

  /** Accepts any letter case. */
  public static Shortlist parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Shortlist v : values()) {
      if (v.referenceName.equals(wanted)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown shortlist '" + name + "'; known: nearest, gain");
  }

  @Override
  public String toString() {
    return referenceName;
  }
}
