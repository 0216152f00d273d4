package org.gio.core.select;

import org.gio.core.ReferenceNames;

/** Where each iteration's candidate point starts (ALGORITHM.md §3, steps 3 and 6e). */
public enum VInit {
  /** The target mean, every iteration. */
  MEAN("mean"),
  /** The target mean first, then wherever the previous descent ended. */
  PREV_OPT("prev_opt"),
  /** A uniformly random target row, every iteration. */
  JUMP("jump"),
  /**
   * Not in the reference: the target row least covered by the selection, i.e. with the largest
   * ν_k(i)/ρ_k(i) in the exact estimator (a random row while fewer than k rows are selected). A
   * row whose candidate was rejected is not chosen again.
   */
  WORST("worst");

  private final String referenceName;

  VInit(String referenceName) {
    this.referenceName = referenceName;
  }

  public String referenceName() {
    return referenceName;
  }

  /** Accepts the reference spelling and kebab case ({@code prev-opt}), any letter case. */
  public static VInit parse(String name) {
    return ReferenceNames.parse(VInit.class, VInit::referenceName, name, "v-init");
  }

  @Override
  public String toString() {
    return referenceName;
  }
}
