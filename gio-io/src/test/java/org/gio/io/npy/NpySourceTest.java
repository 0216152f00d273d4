package org.gio.io.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming .npy source: read-ahead chunks, positioned gathers, finite checks during the pass. */
class NpySourceTest {
  @TempDir Path dir;

  static VectorSet random(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return VectorSet.wrap(x, n, d);
  }

  private Path write(VectorSet v, boolean float64) throws IOException {
    Path file = dir.resolve(float64 ? "f8.npy" : "f4.npy");
    try (OutputStream out = Files.newOutputStream(file)) {
      NpyWriter.writeHeader(out, float64 ? "<f8" : "<f4", v.size() + ", " + v.dim());
      ByteBuffer b = ByteBuffer.allocate(v.data().length * (float64 ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
      for (float x : v.data()) {
        if (float64) {
          b.putDouble(x);
        } else {
          b.putFloat(x);
        }
      }
      out.write(b.array());
    }
    return file;
  }

  @ParameterizedTest(name = "rows={0} chunk={1} float64={2}")
  @CsvSource({"1000, 64, false", "1000, 333, true", "7, 100, false", "513, 1, false", "4096, 4096, true"})
  void chunksHoldTheFileInOrder(int rows, int chunk, boolean float64) throws IOException {
    VectorSet v = random(rows, 5, rows);
    try (NpySource source = NpySource.openFinite(write(v, float64))) {
      float[] seen = new float[rows * 5];
      long[] next = {0};
      source.forEachChunk(chunk, (first, c) -> {
        assertEquals(next[0], first);
        assertTrue(c.size() <= chunk);
        System.arraycopy(c.data(), 0, seen, (int) first * 5, c.data().length);
        next[0] += c.size();
      });
      assertEquals(rows, next[0]);
      assertArrayEquals(v.data(), seen);
    }
  }

  @Test
  void gatherReadsJustTheRowsAskedFor() throws IOException {
    VectorSet v = random(5000, 7, 3);
    long[] rows = {0, 1, 2, 3, 900, 901, 2500, 4998, 4999};
    try (NpySource source = NpySource.open(write(v, false))) {
      VectorSet got = source.gather(rows);
      assertEquals(rows.length, got.size());
      for (int i = 0; i < rows.length; i++) {
        assertArrayEquals(v.row((int) rows[i]), got.row(i));
      }
      assertEquals(0, source.gather(new long[0]).size());
      assertThrows(IllegalArgumentException.class, () -> source.gather(new long[] {5000}));
      assertThrows(IllegalArgumentException.class, () -> source.gather(new long[] {3, 2}));
    }
  }

  @Test
  void aNonFiniteValueStopsTheCheckedPassWithFileRowAndColumn() throws IOException {
    VectorSet v = random(3000, 4, 9);
    float[] x = v.data().clone();
    x[2777 * 4 + 2] = Float.NaN;
    Path file = write(VectorSet.wrap(x, 3000, 4), false);
    try (NpySource source = NpySource.openFinite(file)) {
      long[] seen = {0};
      GioInputException e = assertThrows(GioInputException.class,
          () -> source.forEachChunk(1000, (first, c) -> seen[0] += c.size()));
      assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("row 2777")
          && e.getMessage().contains("column 2") && e.getMessage().contains("NaN"), e.getMessage());
      assertEquals(2000, seen[0]); // the chunks before it were visited, not the bad one
    }
    try (NpySource lenient = NpySource.open(file)) { // gio info counts such values instead
      long[] nan = {0};
      lenient.forEachChunk(1000, (first, c) -> {
        for (float f : c.data()) {
          nan[0] += Float.isNaN(f) ? 1 : 0;
        }
      });
      assertEquals(1, nan[0]);
    }
  }

  @Test
  void aVisitorFailureStopsTheReaderAndLeavesTheSourceUsable() throws IOException {
    VectorSet v = random(10_000, 3, 4);
    try (NpySource source = NpySource.open(write(v, false))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> source.forEachChunk(100, (first, c) -> {
        if (first == 4000) {
          throw new IllegalStateException("stop at 4000");
        }
      }));
      assertEquals("stop at 4000", e.getMessage());
      long[] rows = {0};
      source.forEachChunk(100, (first, c) -> rows[0] += c.size());
      assertEquals(10_000, rows[0]);
      assertArrayEquals(v.row(9999), source.gather(new long[] {9999}).row(0));
    }
  }
}
