package org.gio.core.select;

import java.util.Locale;

/** The relaxation whose gradient moves the candidate point. */
public enum ObjectiveKind {
  /** The published relaxation, averaged over every neighbour order (AveragedKnnKl). */
  AVERAGED("averaged"),
  /** The W-aware soft-minimum relaxation (SoftMinKnnKl). */
  SOFTMIN("softmin");

  private final String referenceName;

  ObjectiveKind(String referenceName) {
    this.referenceName = referenceName;
  }

  public String referenceName() {
    return referenceName;
  }

  /** Accepts any letter case. */
  public static ObjectiveKind parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ObjectiveKind v : values()) {
      if (v.referenceName.equals(wanted)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown objective '" + name + "'; known: averaged, softmin");
  }

  @Override
  public String toString() {
    return referenceName;
  }
}
