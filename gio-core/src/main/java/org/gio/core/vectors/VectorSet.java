package org.gio.core.vectors;

import java.util.Arrays;
import org.gio.core.GioInputException;

/**
 * An immutable n × d matrix of float32 rows stored contiguously, row-major, so kernels can stream
 * over it. The backing array is exposed to kernels through {@link #data()} and must never be
 * written to.
 */
public final class VectorSet {
  private final float[] data;
  private final int size;
  private final int dim;
  /** ‖row‖², computed on first use; racing threads compute the same values. */
  private volatile double[] squaredNorms;

  private VectorSet(float[] data, int size, int dim) {
    this.data = data;
    this.size = size;
    this.dim = dim;
  }

  /**
   * Wraps a row-major array without copying. The caller hands the array over and must not modify
   * it afterwards.
   */
  public static VectorSet wrap(float[] data, int size, int dim) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dimension must be positive, was " + dim);
    }
    if (size < 0 || (long) size * dim != data.length) {
      throw new IllegalArgumentException(
          "array of length " + data.length + " is not " + size + " rows × " + dim + " columns");
    }
    return new VectorSet(data, size, dim);
  }

  /** Copies the given rows, which must all have the same length. */
  public static VectorSet of(float[]... rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows: use VectorSet.empty(dim) for an empty set");
    }
    int dim = rows[0].length;
    float[] data = new float[rows.length * dim];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != dim) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " values, row 0 has " + dim);
      }
      System.arraycopy(rows[r], 0, data, r * dim, dim);
    }
    return new VectorSet(data, rows.length, dim);
  }

  public static VectorSet empty(int dim) {
    return wrap(new float[0], 0, dim);
  }

  public int size() {
    return size;
  }

  public int dim() {
    return dim;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The shared row-major backing array: read it, never write it. */
  public float[] data() {
    return data;
  }

  /** Offset of row {@code row} in {@link #data()}. */
  public int offset(int row) {
    return row * dim;
  }

  public float get(int row, int column) {
    return data[row * dim + column];
  }

  /** A copy of one row. */
  public float[] row(int row) {
    java.util.Objects.checkIndex(row, size);
    return Arrays.copyOfRange(data, row * dim, (row + 1) * dim);
  }

  /** A new set holding the given rows, in the given order (repeats allowed). */
  public VectorSet select(int[] rows) {
    float[] out = new float[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      java.util.Objects.checkIndex(rows[i], size);
      System.arraycopy(data, rows[i] * dim, out, i * dim, dim);
    }
    return new VectorSet(out, rows.length, dim);
  }

  /** This set followed by the rows of {@code other}. */
  public VectorSet concat(VectorSet other) {
    if (other.dim != dim) {
      throw new IllegalArgumentException("dimension " + other.dim + " does not match " + dim);
    }
    float[] out = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, out, data.length, other.data.length);
    return new VectorSet(out, size + other.size, dim);
  }

  /**
   * ‖row‖² of every row, accumulated in double and computed once (the set is immutable), for
   * kernels that use the expansion ‖a − b‖² = ‖a‖² + ‖b‖² − 2a·b. Do not modify the array.
   */
  public double[] squaredNorms() {
    double[] norms = squaredNorms;
    if (norms == null) {
      norms = new double[size];
      for (int r = 0; r < size; r++) {
        int o = r * dim;
        double s = 0;
        for (int c = 0; c < dim; c++) {
          double x = data[o + c];
          s += x * x;
        }
        norms[r] = s;
      }
      squaredNorms = norms;
    }
    return norms;
  }

  /** Column means, accumulated in double. */
  public double[] mean() {
    double[] mean = new double[dim];
    for (int r = 0; r < size; r++) {
      int o = r * dim;
      for (int c = 0; c < dim; c++) {
        mean[c] += data[o + c];
      }
    }
    for (int c = 0; c < dim; c++) {
      mean[c] /= size;
    }
    return mean;
  }

  /**
   * Fails with a {@link GioInputException} naming {@code what} and the first NaN or infinite value.
   */
  public VectorSet requireFinite(String what) {
    for (int i = 0; i < data.length; i++) {
      if (!Float.isFinite(data[i])) {
        throw new GioInputException(
            what + ": row " + (i / dim) + ", column " + (i % dim) + " is " + data[i]
                + "; remove or repair non-finite values before selecting");
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return "VectorSet[" + size + " × " + dim + "]";
  }
}
