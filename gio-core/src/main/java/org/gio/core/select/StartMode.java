package org.gio.core.select;

import java.util.Locale;

/**
 * The initial W when no initial set is given and {@code randomInitPct} is 0 (ALGORITHM.md §3,
 * step 1).
 */
public enum StartMode {
  /** The reference's uniform start: points drawn from [uniformLow, uniformHigh]^d (never reported). */
  UNIFORM("uniform"),
  /**
   * No initial points at all: W starts empty, the first candidates are accepted until the
   * estimators are defined (KL_exact from the k-th row on).
   */
  EMPTY("empty");

  private final String referenceName;

  StartMode(String referenceName) {
    this.referenceName = referenceName;
  }

  public String referenceName() {
    return referenceName;
  }

  /** Accepts any letter case. */
  public static StartMode parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (StartMode v : values()) {
      if (v.referenceName.equals(wanted)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown start '" + name + "'; known: uniform, empty");
  }

  @Override
  public String toString() {
    return referenceName;
  }
}
