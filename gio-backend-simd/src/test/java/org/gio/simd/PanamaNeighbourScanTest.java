package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import java.util.stream.IntStream;
import org.gio.core.GioInputException;
import org.gio.core.backend.GioModule;
import org.gio.core.table.BlockedNeighbourTableBuilder;
import org.gio.core.table.NeighbourTableBuilder;
import org.gio.core.table.NeighbourTables;
import org.gio.core.testing.NeighbourTableContract;
import org.gio.core.table.PartialTable;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused Vector API scan gives the exact table: equal to brute force (the contract) and to
 * core's blocked scan. The surefire run with {@code -Dgio.simd.vectorsize=128} repeats these at 4 float lanes.
 */
class PanamaNeighbourScanTest extends NeighbourTableContract {
  private static final NeighbourTableBuilder FUSED = new PanamaNeighbourTableBuilder();

  @Override
  protected NeighbourTableBuilder builder() {
    return FUSED;
  }

  @Test
  void narrowWidthIsInForceWhenAsked() {
    String bits = System.getProperty(FloatLanes.PROPERTY);
    if (bits != null) {
      assertEquals(Integer.parseInt(bits), FloatLanes.SPECIES.vectorBitSize());
      assertTrue(FUSED.name().endsWith("-" + bits), FUSED.name());
    }
    assertEquals(FloatLanes.SPECIES.length() * 3, PanamaNearestCentroids.W);
  }

  @Test
  void equalsCoreBlockedScanOnClusters() {
    // Clusters: most pairs are screened out, the near ones tie closely; several panels, one padded.
    int d = 33;
    VectorSet centres = offsetRows(8, d, 1, 0, 4);
    VectorSet noise = offsetRows(6000, d, 2, 0, 0.05);
    float[] x = noise.data().clone();
    for (int r = 0; r < 6000; r++) {
      for (int j = 0; j < d; j++) {
        x[r * d + j] += centres.get(r % 8, j);
      }
    }
    VectorSet pool = VectorSet.wrap(x, 6000, d);
    VectorSet target = pool.select(IntStream.range(0, 70).map(i -> i * 37).toArray());
    PartialTable fused = NeighbourTables.scan(FUSED, VectorSource.of(pool), target, 40, 2);
    PartialTable blocked = NeighbourTables.scan(
        new BlockedNeighbourTableBuilder(SimdKernels.withThreads(1)), VectorSource.of(pool), target, 40, 1);
    for (int t = 0; t < target.size(); t++) {
      assertArrayEquals(blocked.ids(t), fused.ids(t), "target row " + t);
      assertArrayEquals(blocked.distances(t), fused.distances(t), "target row " + t);
    }
    assertBruteForce(fused, pool, target, 40);
  }

  @ParameterizedTest
  @CsvSource({"9", "2"}) // the panel path and the narrow one
  void rowsTooLargeForFloatSquaresFailAsInCore(int d) {
    VectorSet pool = offsetRows(500, d, 8, 0, 1);
    float[] x = pool.data().clone();
    for (int j = 0; j < d; j++) {
      x[317 * d + j] = 3e19f;
    }
    VectorSet bad = VectorSet.wrap(x, 500, d);
    VectorSet target = offsetRows(6, d, 9, 0, 1);
    GioInputException fused = assertThrows(GioInputException.class,
        () -> NeighbourTables.scan(FUSED, VectorSource.of(bad), target, 12, 1));
    GioInputException core = assertThrows(GioInputException.class,
        () -> NeighbourTables.scan(new BlockedNeighbourTableBuilder(SimdKernels.withThreads(1)),
            VectorSource.of(bad), target, 12, 1));
    assertEquals(core.getMessage(), fused.getMessage());
    assertTrue(fused.getMessage().startsWith("row 317 is too large"), fused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"4", "12"}) // the narrow path and the panel one
  void nonFiniteRowsAreNamed(int d) {
    VectorSet pool = offsetRows(5000, d, 1, 0, 1);
    float[] x = pool.data().clone();
    x[4321 * d + 2] = Float.NaN;
    VectorSet bad = VectorSet.wrap(x, 5000, d);
    VectorSet target = offsetRows(5, d, 2, 0, 1);
    GioInputException e = assertThrows(GioInputException.class,
        () -> NeighbourTables.scan(FUSED, VectorSource.of(bad), target, 8, 2));
    assertTrue(e.getMessage().startsWith("row 4321, column 2 is NaN"), e.getMessage());
    float[] y = target.data().clone();
    y[3 * d] = Float.POSITIVE_INFINITY;
    GioInputException t = assertThrows(GioInputException.class,
        () -> FUSED.start(VectorSet.wrap(y, 5, d), 8));
    assertTrue(t.getMessage().startsWith("target row 3, column 0 is Infinity"), t.getMessage());
  }

  @Test
  void theSimdModuleBindsTheFusedBuilder() {
    NeighbourTableBuilder bound = Guice.createInjector(Modules.override(new GioModule()).with(new SimdModule()))
        .getInstance(NeighbourTableBuilder.class);
    assertTrue(bound instanceof PanamaNeighbourTableBuilder, bound.name());
  }
}
