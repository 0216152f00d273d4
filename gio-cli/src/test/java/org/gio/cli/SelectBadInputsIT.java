package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gio.core.testing.RandomVectors;
import org.gio.io.npy.NpyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gio select} through the real launcher on bad input of every kind: the documented exit
 * status (2 usage, 3 bad input), exactly one line on stderr naming the problem (no Java class
 * name, no stack trace), and no file left behind — the folder holds exactly what it held before.
 */
class SelectBadInputsIT {
  @TempDir Path dir;

  /** Writes the case's files into the folder (besides the good pool.npy and target.npy). */
  @FunctionalInterface
  interface Setup {
    void write(Path dir) throws IOException;
  }

  @BeforeEach
  void goodInputs() throws IOException {
    NpyWriter.write(dir.resolve("pool.npy"), RandomVectors.gaussian(1, 60, 3, 0, 1));
    NpyWriter.write(dir.resolve("target.npy"), RandomVectors.gaussian(2, 20, 3, 0, 1));
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    // name, exit, expected fragment of the line, files, extra arguments (pool/target default)
    add(c, "missing file", 3, "no such file", d -> { }, "--pool", "nope.npy");
    add(c, "empty .npy", 3, "empty file", d -> Files.write(d.resolve("p.npy"), new byte[0]),
        "--pool", "p.npy");
    add(c, "not a .npy", 3, "magic", d -> Files.writeString(d.resolve("p.npy"), "hello, world\n"),
        "--pool", "p.npy");
    add(c, "truncated .npy", 3, "truncated",
        d -> npy(d, "p.npy", "<f4", "False", "(60, 3)", 100), "--pool", "p.npy");
    add(c, "truncated .npy header", 3, "truncated header",
        d -> Files.write(d.resolve("p.npy"), java.util.Arrays.copyOf(header("<f4", "False",
            "(60, 3)"), 30)), "--pool", "p.npy");
    add(c, "malformed .npy header", 3, "malformed header: {'descr'",
        d -> npy(d, "p.npy", "<f4", "False", "(sixty, 3)", 0), "--pool", "p.npy");
    add(c, "negative .npy shape", 3, "malformed header",
        d -> npy(d, "p.npy", "<f4", "False", "(-5, 3)", 0), "--pool", "p.npy");
    add(c, "a header claiming 10^12 rows", 3, "truncated",
        d -> npy(d, "p.npy", "<f4", "False", "(1000000000000, 3)", 48), "--pool", "p.npy");
    add(c, "integer dtype", 3, "dtype <i8", d -> npy(d, "p.npy", "<i8", "False", "(60, 3)", 1440),
        "--pool", "p.npy");
    add(c, "big-endian", 3, "dtype >f4", d -> npy(d, "p.npy", ">f4", "False", "(60, 3)", 720),
        "--pool", "p.npy");
    add(c, "Fortran order", 3, "Fortran", d -> npy(d, "p.npy", "<f4", "True", "(60, 3)", 720),
        "--pool", "p.npy");
    add(c, "rank 3", 3, "2-D", d -> npy(d, "p.npy", "<f4", "False", "(4, 5, 3)", 240),
        "--pool", "p.npy");
    add(c, "rank 1", 3, "2-D", d -> npy(d, "p.npy", "<f4", "False", "(60,)", 240),
        "--pool", "p.npy");
    add(c, "NaN in the target", 3, "NaN", d -> floats(d, "t.npy", 20, 3, Float.NaN),
        "--target", "t.npy");
    add(c, "Inf in the pool", 3, "Inf", d -> floats(d, "p.npy", 60, 3, Float.POSITIVE_INFINITY),
        "--pool", "p.npy");
    add(c, "ragged JSONL", 3, "p.jsonl", d -> Files.writeString(d.resolve("p.jsonl"),
        "{\"embedding\": [1, 2, 3]}\n{\"embedding\": [1, 2]}\n"), "--pool", "p.jsonl");
    add(c, "JSONL without a vector", 3, "--field", d -> Files.writeString(d.resolve("p.jsonl"),
        "{\"text\": \"a\"}\n"), "--pool", "p.jsonl");
    add(c, "non-numeric CSV", 3, "p.csv", d -> Files.writeString(d.resolve("p.csv"),
        "1,2,3\n4,five,6\n"), "--pool", "p.csv");
    add(c, "empty CSV", 3, "p.csv", d -> Files.write(d.resolve("p.csv"), new byte[0]),
        "--pool", "p.csv");
    add(c, "truncated fvecs", 3, "p.fvecs", d -> Files.write(d.resolve("p.fvecs"),
        ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putInt(3).array()),
        "--pool", "p.fvecs");
    add(c, "IDX with a bad magic", 3, "p.idx", d -> Files.write(d.resolve("p.idx"),
        new byte[] {1, 2, 3, 4, 0, 0, 0, 1}), "--pool", "p.idx");
    add(c, "a folder as the pool", 3, "folder", d -> Files.createDirectory(d.resolve("p.npy")),
        "--pool", "p.npy");
    add(c, "unknown extension", 3, "--format", d -> Files.writeString(d.resolve("p.xyz"), "1\n"),
        "--pool", "p.xyz");
    add(c, "unknown --format", 2, "--format", d -> { }, "--format", "excel");
    add(c, "dimension mismatch", 3, "dimension",
        d -> NpyWriter.write(d.resolve("t.npy"), RandomVectors.gaussian(2, 20, 4, 0, 1)),
        "--target", "t.npy");
    add(c, "k not below the target's rows", 3, "--k", d -> { }, "--k", "25");
    add(c, "k zero", 2, "k", d -> { }, "--k", "0");
    add(c, "unknown stop rule", 2, "sometimes", d -> { }, "--stop", "sometimes");
    add(c, "unknown backend", 2, "unknown backend", d -> { }, "--backend", "gpu");
    add(c, "unknown option", 2, "--frobnicate", d -> { }, "--frobnicate");
    add(c, "not a number", 2, "--lr", d -> { }, "--lr", "fast");
    add(c, "output in a missing folder", 3, "missing", d -> { }, "--report", "missing/run.json");
    add(c, "output equal to an input", 3, "pool.npy", d -> { }, "--out-rows", "pool.npy");
    add(c, "output is a folder", 3, "folder", d -> Files.createDirectory(d.resolve("r.json")),
        "--report", "r.json");
    add(c, "the same output twice", 3, "two outputs", d -> { }, "--report", "chosen.txt");
    return c.stream();
  }

