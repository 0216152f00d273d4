package org.gio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every reader, on files written by numpy and Python's standard library, gives numpy's values. */
class ReadFormatsTest {
  private static final VectorSet EXPECTED = Embeddings.read(Fixtures.path("f32.npy"));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "f32.npy, float32",
    "f64.npy, float64",
    "v2.npy, float32",
    "small.fvecs, float32",
    "reference.tsv, text (bracketed vectors in column 2)",
    "numeric.csv, text (numeric columns)",
    "numeric_header.csv, text (numeric columns)",
    "docs.jsonl, json numbers",
  })
  void readsNumpysValues(String file, String dtype) {
    EmbeddingTable t = Embeddings.read(Fixtures.path(file), ReadOptions.defaults());
    assertEquals(6, t.vectors().size());
    assertEquals(3, t.vectors().dim());
    assertArrayEquals(EXPECTED.data(), t.vectors().data(), 1e-6f);
    assertEquals(dtype, t.dtype());
  }

  @Test
  void referenceLayoutColumnByPosition() {
    EmbeddingTable t = Embeddings.read(Fixtures.path("reference.tsv"),
        ReadOptions.defaults().withColumn("2"));
    assertArrayEquals(EXPECTED.data(), t.vectors().data(), 1e-6f);
  }

  @Test
  void jsonlFieldByName() {
    EmbeddingTable t = Embeddings.read(Fixtures.path("docs.jsonl"),
        ReadOptions.defaults().withField("vec"));
    assertArrayEquals(EXPECTED.data(), t.vectors().data(), 1e-6f);
  }

  @Test
  void formatOverride() {
    // A .csv name but tab-separated content: --format tsv wins over the extension.
    EmbeddingTable t = Embeddings.read(Fixtures.path("reference.tsv"),
        ReadOptions.defaults().withFormat(EmbeddingFormat.TSV));
    assertEquals(EmbeddingFormat.TSV, t.format());
  }

  @Test
  void bvecsAndIvecsKeepIntegers() {
    VectorSet b = Embeddings.read(Fixtures.path("small.bvecs"));
    VectorSet i = Embeddings.read(Fixtures.path("small.ivecs"));
    assertEquals(4, b.size());
    assertEquals(11f, b.get(3, 2));
    assertEquals(-5f, i.get(0, 0));
    assertEquals(6f, i.get(3, 2));
  }

  @Test
  void gzippedIdxIsScaledToUnitInterval() {
    EmbeddingTable t = Embeddings.read(Fixtures.path("tiny-images-idx3-ubyte.gz"),
        ReadOptions.defaults());
    assertEquals(EmbeddingFormat.IDX, t.format());
    assertEquals(3, t.vectors().size());
    assertEquals(4, t.vectors().dim());
    assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.4f}, t.vectors().row(0), 1e-6f);
  }

  @Test
  void infoCountsNonFinite() {
    FileInfo info = Embeddings.info(Fixtures.path("nan.npy"), ReadOptions.defaults());
    assertEquals(6, info.rows());
    assertEquals(3, info.dim());
    assertEquals("float32", info.dtype());
    assertEquals(1, info.nan());
    assertEquals(0, info.infinite());
    FileInfo csv = Embeddings.info(Fixtures.path("reference.tsv"), ReadOptions.defaults());
    assertEquals(6, csv.rows());
    assertTrue(csv.dtype().startsWith("text"));
  }

  @ParameterizedTest
  @CsvSource({
    "a.npy, NPY", "a.fvecs, FVECS", "a.bvecs, BVECS", "a.ivecs, IVECS", "a.csv, CSV",
    "a.csv.gz, CSV", "a.tsv, TSV", "a.jsonl, JSONL", "a.ndjson, JSONL", "a.parquet, PARQUET",
    "train-images-idx3-ubyte, IDX", "train-images-idx3-ubyte.gz, IDX",
    "t10k-images.idx3-ubyte, IDX", "x.idx, IDX"
  })
  void formatFromExtension(String name, EmbeddingFormat format) {
    assertEquals(format, EmbeddingFormat.of(java.nio.file.Path.of(name)));
  }
}
