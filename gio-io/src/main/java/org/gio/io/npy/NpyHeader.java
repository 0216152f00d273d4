package org.gio.io.npy;

import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed header of a .npy file (format versions 1.0 to 3.0): element type, byte order, and a
 * 2-D shape. See numpy's {@code numpy.lib.format} for the layout.
 */
record NpyHeader(char kind, int itemSize, ByteOrder order, boolean fortranOrder, long[] shape,
    int dataOffset) {

  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern DIMENSION = Pattern.compile("(\\d{1,19})L?"); // 3, or Python 2's 3L

  /** Parses the dictionary text; returns null where a field is missing. */
  static NpyHeader parse(String dict, int dataOffset) {
    Matcher d = DESCR.matcher(dict);
    Matcher f = FORTRAN.matcher(dict);
    Matcher s = SHAPE.matcher(dict);
    if (!d.find() || !f.find() || !s.find()) {
      return null;
    }
    String descr = d.group(1);
    if (descr.length() < 3) {
      return null;
    }
    ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    char kind = descr.charAt(1);
    int itemSize;
    try {
      itemSize = Integer.parseInt(descr.substring(2));
    } catch (NumberFormatException e) {
      return null;
    }
    String[] parts = s.group(1).split(",", -1);
    int dims = 0;
    long[] shape = new long[parts.length];
    for (String p : parts) {
      if (p.isBlank()) {
        continue;
      }
      Matcher n = DIMENSION.matcher(p.trim());
      if (!n.matches()) {
        return null; // not a non-negative integer: "-5", "sixty", "1e3"
      }
      try {
        shape[dims++] = Long.parseLong(n.group(1));
      } catch (NumberFormatException e) {
        return null; // beyond a long
      }
    }
    if (itemSize <= 0) {
      return null;
    }
    return new NpyHeader(kind, itemSize, order, "True".equals(f.group(1)),
        java.util.Arrays.copyOf(shape, dims), dataOffset);
  }

  /**
   * The bytes of values the shape promises, or -1 when that overflows a long (a header claiming
   * 10^12 × 10^12 values): callers compare it with the file's length before allocating anything.
   */
  long dataBytes() {
    try {
      long n = itemSize;
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
      return n;
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  String dtype() {
    return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
  }
}
