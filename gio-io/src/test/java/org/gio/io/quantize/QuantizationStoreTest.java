package org.gio.io.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gio.core.GioInputException;
import org.gio.core.quantize.Quantization;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizationStoreTest {
  @TempDir Path tmp;

  @Test
  void saveThenLoadRoundTripsAndReplacesAnOlderOne() throws Exception {
    Quantization q =
        Quantization.of(VectorSet.of(new float[] {1, 2}, new float[] {3, 4}), new int[] {1, 0, 1});
    Path dir = tmp.resolve("q");
    QuantizationStore.save(dir, q, Map.of("seed", 7));
    QuantizationStore.save(dir, q, Map.of("seed", 8));
    Quantization back = QuantizationStore.load(dir);
    assertArrayEquals(q.centroids().data(), back.centroids().data());
    assertArrayEquals(q.assignment(), back.assignment());
    assertEquals(8, QuantizationStore.metadata(dir).path("fit").path("seed").asInt());
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(dir), s.toList(), "no temporary folders left");
    }
  }

  @Test
  void refusesToOverwriteAFolderThatIsNotAQuantization() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(dir.resolve("keep.txt"), "x");
    Quantization q = Quantization.of(VectorSet.of(new float[] {1}), new int[] {0});
    assertThrows(GioInputException.class, () -> QuantizationStore.save(dir, q, Map.of()));
    assertTrue(Files.exists(dir.resolve("keep.txt")));
    assertThrows(GioInputException.class, () -> QuantizationStore.load(tmp.resolve("none")));
  }

}
