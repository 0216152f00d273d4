package org.gio.io.internal;

/** Parses numbers as text formats spell them, including numpy's {@code nan}, {@code inf}. */
public final class Floats {
  private Floats() {}

  /** The value, or throws NumberFormatException. Accepts nan, inf, -inf, infinity in any case. */
  public static float parse(String text) {
    String s = text.trim();
    try {
      return Float.parseFloat(s);
    } catch (NumberFormatException e) {
      switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "nan":
        case "+nan":
        case "-nan":
          return Float.NaN;
        case "inf":
        case "+inf":
        case "infinity":
        case "+infinity":
          return Float.POSITIVE_INFINITY;
        case "-inf":
        case "-infinity":
          return Float.NEGATIVE_INFINITY;
        default:
          throw e;
      }
    }
  }

  /** True when {@link #parse} would accept {@code text}. */
  public static boolean isNumber(String text) {
    try {
      parse(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Grows a float buffer; embeddings readers do not know the row count up front. */
  public static final class Buffer {
    private float[] data = new float[1 << 12];
    private int size;

    public void add(float v) {
      if (size == data.length) {
        if (data.length >= Integer.MAX_VALUE - 16) {
          throw new org.gio.core.GioInputException(
              "more than 2^31 values do not fit one array; quantize or split the pool");
        }
        data = java.util.Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 16L, data.length * 2L));
      }
      data[size++] = v;
    }

    public int size() {
      return size;
    }

    public float[] toArray() {
      return data.length == size ? data : java.util.Arrays.copyOf(data, size);
    }
  }
}
