package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gio.core.GioInputException;
import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.search.ExactCandidateIndex;
import org.gio.core.select.GioConfig;
import org.gio.core.select.GioSelector;
import org.gio.core.select.GreedyProgress;
import org.gio.core.select.PublishedProgress;
import org.gio.core.table.NeighbourTable;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.vectors.VectorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  @TempDir Path dir;

  private static VectorSet gaussian(int rows, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return VectorSet.wrap(x, rows, d);
  }

  private static NeighbourTable table() {
    ScalarVectorOps ops = new ScalarVectorOps();
    GioSelector selector = new GioSelector(ops, new ExactCandidateIndex.Factory(ops), new ExactKthNeighbourSearch(ops));
    GioConfig config = GioConfig.recommendedBuilder().densitySample(200).build();
    return selector.table(VectorSource.of(gaussian(900, 3, 1)), gaussian(60, 3, 2), config, 1);
  }

  private static final GreedyProgress PROGRESS = new GreedyProgress(
      new int[] {3, ~7, 11, ~0}, new double[] {Double.NaN, -1.25}, new double[] {Double.NaN, 0.1 + 0.2},
      5, 1, 2, -1.25, Math.nextUp(0.3));

  @Test
  void everyBitOfTheTableAndTheProgressComesBack() throws Exception {
    NeighbourTable t = table();
    Path file = dir.resolve("run.ckpt");
    List<String> fingerprint = List.of("gio checkpoint", "--k=5", "--pool=file pool.npy size 1");
    CheckpointFile.write(file, fingerprint, t, PROGRESS);
    CheckpointFile.Saved s = CheckpointFile.read(file);
    assertEquals(fingerprint, s.fingerprint());
    assertEquals(PROGRESS, s.progress());
    NeighbourTable r = s.table();
    assertEquals(t.targets(), r.targets());
    assertEquals(t.depth(), r.depth());
    assertEquals(t.poolRows(), r.poolRows());
    for (int i = 0; i < t.targets(); i++) {
      for (int j = 0; j < t.depth(); j++) {
        assertEquals(t.id(i, j), r.id(i, j));
        assertEquals(Double.doubleToRawLongBits(t.squaredDistance(i, j)), Double.doubleToRawLongBits(r.squaredDistance(i, j)));
        assertEquals(t.listedIndex(i, j), r.listedIndex(i, j));
      }
    }
    assertEquals(t.listed().size(), r.listed().size());
    assertArrayEquals(Arrays.copyOf(t.listed().data(), t.listed().size() * 3),
        Arrays.copyOf(r.listed().data(), r.listed().size() * 3));
    assertArrayEquals(t.sampleIds(), r.sampleIds());
    assertArrayEquals(Arrays.copyOf(t.sample().data(), t.sample().size() * 3),
        Arrays.copyOf(r.sample().data(), r.sample().size() * 3));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
  }

  private static final PublishedProgress PUBLISHED = new PublishedProgress(
      new int[] {3, ~7, PublishedProgress.RESET, 3}, new int[] {0, 80, 17, 2}, new double[] {Double.NaN, -1.25},
      new double[] {Double.longBitsToDouble(0x7ff8000000000123L), 0.1 + 0.2}, 5, 1, 2, 1, true, -1.25,
      Math.nextUp(0.3), new PublishedProgress.Candidate(new float[] {1.5f, -0f, Float.MIN_VALUE}, 4, true,
          new int[] {1, 4}));

  @Test
  void everyBitOfThePublishedProgressComesBack() throws Exception {
    Path file = dir.resolve("faithful.ckpt");
    List<String> fingerprint = List.of("gio checkpoint of the published loop", "--faithful=true");
    CheckpointFile.write(file, fingerprint, PUBLISHED);
    CheckpointFile.Saved s = CheckpointFile.read(file, CheckpointFile.Loop.PUBLISHED);
    assertEquals(CheckpointFile.Loop.PUBLISHED, s.loop());
    assertEquals(fingerprint, s.fingerprint());
    assertEquals(PUBLISHED, s.published());
    // raw bits, NaN payloads and −0 included (equals compares doubles by value)
    assertEquals(0x7ff8000000000123L, Double.doubleToRawLongBits(s.published().exactKl()[0]));
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(s.published().candidate().point()[1]));
    GioInputException e = assertThrows(GioInputException.class,
        () -> CheckpointFile.read(file, CheckpointFile.Loop.DEFAULT));
    assertTrue(e.getMessage().equals(file + ": cannot resume, the checkpoint is of the published loop (--faithful) "
        + "and this command runs the default selection (without --faithful); run the command that wrote it "
        + "with --resume, or start again without --resume"), e.getMessage());
  }

  @Test
  void aDefaultCheckpointIsRefusedByTheFaithfulLoopAndFormatOneIsStillRead() throws Exception {
    Path file = dir.resolve("run.ckpt");
    List<String> fingerprint = List.of("gio checkpoint of the default selection");
    CheckpointFile.write(file, fingerprint, table(), PROGRESS);
    GioInputException e = assertThrows(GioInputException.class,
        () -> CheckpointFile.read(file, CheckpointFile.Loop.PUBLISHED));
    assertTrue(e.getMessage().contains("the checkpoint is of the default selection (without --faithful) and this "
        + "command runs the published loop (--faithful)"), e.getMessage());
    // format 1: the same without the loop's name (magic, version, name as UTF, …, CRC-32C)
    byte[] two = Files.readAllBytes(file);
    int name = 8 + 4;
    int nameLength = 2 + "DEFAULT".length();
    byte[] one = new byte[two.length - nameLength];
    System.arraycopy(two, 0, one, 0, name);
    System.arraycopy(two, name + nameLength, one, name, two.length - name - nameLength - 8);
    java.nio.ByteBuffer.wrap(one).putInt(8, 1);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(one, 0, one.length - 8);
    java.nio.ByteBuffer.wrap(one).putLong(one.length - 8, crc.getValue());
    Files.write(file, one);
    CheckpointFile.Saved s = CheckpointFile.read(file, CheckpointFile.Loop.DEFAULT);
    assertEquals(fingerprint, s.fingerprint());
    assertEquals(PROGRESS, s.progress());
  }

  @Test
  void aDamagedTruncatedOrForeignFileIsRefusedInOneLine() throws Exception {
    Path file = dir.resolve("run.ckpt");
    CheckpointFile.write(file, List.of("x"), table(), PROGRESS);
    byte[] good = Files.readAllBytes(file);
    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 1;
    Files.write(file, flipped);
    assertRefused(file, "checksum does not match");
    Files.write(file, Arrays.copyOf(good, good.length - 100));
    assertRefused(file, "checksum does not match");
    Files.write(file, new byte[] {1, 2, 3});
    assertRefused(file, "too short to be a checkpoint");
  }

  private static void assertRefused(Path file, String why) {
    GioInputException e = assertThrows(GioInputException.class, () -> CheckpointFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ": cannot resume, ") && e.getMessage().contains(why), e.getMessage());
    assertTrue(e.getMessage().contains("without --resume") && !e.getMessage().contains("\n"), e.getMessage());
  }
}
