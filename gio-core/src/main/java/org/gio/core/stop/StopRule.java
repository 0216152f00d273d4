package org.gio.core.stop;

import org.gio.core.ReferenceNames;

/** The stop criteria by name, as ALGORITHM.md §4 spells them. */
public enum StopRule {
  INCREASE("increase"),
  MIN_DIFFERENCE("min_difference"),
  MIN_KL("min_kl"),
  DATA_SIZE("data_size"),
  SEQUENTIAL_INCREASE_TOLERANCE("sequential_increase_tolerance"),
  MAX_RESETS("max_resets"),
  /** Not in the reference: stop when a candidate does not lower the exact estimator KL_exact. */
  EXACT_INCREASE("exact_increase");

  private final String referenceName;

  StopRule(String referenceName) {
    this.referenceName = referenceName;
  }

  /** The name used by the reference and in reports, e.g. {@code min_difference}. */
  public String referenceName() {
    return referenceName;
  }

  /** Accepts the reference spelling and kebab case ({@code min-difference}), any letter case. */
  public static StopRule parse(String name) {
    return ReferenceNames.parse(StopRule.class, StopRule::referenceName, name, "stop criterion");
  }

  public static String names() {
    return ReferenceNames.list(StopRule.class, StopRule::referenceName);
  }

  @Override
  public String toString() {
    return referenceName;
  }
}
