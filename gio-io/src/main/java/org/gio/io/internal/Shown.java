package org.gio.io.internal;

/**
 * Text from a file or an option, made fit for a one-line error message: control characters
 * written as escapes ({@code \n}, {@code \t}, {@code \x07}) and long text cut with "...". A header
 * cell or a quoted CSV field may hold a newline, which would otherwise split the message.
 */
public final class Shown {
  private Shown() {}

  /** At most {@code max} characters of {@code s}, escaped. */
  public static String text(String s, int max) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    StringBuilder b = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
