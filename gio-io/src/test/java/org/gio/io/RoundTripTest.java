package org.gio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.gio.io.npy.NpySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every writer reads back to the same floats; chosen records are copied in selection order. */
class RoundTripTest {
  @TempDir Path dir;

  static VectorSet random(int n, int d) {
    Random r = new Random(42);
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) r.nextGaussian() * (i % 7 == 0 ? 1e-7f : 1f) + (i % 11 == 0 ? 1e6f : 0f);
    }
    return VectorSet.wrap(data, n, d);
  }

  @ParameterizedTest
  @EnumSource(value = EmbeddingFormat.class, names = {"NPY", "FVECS", "CSV", "TSV", "JSONL", "PARQUET"})
  void vectorsRoundTrip(EmbeddingFormat format) throws IOException {
    VectorSet v = random(37, 5);
    Path file = dir.resolve("v." + format.id());
    Embeddings.write(file, v, null);
    EmbeddingTable back = Embeddings.read(file, ReadOptions.defaults());
    assertEquals(format, back.format());
    assertEquals(37, back.vectors().size());
    assertArrayEquals(v.data(), back.vectors().data(), 0f, format + " must be exact");
    assertEquals(List.of("v." + format.id()), listing(), "no temporary files left");
  }

  @Test
  void csvRecordsKeepTextAndHeader() throws IOException {
    Path src = dir.resolve("docs.csv");
    Files.writeString(src, "id,text,embedding\n"
        + "a,\"hello, \"\"world\"\"\",\"[1, 2]\"\n"
        + "b,plain,\"[3, 4]\"\n"
        + "c,\"multi\nline\",\"[5, 6]\"\n");
    EmbeddingTable t = Embeddings.read(src, ReadOptions.defaults());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.vectors().data());
    Path out = dir.resolve("chosen.csv");
    t.writeRows(out, new int[] {2, 0});
    assertEquals("id,text,embedding\n\"c\",\"multi\nline\",\"[5, 6]\"\na,\"hello, \"\"world\"\"\",\"[1, 2]\"\n"
        .replace("\"c\"", "c"), Files.readString(out));
    EmbeddingTable again = Embeddings.read(out, ReadOptions.defaults().withColumn("embedding"));
    assertArrayEquals(new float[] {5, 6, 1, 2}, again.vectors().data());
  }

  @Test
  void referenceTsvRecordsRoundTrip() throws IOException {
    EmbeddingTable t = Embeddings.read(Fixtures.path("reference.tsv"), ReadOptions.defaults());
    Path out = dir.resolve("chosen.tsv");
    t.writeRows(out, new int[] {4, 1, 4});
    List<String> lines = Files.readAllLines(out);
    List<String> original = Files.readAllLines(Fixtures.path("reference.tsv"));
    assertEquals(List.of(original.get(4), original.get(1), original.get(4)), lines);
  }

  @Test
  void jsonlRecordsPassThroughVerbatim() throws IOException {
    EmbeddingTable t = Embeddings.read(Fixtures.path("docs.jsonl"), ReadOptions.defaults());
    Path out = dir.resolve("chosen.jsonl");
    t.writeRows(out, new int[] {5, 0});
    List<String> original = Files.readAllLines(Fixtures.path("docs.jsonl"));
    assertEquals(List.of(original.get(5), original.get(0)), Files.readAllLines(out));
  }

  @Test
  void parquetRecordsKeepEveryColumnAndAddIndex() throws IOException {
    Path src = Fixtures.path("hf.parquet");
    EmbeddingTable t = Embeddings.read(src, ReadOptions.defaults().withColumn("embedding"));
    Path out = dir.resolve("chosen.parquet");
    t.writeRows(out, new int[] {3, 1});
    EmbeddingTable back = Embeddings.read(out, ReadOptions.defaults().withColumn("embedding"));
    assertArrayEquals(t.vectors().select(new int[] {3, 1}).data(), back.vectors().data());
    FileInfo info = Embeddings.info(out, ReadOptions.defaults().withColumn("embedding"));
    assertEquals(2, info.rows());
  }

  @Test
  void vectorOnlyFormatsWriteRowsAsVectors() throws IOException {
    EmbeddingTable t = Embeddings.read(Fixtures.path("small.fvecs"), ReadOptions.defaults());
    Path out = dir.resolve("rows.npy");
    t.writeRows(out, new int[] {2, 0});
    assertArrayEquals(t.vectors().select(new int[] {2, 0}).data(), Embeddings.read(out).data());
  }

  @Test
  void npySourceStreamsChunksWithOffsets() throws IOException {
    VectorSet v = random(1000, 3);
    Path file = dir.resolve("big.npy");
    Embeddings.write(file, v, null);
    try (NpySource source = NpySource.open(file)) {
      assertEquals(1000, source.rows());
      assertEquals(3, source.dim());
      float[] seen = new float[3000];
      int[] chunks = {0};
      source.forEachChunk(64, (first, chunk) -> {
        assertTrue(chunk.size() <= 64);
        System.arraycopy(chunk.data(), 0, seen, (int) first * 3, chunk.data().length);
        chunks[0]++;
      });
      assertEquals(16, chunks[0]);
      assertArrayEquals(v.data(), seen);
    }
    VectorSource inMemory = VectorSource.of(v);
    long[] rows = {0};
    inMemory.forEachChunk(300, (first, chunk) -> {
      assertEquals(rows[0], first);
      rows[0] += chunk.size();
    });
    assertEquals(1000, rows[0]);
  }

  @Test
  void textWritersUseShortestExactDecimal() throws IOException {
    Path file = dir.resolve("v.csv");
    Embeddings.write(file, VectorSet.of(new float[] {0.1f, 1e-7f}), null);
    assertEquals("0.1,1.0E-7\n", Files.readString(file, StandardCharsets.US_ASCII));
  }

  private List<String> listing() throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
