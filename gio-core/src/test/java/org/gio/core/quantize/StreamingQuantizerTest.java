package org.gio.core.quantize;

import org.gio.core.vectors.VectorSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class StreamingQuantizerTest {

  @Test
  void streamedAssignmentEqualsInMemoryNearestCentroids() {
    VectorSet x = KMeansTest.blobs(4, 250, 6, 3);
    KMeans kmeans = KMeans.builder(4).seed(5).build();
    Quantization q = new StreamingQuantizer(kmeans, 300, 2).quantize(VectorSource.of(x), 77);
    assertEquals(1000, q.poolRows());
    for (int b = 0; b < 4; b++) {
      assertEquals(250, q.size(q.clusterOf(b * 250)));
    }
    KMeansResult full = KMeans.builder(4).seed(5).build().fit(x);
    int[] again = StreamingQuantizer.assign(VectorSource.of(x), full.quantization().centroids(), 1);
    assertArrayEquals(full.quantization().assignment(), again);
  }
}
