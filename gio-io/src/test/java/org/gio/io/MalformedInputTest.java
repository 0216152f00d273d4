package org.gio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gio.core.GioInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad files of every format fail with one line that starts with the file, names the position when
 * there is one, and says what to do.
 */
class MalformedInputTest {
  @TempDir Path dir;

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("fortran.npy", "Fortran-order"),
        Arguments.of("int64.npy", "dtype <i8 is not supported"),
        Arguments.of("bigendian.npy", "dtype >f4 is not supported"),
        Arguments.of("vector1d.npy", "expected a 2-D array"),
        Arguments.of("truncated.npy", "truncated"),
        Arguments.of("truncated.fvecs", "truncated"),
        Arguments.of("ragged.csv", "line 3: has 2 values but the first row has 3"),
        Arguments.of("tiny-truncated-idx3-ubyte", "truncated: item 2 of 3"),
        Arguments.of("tiny-labels-idx1-ubyte", "1-D IDX file (labels?)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void committedBadFiles(String name, String expected) {
    Path file = Fixtures.path(name);
    assertFails(file, expected);
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("a.npy", "not numpy at all", "not a .npy file"),
        Arguments.of("a.fvecs", "\u00ff\u00ff\u00ff\u00ff", "dimension field is -1"),
        Arguments.of("a.csv", "1,2\n3,x\n", "line 2: column 1: 'x' is not a number"),
        Arguments.of("a.csv", "id,text,vec\n1,a,\"[1, 2]\"\n2,b,\"[1, 2, 3]\"\n",
            "line 3: has 3 values but the first row has 2"),
        Arguments.of("a.csv", "1,a,\"[1, 2]\"\n2,b,\"[1, 2\"\n", "line 2: column 2: vector '[1, 2' has no closing ]"),
        Arguments.of("a.csv", "1,\"open quote,[1]\n", "unterminated quoted field"),
        Arguments.of("a.csv", "x,y\n", "no data rows after the header"),
        Arguments.of("a.csv", "\n\n", "no rows"),
        Arguments.of("a.tsv", "1\ta\t[1, b]\n", "'b' in the vector is not a number"),
        Arguments.of("a.jsonl", "{\"embedding\": [1, 2]}\n{\"embedding\": [1]}\n",
            "line 2: the vector has 1 values but the first has 2"),
        Arguments.of("a.jsonl", "{\"embedding\": [1, 2]}\n{\"embedding\": [1, 2\n",
            "line 2: not valid JSON"),
        Arguments.of("a.jsonl", "{\"embedding\": [1, 2]}\n\n{\"text\": \"x\"}\n",
            "line 3: no field 'embedding'"),
        Arguments.of("a.jsonl", "{\"embedding\": [1, \"two\"]}\n", "not a number"),
        Arguments.of("a.jsonl", "{\"a\": [1], \"b\": [2]}\n", "choose one with --field"),
        Arguments.of("a.jsonl", "\n", "no JSON lines"),
        Arguments.of("x-idx3-ubyte", "\u0001\u0002\u0003\u0004", "not an IDX file"),
        Arguments.of("a.parquet", "PAR1 this is not parquet PAR1", "not a readable Parquet file"),
        Arguments.of("a.npy.gz", "\u001f\u008b", "gunzip it first"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("texts")
  void badText(String name, String content, String expected) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    assertFails(file, expected);
  }

  @Test
  void binaryLayouts() throws IOException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putInt(2).putInt(1).putInt(2).putInt(3).putInt(4); // ivecs: d=2, then d=3 where 2 is due
    Path ivecs = dir.resolve("a.ivecs");
    Files.write(ivecs, java.util.Arrays.copyOf(b.array(), 24));
    assertFails(ivecs, "vector 1: has dimension 3 but row 0 has 2");
    Path idx = dir.resolve("ints-idx3-ubyte");
    Files.write(idx, new byte[] {0, 0, 0x0C, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 7});
    assertFails(idx, "IDX element type int32 is not supported");
  }

  @Test
  void emptyFilesOfEveryFormat() throws IOException {
    for (EmbeddingFormat f : EmbeddingFormat.values()) {
      Path file = dir.resolve("empty." + f.id());
      Files.createFile(file);
      assertFails(file, "empty file", f);
    }
  }

  @Test
  void missingAndUnreadableFiles() throws IOException {
    assertFails(dir.resolve("nope.npy"), "no such file");
    assertFails(dir.resolve("nope.csv"), "no such file");
    assertFails(dir, "is a folder", EmbeddingFormat.NPY);
    Path locked = dir.resolve("locked.csv");
    Files.writeString(locked, "1,2\n");
    if (locked.toFile().setReadable(false) && !Files.isReadable(locked)) { // root reads anyway
      assertFails(locked, "permission denied");
    }
  }

  @Test
  void unknownExtensionAsksForFormat() throws IOException {
    Path file = dir.resolve("vectors.bin");
    Files.writeString(file, "1");
    assertFails(file, "add --format");
  }

  @Test
  void parquetWithoutVectorColumn() throws IOException {
    Path file = dir.resolve("plain.parquet");
    Embeddings.write(file, org.gio.core.vectors.VectorSet.of(new float[] {1, 2}), null);
    assertFails(file, "no column 'text'", EmbeddingFormat.PARQUET, "text");
  }

  private static void assertFails(Path file, String expected) {
    assertFails(file, expected, null);
  }

  private static void assertFails(Path file, String expected, EmbeddingFormat format) {
    assertFails(file, expected, format, null);
  }

  private static void assertFails(Path file, String expected, EmbeddingFormat format, String column) {
    GioInputException e = assertThrows(GioInputException.class,
        () -> Embeddings.read(file, ReadOptions.defaults().withFormat(format).withColumn(column)));
    String m = e.getMessage();
    assertTrue(m.startsWith(file.toString() + ":"), "names the file: " + m);
    assertTrue(m.contains(expected), "'" + expected + "' in: " + m);
    assertEquals(-1, m.indexOf('\n'), "one line: " + m);
  }
}
