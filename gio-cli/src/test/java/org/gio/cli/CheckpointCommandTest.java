package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gio select --checkpoint/--resume} in-process: the usage errors, and a resume of the
 * in-memory path (a text pool, {@code --out-lines}) from a checkpoint copied while the run went on.
 * The killed-and-resumed launcher runs are {@link ResumeIT}.
 */
class CheckpointCommandTest {
  @TempDir Path dir;
  private static final Path POOL = Path.of("../examples/clusters/pool.npy");
  private static final Path TARGET = Path.of("../examples/clusters/target.npy");

  @Test
  void checkpointOptionsOutsideTheDefaultSelectionAreUsageErrors() {
    String out = dir.resolve("o.txt").toString();
    String ck = dir.resolve("c.ckpt").toString();
    Object[][] cases = {
      {"--resume continues from a checkpoint", new Object[] {"--resume"}},
      {"--checkpoint saves a GIO selection", new Object[] {"--checkpoint", ck, "--method", "retrieval", "--budget", "10"}},
      {"--checkpoint-every 0.0: give a positive number", new Object[] {"--checkpoint", ck, "--checkpoint-every", "0"}},
      {"--checkpoint does not save a quantized run", new Object[] {"--checkpoint", ck, "--quantize", "50"}},
    };
    for (Object[] c : cases) {
      List<Object> args = new ArrayList<>(List.of("select", "--pool", POOL, "--target", TARGET, "--out", out));
      args.addAll(List.of((Object[]) c[1]));
      CliRun r = CliRun.of(args.toArray());
      assertEquals(ExitCodes.USAGE, r.exit(), r.err());
      assertTrue(r.errorLine().contains((String) c[0]), r.errorLine());
    }
    CliRun same = CliRun.of("select", "--pool", POOL, "--target", TARGET, "--out", out, "--checkpoint", out);
    assertEquals(ExitCodes.BAD_INPUT, same.exit());
    assertTrue(same.errorLine().contains("given for two outputs"), same.errorLine());
    CliRun input = CliRun.of("select", "--pool", POOL, "--target", TARGET, "--out", out, "--checkpoint", POOL);
    assertEquals(ExitCodes.BAD_INPUT, input.exit());
    assertTrue(input.errorLine().contains("is also an input"), input.errorLine());
    CliRun none = CliRun.of("select", "--pool", POOL, "--target", TARGET, "--out", out, "--checkpoint", ck, "--resume");
    assertEquals(ExitCodes.BAD_INPUT, none.exit());
    assertTrue(none.errorLine().contains("no checkpoint to resume from"), none.errorLine());
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void aTextPoolResumedFromItsCheckpointWritesTheUninterruptedLines() throws Exception {
    Path pool = dir.resolve("pool.txt");
    Path target = dir.resolve("target.txt");
    Files.write(pool, lines(2500, 1, 0));
    Files.write(target, lines(300, 2, 3));
    List<Object> run = new ArrayList<>(List.of("select", "--pool-text", pool, "--target-text", target, "--dim", "12",
        "--max-iter", "600", "--stop", "data_size", "--max-data-size", "1", "--quiet"));
    CliRun whole = CliRun.of(with(run, "--out", dir.resolve("a.txt"), "--out-lines", dir.resolve("a-lines.txt")));
    assertEquals(0, whole.exit(), whole.err());

    Path checkpoint = dir.resolve("text.ckpt");
    Path copy = dir.resolve("copy.ckpt");
    Object[] checkpointed = with(run, "--out", dir.resolve("b.txt"), "--out-lines", dir.resolve("b-lines.txt"),
        "--checkpoint", checkpoint, "--checkpoint-every", "0.05");
    CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of(checkpointed));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(copy)) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint in 120 s");
      assertFalse(running.isDone() && !Files.exists(copy), "the run ended before its checkpoint was copied");
      try {
        Files.copy(checkpoint, copy); // the rename is atomic: the copy is one whole checkpoint
      } catch (NoSuchFileException e) {
        Thread.sleep(5);
      }
    }
    CliRun finished = running.get(180, TimeUnit.SECONDS);
    assertEquals(0, finished.exit(), finished.err());
    assertFalse(Files.exists(checkpoint), "removed once the outputs are written");

    Files.move(copy, checkpoint);
    Object[] resume = with(run, "--out", dir.resolve("c.txt"), "--out-lines", dir.resolve("c-lines.txt"),
        "--checkpoint", checkpoint, "--checkpoint-every", "0.05", "--resume");
    assertRefusals(resume, checkpoint, target);
    CliRun resumed = CliRun.of(resume);
    assertEquals(0, resumed.exit(), resumed.err());
    byte[] expected = Files.readAllBytes(dir.resolve("a-lines.txt"));
    assertEquals(600, Files.readAllLines(dir.resolve("a.txt")).size());
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("b-lines.txt")));
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("c-lines.txt")));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.txt")), Files.readAllBytes(dir.resolve("c.txt")));
  }

  @Test
  void aFaithfulRunResumedFromItsCheckpointWritesTheUninterruptedOutputs() throws Exception {
    List<Object> run = new ArrayList<>(List.of("select", "--faithful", "--pool", POOL, "--target", TARGET,
        "--max-iter", "400", "--stop", "data_size", "--max-data-size", "1", "--grad-desc-iter", "200",
        "--v-init", "jump", "--random-restart-prob", "0.2", "--quiet"));
    CliRun whole = CliRun.of(with(run, "--out", dir.resolve("a.txt"), "--report", dir.resolve("a.json")));
    assertEquals(0, whole.exit(), whole.err());

    Path checkpoint = dir.resolve("faithful.ckpt");
    Path copy = dir.resolve("copy.ckpt");
    Object[] checkpointed = with(run, "--out", dir.resolve("b.txt"), "--checkpoint", checkpoint,
        "--checkpoint-every", "0.05");
    CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of(checkpointed));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int saved = 0;
    while (saved == 0) { // a copy from inside the loop, not the first boundary's
      assertTrue(System.nanoTime() < deadline, "no checkpoint in 120 s");
      assertFalse(running.isDone(), "the run ended before a checkpoint inside its loop was copied");
      try {
        Files.copy(checkpoint, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        saved = CheckpointFile.read(copy, CheckpointFile.Loop.PUBLISHED).published().accepted();
      } catch (NoSuchFileException e) {
        Thread.sleep(5);
      }
    }
    CliRun finished = running.get(180, TimeUnit.SECONDS);
    assertEquals(0, finished.exit(), finished.err());
    assertTrue(saved < 400, "copied before the end: " + saved);

    Files.move(copy, checkpoint);
    Object[] resume = with(run, "--out", dir.resolve("c.txt"), "--report", dir.resolve("c.json"),
        "--checkpoint", checkpoint, "--resume");
    List<Object> withoutFaithful = new ArrayList<>(List.of(resume));
    withoutFaithful.remove("--faithful");
    assertRefused(CliRun.of(withoutFaithful.toArray()), "cannot resume, the checkpoint is of the published loop "
        + "(--faithful) and this command runs the default selection (without --faithful)");
    List<Object> otherLr = new ArrayList<>(List.of(resume));
    otherLr.addAll(List.of("--lr", "0.02"));
    assertRefused(CliRun.of(otherLr.toArray()), "the checkpoint is from other inputs or options (--lr was not given then)");
    CliRun resumed = CliRun.of(resume);
    assertEquals(0, resumed.exit(), resumed.err());
    assertFalse(Files.exists(checkpoint), "removed once the outputs are written");
    byte[] expected = Files.readAllBytes(dir.resolve("a.txt"));
    assertEquals(400, Files.readAllLines(dir.resolve("a.txt")).size());
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("b.txt")));
    assertArrayEquals(expected, Files.readAllBytes(dir.resolve("c.txt")));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode a =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("a.json").toFile());
    com.fasterxml.jackson.databind.node.ObjectNode c =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("c.json").toFile());
    assertTrue(a.remove("timingsMillis") != null && c.remove("timingsMillis") != null);
    assertEquals(a, c, "the report except its timings");
  }

  /** Other options, a changed input and a damaged copy of {@code checkpoint}: exit 3, one line. */
  private void assertRefusals(Object[] resume, Path checkpoint, Path target) throws Exception {
    List<Object> otherK = new ArrayList<>(List.of(resume));
    otherK.addAll(List.of("--k", "4"));
    assertRefused(CliRun.of(otherK.toArray()), "the checkpoint is from other inputs or options (--k was not given then)");
    java.nio.file.attribute.FileTime was = Files.getLastModifiedTime(target);
    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(was.toMillis() + 5000));
    assertRefused(CliRun.of(resume), "(--target-text target.txt changed since the checkpoint");
    Files.setLastModifiedTime(target, was);
    byte[] good = Files.readAllBytes(checkpoint);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x10;
    Files.write(checkpoint, bad);
    assertRefused(CliRun.of(resume), "cannot resume, its checksum does not match");
    Files.write(checkpoint, good);
  }

  private static void assertRefused(CliRun r, String message) {
    assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.err());
    assertTrue(r.errorLine().contains(message), r.errorLine());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("gio: ") && !l.startsWith("gio: GIO")).count(), r.err());
    assertFalse(r.errorLine().contains("Exception"), r.errorLine());
  }

  private static Object[] with(List<Object> base, Object... more) {
    List<Object> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray();
  }

  /** Lines of random words, from topics {@code first}, {@code first + 1} … of five. */
  private static List<String> lines(int count, long seed, int first) {
    String[] words = {"star", "orbit", "comet", "planet", "galaxy", "bread", "flour", "oven", "yeast", "crust",
        "goal", "pitch", "match", "score", "team", "code", "class", "loop", "type", "test"};
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int topic = (first + r.nextInt(2)) % 4;
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        b.append(w == 0 ? "" : " ").append(words[topic * 5 + r.nextInt(5)]).append(r.nextInt(40));
      }
      out.add(b.toString());
    }
    return out;
  }
}