  private static void add(List<Arguments> c, String name, int exit, String fragment, Setup setup,
      String... args) {
    c.add(Arguments.of(name, exit, fragment, setup, args));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithOneLineAndLeavesNothing(String name, int exit, String fragment, Setup setup,
      String[] args) throws Exception {
    setup.write(dir);
    Set<String> before = listing(dir);
    Launcher gio = new Launcher(Launcher.repositoryScript(),
        Path.of(System.getProperty("java.home")));
    Launcher.Result r = gio.run(dir, command(args));
    assertEquals(exit, r.exit(), name + ": " + r.err());
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), name + ", one line: " + r.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("gio: "), line);
    assertTrue(line.contains(fragment), name + ": expected '" + fragment + "' in: " + line);
    assertFalse(line.matches(".*\\b(java|org|com)\\.[a-z]+\\.\\w+.*"), "a class name: " + line);
    assertEquals(before, listing(dir), name + ": the folder is as it was");
  }

  /** {@code select --pool pool.npy --target target.npy --out chosen.txt}, args overriding. */
  private static String[] command(String[] args) {
    List<String> a = new ArrayList<>(List.of("select"));
    List<String> given = List.of(args);
    if (!given.contains("--pool")) {
      a.addAll(List.of("--pool", "pool.npy"));
    }
    if (!given.contains("--target")) {
      a.addAll(List.of("--target", "target.npy"));
    }
    a.addAll(List.of("--out", "chosen.txt"));
    a.addAll(given);
    return a.toArray(String[]::new);
  }

  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> dir.relativize(p).toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  /** A .npy header (version 1.0), padded to 64 bytes as numpy does. */
  static byte[] header(String descr, String fortran, String shape) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': "
        + shape + ", }";
    int total = 10 + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String text = dict + " ".repeat(padded - total) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }

  static void npy(Path dir, String name, String descr, String fortran, String shape,
      int dataBytes) throws IOException {
    byte[] h = header(descr, fortran, shape);
    Files.write(dir.resolve(name), java.util.Arrays.copyOf(h, h.length + dataBytes));
  }

  /** A float32 array of ones with one bad value in its last row. */
  static void floats(Path dir, String name, int rows, int cols, float bad) throws IOException {
    float[] v = new float[rows * cols];
    java.util.Arrays.fill(v, 1f);
    v[v.length - 2] = bad;
    NpyWriter.write(dir.resolve(name), org.gio.core.vectors.VectorSet.wrap(v, rows, cols));
  }
}
