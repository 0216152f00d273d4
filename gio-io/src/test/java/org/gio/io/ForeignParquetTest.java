package org.gio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * hf.parquet was written by arrow-rs (parquet-wasm), not by DuckDB: snappy pages, row groups of 2,
 * list&lt;float&gt;, list&lt;double&gt; and fixed_size_list columns as Hugging Face and pyarrow
 * write them (fixtures/make_parquet.mjs).
 */
class ForeignParquetTest {
  private static final float[] EXPECTED = {
    0.5f, -1.25f, 2.0f, 1.0f, 0.0f, -0.5f, 3.25f, 1.5f, 0.75f, -2.0f, 4.0f, 1.0f, 0.125f, 0.25f, 0.375f
  };

  @ParameterizedTest
  @ValueSource(strings = {"embedding", "emb64", "fixed", "2"})
  void readsEveryListKind(String column) {
    EmbeddingTable t = Embeddings.read(Fixtures.path("hf.parquet"),
        ReadOptions.defaults().withColumn(column));
    assertEquals(5, t.vectors().size());
    assertArrayEquals(EXPECTED, t.vectors().data());
  }

  @Test
  void picksTheEmbeddingColumnAmongSeveral() {
    EmbeddingTable t = Embeddings.read(Fixtures.path("hf.parquet"), ReadOptions.defaults());
    assertTrue(t.dtype().contains("'embedding'"), t.dtype());
  }
}
