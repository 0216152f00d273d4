package org.gio.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float species of the table kernels: the machine's preferred width, or a narrower one when
 * the system property {@value #PROPERTY} names a vector size in bits (128, 256, 512), as Lucene's
 * {@code tests.vectorsize} does, so a test run on an AVX2 or AVX-512 machine can exercise the
 * kernels at the width of a smaller one. Read once per JVM into a static final, which C2 needs to
 * compile the Vector API calls to instructions.
 */
final class FloatLanes {
  /** System property: the vector size in bits the table kernels use (at most the preferred). */
  static final String PROPERTY = "gio.simd.vectorsize";

  static final VectorSpecies<Float> SPECIES = choose(System.getProperty(PROPERTY));

  private FloatLanes() {}

  static VectorSpecies<Float> choose(String bits) {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (bits == null || bits.isBlank()) {
      return preferred;
    }
    int wanted = Integer.parseInt(bits.trim());
    if (wanted >= preferred.vectorBitSize()) {
      return preferred;
    }
    return FloatVector.SPECIES_128.vectorBitSize() >= wanted
        ? FloatVector.SPECIES_128
        : VectorSpecies.of(float.class, VectorShape.forBitSize(wanted));
  }
}
