package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real data: the Fashion-MNIST test images straight from Debian's
 * dataset-fashion-mnist (gzipped IDX) as the pool, and 100 images of one class as the target. GIO
 * should pick mostly that class. Skipped, with the reason printed, when the package is absent.
 */
class FashionMnistSelectTest {
  private static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
  private static final Path IMAGES = FOLDER.resolve("t10k-images-idx3-ubyte.gz");
  private static final Path LABELS = FOLDER.resolve("t10k-labels-idx1-ubyte.gz");
  private static final int CLASS = 7; // sneaker

  @TempDir Path dir;

  @Test
  void selectsTheTargetsClass() throws IOException {
    if (!Files.isReadable(IMAGES) || !Files.isReadable(LABELS)) {
      System.out.println("FashionMnistSelectTest skipped: " + IMAGES + " not found; "
          + "apt-get install dataset-fashion-mnist");
      Assumptions.abort("dataset-fashion-mnist is not installed");
    }
    byte[] labels = labels();
    VectorSet images = Embeddings.read(IMAGES);
    assertEquals(10000, images.size());
    assertEquals(784, images.dim());
    int[] targetRows = new int[100];
    for (int i = 0, n = 0; n < targetRows.length; i++) {
      if (labels[i] == CLASS) {
        targetRows[n++] = i;
      }
    }
    Path target = dir.resolve("target.npy");
    Embeddings.write(target, images.select(targetRows), null);
    Path out = dir.resolve("chosen.txt");
    CliRun run = CliRun.of("select", "--pool", IMAGES, "--target", target, "--max-iter", 20,
        "--grad-desc-iter", 20, "--out", out, "--report", dir.resolve("r.json"), "-q");
    assertEquals(0, run.exit(), run.err());
    List<String> chosen = Files.readAllLines(out);
    assertTrue(chosen.size() >= 5, "selected " + chosen.size());
    long sameClass = chosen.stream().mapToInt(Integer::parseInt)
        .filter(r -> labels[r] == CLASS).count();
    assertTrue(sameClass * 2 > chosen.size(), sameClass + " of " + chosen.size()
        + " selected rows are of the target's class");
  }

  private static byte[] labels() throws IOException {
    try (InputStream raw = Files.newInputStream(LABELS);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      in.readInt();
      byte[] labels = new byte[in.readInt()];
      in.readFully(labels);
      return labels;
    }
  }
}
