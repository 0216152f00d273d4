package org.gio.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parsing of option values spelled as the reference spells them ({@code prev_opt}), with kebab
 * case ({@code prev-opt}) and any letter case accepted.
 */
public final class ReferenceNames {
  private ReferenceNames() {}

  /**
   * The constant whose reference name matches {@code name}.
   *
   * @param what the option, for the error message (e.g. {@code "stop criterion"})
   */
  public static <E extends Enum<E>> E parse(
      Class<E> type, Function<E, String> referenceName, String name, String what) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (referenceName.apply(e).equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + name + "'; known: " + list(type, referenceName));
  }

  /** The reference names of all constants, comma-separated. */
  public static <E extends Enum<E>> String list(Class<E> type, Function<E, String> referenceName) {
    return Arrays.stream(type.getEnumConstants())
        .map(referenceName)
        .collect(Collectors.joining(", "));
  }
}
