package org.gio.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.io.Embeddings;
import org.gio.io.ReadProgress;
import org.gio.io.idx.IdxReader;
import org.gio.io.npy.NpyReader;
import org.gio.io.npy.NpySource;
import org.junit.jupiter.api.Test;

/**
 * One regression test per fuzzing finding (gio-io/README.md, "Fuzzing"): each input once escaped
 * the readers as an exception other than the declared input error, or allocated what its header
 * claimed. Now each is one line of bad input.
 */
class FuzzFindingsTest {
  private static GioInputException badInput(String name, byte[] bytes, String fragment) {
    Path file = FuzzFiles.write(name, bytes);
    GioInputException e = assertThrows(GioInputException.class, () -> Embeddings.read(file));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e;
  }

  static byte[] npy(String dict) {
    String text = dict + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) text.length()).put(text.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }

  @Test
  void npyShapeThatIsNotANumber() { // was NumberFormatException
    badInput("a.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (sixty, 3), }"),
        "malformed header");
  }

  @Test
  void npyNegativeShape() { // was NegativeArraySizeException
    badInput("b.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-5, 3), }"),
        "malformed header");
  }

  @Test
  void npyShapeBeyondALong() { // was NumberFormatException
    badInput("c.npy", npy("{'descr': '<f4', 'fortran_order': False, "
        + "'shape': (99999999999999999999, 3), }"), "malformed header");
  }

  @Test
  void npyDtypeHoldingANewline() { // the message split over two lines (Jazzer, 108,771 executions)
    badInput("e.npy", npy("{'descr': '\u0001\n8', 'fortran_order': False, 'shape': (2, 2), }"),
        "dtype <\\n8 is not supported");
  }

  @Test
  void npyShapeWhoseProductOverflows() { // rows × cols × 4 wrapped negative and passed the check
    byte[] bytes = npy("{'descr': '<f4', 'fortran_order': False, "
        + "'shape': (4611686018427387904, 4), }");
    badInput("d.npy", bytes, "truncated");
    Path file = FuzzFiles.write("d2.npy", bytes);
    assertThrows(GioInputException.class, () -> NpySource.open(file).close());
  }

  @Test
  void npyHeaderWithControlCharactersStaysOneLine() {
    GioInputException e = badInput("e.npy", npy("{'descr'\n\r\u0007: 1}"), "malformed header");
    assertTrue(!e.getMessage().contains("\r") && !e.getMessage().contains("\u0007"));
  }

  @Test
  void npyColumnsBeyondAnInt() { // was ArithmeticException in NpySource (toIntExact)
    Path file = FuzzFiles.write("f.npy",
        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4294967296), }"));
    assertThrows(GioInputException.class, () -> NpySource.open(file).close());
    assertThrows(GioInputException.class, () -> NpyReader.read(file));
  }

  /**
   * The fuzzer's first IDX find, made plain: 500,000,000 items of 2 × 2 claimed by a 28-byte file
   * (the reader allocated the claimed 8 GB before reading a value).
   */
  @Test
  void idxHeaderClaimingMoreItemsThanTheFileHolds() { // was OutOfMemoryError
    byte[] bytes = ByteBuffer.allocate(28).putInt(0x00000803).putInt(500_000_000).putInt(2)
        .putInt(2).array();
    Path file = FuzzFiles.write("g-idx3-ubyte", bytes);
    GioInputException e = assertThrows(GioInputException.class,
        () -> IdxReader.read(file, ReadProgress.NONE, null));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  /** Jazzer's CSV find: a --column value (or header cell) holding a newline split the message. */
  @Test
  void csvColumnNameWithANewlineStaysOneLine() {
    Path file = FuzzFiles.write("h.csv", "idx,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    GioInputException e = assertThrows(GioInputException.class, () -> Embeddings.read(file,
        org.gio.io.ReadOptions.defaults().withColumn("a,b,c\n1.")));
    assertTrue(e.getMessage().contains("no column named 'a,b,c\\n1.'"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aQuotedCsvCellWithANewlineStaysOneLine() {
    badInput("i.csv", "1,2\n3,\"4\n5\"\n".getBytes(StandardCharsets.UTF_8), "not a number");
  }

  /** Jazzer's vocab find: a vocab.txt that is not UTF-8 threw MalformedInputException. */
  @Test
  void vocabularyThatIsNotUtf8() {
    Path vocab = FuzzFiles.write("vocab.txt", new byte[] {'[', 'C', 'L', 'S', ']', '\n',
        (byte) 0x80, ']', '\n'});
    GioInputException e = assertThrows(GioInputException.class,
        () -> org.gio.io.text.WordPieceTokenizer.load(vocab, true));
    assertTrue(e.getMessage().startsWith(vocab + ": line"), e.getMessage());
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
  }

  @Test
  void vocabularyWithoutSpecialTokensNamesTheFile() {
    Path vocab = FuzzFiles.write("vocab2.txt", "hello\nworld\n".getBytes(StandardCharsets.UTF_8));
    GioInputException e = assertThrows(GioInputException.class,
        () -> org.gio.io.text.WordPieceTokenizer.load(vocab, true));
    assertTrue(e.getMessage().startsWith(vocab + ": the vocabulary has no [CLS]"), e.getMessage());
  }
}
