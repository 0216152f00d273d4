package org.gio.io.vecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.Embeddings;
import org.gio.io.ReadOptions;
import org.gio.io.ReadProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The streaming vecs source: read-ahead chunks, positioned gathers, record checks during the pass. */
class VecsSourceTest {
  @TempDir Path dir;

  /** Rows around a few centres, integral so that every kind holds them exactly (bvecs: 0..255). */
  static VectorSet clustered(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] centres = new float[6][d];
    for (float[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = 40 + r.nextInt(170);
      }
    }
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      float[] c = centres[r.nextInt(centres.length)];
      for (int j = 0; j < d; j++) {
        x[i * d + j] = c[j] + r.nextInt(-30, 31);
      }
    }
    return VectorSet.wrap(x, n, d);
  }

  /** {@code v} as a vecs file of {@code kind}; record {@code badRow} gets dimension field {@code badDim}. */
  private Path write(VectorSet v, VecsReader.Kind kind, int badRow, int badDim) throws IOException {
    int d = v.dim();
    ByteBuffer b = ByteBuffer.allocate(v.size() * (4 + d * kind.bytes)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < v.size(); i++) {
      b.putInt(i == badRow ? badDim : d);
      for (int j = 0; j < d; j++) {
        float x = v.get(i, j);
        switch (kind) {
          case FVECS -> b.putFloat(x);
          case BVECS -> b.put((byte) x);
          default -> b.putInt((int) x);
        }
      }
    }
    Path file = dir.resolve("p." + kind.name().toLowerCase(java.util.Locale.ROOT));
    Files.write(file, b.array());
    return file;
  }

  private Path write(VectorSet v, VecsReader.Kind kind) throws IOException {
    return write(v, kind, -1, 0);
  }

  @ParameterizedTest(name = "{0} rows={1} chunk={2}")
  @CsvSource({"FVECS, 1000, 64", "BVECS, 1000, 333", "IVECS, 7, 100", "FVECS, 513, 1", "BVECS, 4096, 4096"})
  void chunksHoldTheFileInOrderAsTheLoadedReadDoes(VecsReader.Kind kind, int rows, int chunk) throws IOException {
    VectorSet v = clustered(rows, 5, rows);
    Path file = write(v, kind);
    try (VecsSource source = VecsSource.openFinite(file, kind)) {
      assertEquals(rows, source.rows());
      assertEquals(5, source.dim());
      assertEquals(kind.dtype(), source.dtype());
      float[] seen = new float[rows * 5];
      long[] next = {0};
      source.forEachChunk(chunk, (first, c) -> {
        assertEquals(next[0], first);
        assertTrue(c.size() <= chunk);
        System.arraycopy(c.data(), 0, seen, (int) first * 5, c.size() * 5);
        next[0] += c.size();
      });
      assertEquals(rows, next[0]);
      assertArrayEquals(v.data(), seen);
    }
    assertArrayEquals(v.data(), VecsReader.read(file, kind, ReadProgress.NONE).data());
  }

  @ParameterizedTest
  @EnumSource(VecsReader.Kind.class)
  void gatherReadsJustTheRowsAskedFor(VecsReader.Kind kind) throws IOException {
    VectorSet v = clustered(5000, 7, 3);
    long[] rows = {0, 1, 2, 3, 900, 901, 2500, 4998, 4999};
    try (VecsSource source = VecsSource.open(write(v, kind), kind)) {
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
  void embeddingsStreamTheVecsFormats() throws IOException {
    VectorSet v = clustered(300, 4, 8);
    for (VecsReader.Kind kind : VecsReader.Kind.values()) {
      Path file = write(v, kind);
      try (VectorSource s = Embeddings.source(file, ReadOptions.defaults())) {
        assertTrue(s instanceof VecsSource, kind + " is streamed");
        assertEquals(kind.dtype(), Embeddings.dtype(s));
        assertArrayEquals(v.row(299), s.gather(new long[] {299}).row(0));
      }
      assertEquals(300, Embeddings.info(file, ReadOptions.defaults()).rows());
    }
  }

  /** The default selection's neighbour table and selection, streamed and loaded, are the same. */
  @ParameterizedTest
  @EnumSource(VecsReader.Kind.class)
  void streamedAndLoadedGiveTheSameTableAndSelection(VecsReader.Kind kind) throws IOException {
    VectorSet pool = clustered(3000, 9, 11);
    float[] near = java.util.Arrays.copyOf(pool.data(), 9 * 120);
    for (int i = 0; i < near.length; i++) {
      near[i] += 0.37f * (i % 3 - 1); // near pool rows, none on one
    }
    VectorSet target = VectorSet.wrap(near, 120, 9);
    Path file = write(pool, kind);
    ScalarVectorOps ops = new ScalarVectorOps();
    GioSelector selector = new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));
    GioConfig config = GioConfig.recommendedBuilder().densitySample(500).build();
    NeighbourTable streamed;
    try (VecsSource source = VecsSource.open(file, kind)) {
      streamed = selector.table(source, target, config, 2);
    }
    NeighbourTable loaded = selector.table(VectorSource.of(VecsReader.read(file, kind, ReadProgress.NONE)),
        target, config, 2);
    assertEquals(loaded.depth(), streamed.depth());
    for (int t = 0; t < target.size(); t++) {
      for (int j = 0; j < loaded.depth(); j++) {
        assertEquals(loaded.id(t, j), streamed.id(t, j));
        assertEquals(loaded.squaredDistance(t, j), streamed.squaredDistance(t, j));
      }
    }
    assertArrayEquals(loaded.listed().data(), streamed.listed().data());
    assertArrayEquals(loaded.sampleIds(), streamed.sampleIds());
    assertArrayEquals(loaded.sample().data(), streamed.sample().data());
    Selection a = selector.select(loaded, target, null, config, org.gio.core.select.SelectionListener.NONE);
    Selection b = selector.select(streamed, target, null, config, org.gio.core.select.SelectionListener.NONE);
    assertTrue(a.size() > 5, "a real selection: " + a);
    assertArrayEquals(a.selected(), b.selected());
    assertEquals(a.stopReason(), b.stopReason());
  }

  @ParameterizedTest
  @EnumSource(VecsReader.Kind.class)
  void aWrongRecordDimensionMidFileStopsThePassWithTheRow(VecsReader.Kind kind) throws IOException {
    VectorSet v = clustered(3000, 4, 9);
    Path file = write(v, kind, 2777, 5);
    // the file's length is still a whole number of 4-d records: found by the pass, not by open
    try (VecsSource source = VecsSource.open(file, kind)) {
      long[] seen = {0};
      GioInputException e = assertThrows(GioInputException.class,
          () -> source.forEachChunk(1000, (first, c) -> seen[0] += c.size()));
      assertEquals(file + ": vector 2777: has dimension 5 but row 0 has 4; every vector must have the same"
          + " length", e.getMessage());
      assertEquals(2000, seen[0]); // the chunks before it were visited, not the bad one
      assertThrows(GioInputException.class, () -> source.gather(new long[] {5, 2777}));
      assertArrayEquals(v.row(2778), source.gather(new long[] {2778}).row(0));
    }
  }

  @Test
  void aNonFiniteValueStopsTheCheckedPassWithFileRowAndColumn() throws IOException {
    VectorSet v = clustered(3000, 4, 9);
    float[] x = v.data().clone();
    x[2777 * 4 + 2] = Float.NaN;
    x[2900 * 4 + 1] = Float.POSITIVE_INFINITY;
    Path file = write(VectorSet.wrap(x, 3000, 4), VecsReader.Kind.FVECS);
    try (VecsSource source = VecsSource.openFinite(file, VecsReader.Kind.FVECS)) {
      long[] seen = {0};
      GioInputException e = assertThrows(GioInputException.class,
          () -> source.forEachChunk(1000, (first, c) -> seen[0] += c.size()));
      assertEquals(file + ": vector 2777: has NaN in column 2; remove or repair that row", e.getMessage());
      assertEquals(2000, seen[0]);
    }
    try (VecsSource lenient = VecsSource.open(file, VecsReader.Kind.FVECS)) { // gio info counts them
      long[] bad = {0};
      lenient.forEachChunk(1000, (first, c) -> {
        for (float f : c.data()) {
          bad[0] += Float.isFinite(f) ? 0 : 1;
        }
      });
      assertEquals(2, bad[0]);
    }
    var info = Embeddings.info(file, ReadOptions.defaults());
    assertEquals(1, info.nan());
    assertEquals(1, info.infinite());
  }

  @Test
  void aTruncatedLastRecordFailsAtOpenWithItsRow() throws IOException {
    Path file = write(clustered(100, 6, 2), VecsReader.Kind.FVECS);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    GioInputException e = assertThrows(GioInputException.class, () -> VecsSource.open(file, VecsReader.Kind.FVECS));
    assertTrue(e.getMessage().startsWith(file + ": vector 99: truncated or malformed"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aVisitorFailureStopsTheReaderAndLeavesTheSourceUsable() throws IOException {
    VectorSet v = clustered(10_000, 3, 4);
    try (VecsSource source = VecsSource.open(write(v, VecsReader.Kind.BVECS), VecsReader.Kind.BVECS)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> source.forEachChunk(100, (first, c) -> {
        if (first == 4000) {
          throw new IllegalStateException("stop at 4000");
        }
      }));
      assertEquals("stop at 4000", e.getMessage());
      long[] rows = {0};
      source.forEachChunk(100, (first, c) -> rows[0] += c.size());
      assertEquals(10_000, rows[0]);
    }
  }
}
