package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEmbeddingTest {
  @TempDir Path dir;

  @Test
  void streamingToNpyMatchesInMemory() throws IOException {
    // More rows than one batch, so the stream writes several.
    String text = IntStream.range(0, TextEmbedding.BATCH * 2 + 17)
        .mapToObj(i -> "line " + i + " about topic " + (i % 7))
        .collect(Collectors.joining("\n"));
    Path in = dir.resolve("in.txt");
    Files.writeString(in, text, StandardCharsets.UTF_8);
    TextSource src = TextSource.lines(in);
    HashedNgramEmbedder e = HashedNgramEmbedder.fit(
        HashedNgramEmbedder.Options.defaults().withDim(64), List.of(src));
    Path out = dir.resolve("emb.npy");
    long[] last = {0};
    long rows = TextEmbedding.embedToNpy(e, src, out, -1, (done, total) -> last[0] = done);
    assertEquals(TextEmbedding.BATCH * 2 + 17, rows);
    assertEquals(rows, last[0]);
    VectorSet fromFile = NpyReader.read(out);
    VectorSet inMemory = TextEmbedding.embed(e, src);
    assertEquals(64, fromFile.dim());
    assertArrayEquals(inMemory.data(), fromFile.data());
  }

  @Test
  void badInputLeavesNoOutput() throws IOException {
    Path in = dir.resolve("bad.txt");
    byte[] good = "fine\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xC3; // a lead byte with no continuation
    bytes[good.length + 1] = '\n';
    Files.write(in, bytes);
    HashedNgramEmbedder e = HashedNgramEmbedder.fitOnTexts(HashedNgramEmbedder.Options.defaults(), List.of("x"));
    Path out = dir.resolve("emb.npy");
    GioInputException ex = assertThrows(GioInputException.class,
        () -> TextEmbedding.embedToNpy(e, TextSource.lines(in), out, 5001, TextEmbedding.Progress.NONE));
    assertEquals(true, ex.getMessage().contains("line 5001"), ex.getMessage());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
