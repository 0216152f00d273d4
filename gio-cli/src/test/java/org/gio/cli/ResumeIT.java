package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gio.core.vectors.VectorSet;
import org.gio.io.Embeddings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint and resume the hard way (issue 18): {@code gio select} started through the launcher
 * {@code ./gio} as a child process (the launcher {@code exec}s java, so the child is the java
 * process), killed with SIGKILL after it has checkpointed several times, or stopped with SIGTERM,
 * then resumed; the outputs must be byte-identical to an uninterrupted run's (the report except
 * its timings); the default selection, and the published loop ({@code --faithful}). The refusals (other options, a changed input, a damaged checkpoint) are tested
 * in-process by {@link CheckpointCommandTest}.
 */
class ResumeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  /** A budget of 1,500 rows: the default selection without an early stop, long enough to kill. */
  private static final String[] RUN = {"select", "--pool", "pool.npy", "--max-iter", "1500", "--stop",
      "data_size", "--max-data-size", "1", "--quiet"};
  private static Path script;
  /** The stderr of the last child (tests of this class run one at a time). */
  private static Path ERR;

  @BeforeAll
  static void inputs() throws Exception {
    script = Path.of("..", "gio").toAbsolutePath().normalize();
    ERR = dir.resolve("stderr.txt");
    assertTrue(Files.isExecutable(script), script + " (run through mvn verify: failsafe, after package)");
    Embeddings.write(dir.resolve("pool.npy"), gaussian(5000, 1), null);
    Embeddings.write(dir.resolve("target.npy"), gaussian(500, 2), null);
    // the SIGTERM run writes the same output names in a folder of its own
    Files.createDirectory(dir.resolve("term"));
    Files.copy(dir.resolve("pool.npy"), dir.resolve("term/pool.npy"));
    Files.copy(dir.resolve("target.npy"), dir.resolve("term/target.npy"));
    Result whole = run(args("--target", "target.npy", "--out", "a.txt", "--out-rows", "a.npy", "--report", "a.json"));
    assertEquals(0, whole.exit, whole.err);
    assertEquals(1500, Files.readAllLines(dir.resolve("a.txt")).size());
  }

  static VectorSet gaussian(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[rows * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return VectorSet.wrap(x, rows, 4);
  }

  @Test
  void killedWithSigkillAndResumedWritesTheUninterruptedOutputs() throws Exception {
    String[] command = args("--target", "target.npy", "--out", "b.txt", "--out-rows", "b.npy", "--report",
        "b.json", "--checkpoint", "kill.ckpt", "--checkpoint-every", "0.2");
    Process p = start(command);
    Path checkpoint = dir.resolve("kill.ckpt");
    awaitRewrites(p, checkpoint, 3);
    assertTrue(p.isAlive(), "the run ended before it could be killed; give it a larger budget");
    p.destroyForcibly(); // SIGKILL: no handler runs
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Files.exists(checkpoint));
    assertFalse(Files.exists(dir.resolve("b.txt")), "no output before the run ends");
    int accepted = CheckpointFile.read(checkpoint).progress().accepted();
    assertTrue(accepted > 0 && accepted < 1500, "killed inside the loop: " + accepted + " rows saved");

    Result resumed = run(append(command, "--resume"));
    assertEquals(0, resumed.exit, resumed.err);
    assertSameOutputs("a", "b");
    assertFalse(Files.exists(checkpoint), "a finished run removes its checkpoint");
  }

  @Test
  void aFaithfulRunKilledWithSigkillAndResumedWritesTheUninterruptedOutputs() throws Exception {
    // the published loop: gradient descent in the pool (200 steps a row, so the run lasts seconds)
    String[] faithful = args("--faithful", "--grad-desc-iter", "200", "--v-init", "jump", "--target", "target.npy");
    Result whole = run(append(faithful, "--out", "fa.txt", "--out-rows", "fa.npy", "--report", "fa.json"));
    assertEquals(0, whole.exit, whole.err);
    String[] command = append(faithful, "--out", "fb.txt", "--out-rows", "fb.npy", "--report", "fb.json",
        "--checkpoint", "faithful.ckpt", "--checkpoint-every", "0.1");
    Process p = start(command);
    Path checkpoint = dir.resolve("faithful.ckpt");
    awaitRewrites(p, checkpoint, 3);
    assertTrue(p.isAlive(), "the run ended before it could be killed; give it a larger budget");
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(dir.resolve("fb.txt")), "no output before the run ends");
    int accepted = CheckpointFile.read(checkpoint, CheckpointFile.Loop.PUBLISHED).published().accepted();
    assertTrue(accepted > 0 && accepted < 1500, "killed inside the loop: " + accepted + " rows saved");

    Result resumed = run(append(command, "--resume"));
    assertEquals(0, resumed.exit, resumed.err);
    assertSameOutputs("fa", "fb");
    assertFalse(Files.exists(checkpoint), "a finished run removes its checkpoint");
  }

  @Test
  void sigtermWritesACheckpointExitsWith4AndTheResumedRunWritesTheUninterruptedOutputs() throws Exception {
    String[] command = args("--target", "target.npy", "--out", "a.txt", "--out-rows", "a.npy", "--report",
        "a.json", "--checkpoint", "term.ckpt", "--checkpoint-every", "30");
    Path term = dir.resolve("term");
    Process p = start(term, command);
    Path checkpoint = term.resolve("term.ckpt");
    awaitRewrites(p, checkpoint, 1); // the first boundary's checkpoint (the table)
    assertTrue(p.isAlive(), "the run ended before SIGTERM; give it a larger budget");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gio did not stop after SIGTERM");
    assertEquals(ExitCodes.INTERRUPTED, p.exitValue());
    List<String> lines = Files.readAllLines(ERR);
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("gio: interrupted by SIGTERM after ") && last.contains("--resume"), last);
    assertTrue(Files.exists(checkpoint));
    assertFalse(Files.exists(term.resolve("a.txt")));

    Result resumed = run(term, append(command, "--resume"));
    assertEquals(0, resumed.exit, resumed.err);
    assertSameOutputs("a", "term/a");
  }

  private static String lastLine(Result r) {
    List<String> lines = r.err.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static void assertSameOutputs(String expected, String actual) throws IOException {
    assertArrayEquals(Files.readAllBytes(dir.resolve(expected + ".txt")), Files.readAllBytes(dir.resolve(actual + ".txt")));
    assertArrayEquals(Files.readAllBytes(dir.resolve(expected + ".npy")), Files.readAllBytes(dir.resolve(actual + ".npy")));
    ObjectNode a = (ObjectNode) JSON.readTree(dir.resolve(expected + ".json").toFile());
    ObjectNode b = (ObjectNode) JSON.readTree(dir.resolve(actual + ".json").toFile());
    assertTrue(a.remove("timingsMillis") != null && b.remove("timingsMillis") != null);
    // the report names its output files nowhere; its inputs, config, traces and sizes must agree
    assertEquals(a, b);
    assertEquals(1500, b.get("selectedCount").asInt());
  }

  /** Waits (bounded) until {@code file} has been written {@code times} times, or the run ended. */
  private static void awaitRewrites(Process p, Path file, int times) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    FileTime seen = null;
    int writes = 0;
    while (writes < times && p.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint after 120 s");
      try {
        FileTime t = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        FileTime stamp = FileTime.fromMillis(t.toMillis() * 1000 + size % 1000); // mtime or size moved
        if (!stamp.equals(seen)) {
          seen = stamp;
          writes++;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // not yet written
      }
      Thread.sleep(20);
    }
  }

  private static String[] args(String... more) {
    String[] a = new String[RUN.length + more.length];
    System.arraycopy(RUN, 0, a, 0, RUN.length);
    System.arraycopy(more, 0, a, RUN.length, more.length);
    return a;
  }

  private static String[] append(String[] a, String... more) {
    String[] b = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, b, a.length, more.length);
    return b;
  }

  record Result(int exit, String err) {}

  private static Process start(String... args) throws IOException {
    return start(dir, args);
  }

  private static Process start(Path workDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // a file, not a pipe: Process.destroy() closes the pipes, losing what gio writes on SIGTERM
    pb.redirectError(ERR.toFile());
    return pb.start();
  }

  private static Result run(String... args) throws Exception {
    return run(dir, args);
  }

  private static Result run(Path workDir, String... args) throws Exception {
    Process p = start(workDir, args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("gio did not finish in 180 s: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), Files.readString(ERR));
  }
}
