package org.gio.io.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gio.core.GioInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {
  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static List<TextRecord> read(TextSource s) throws IOException {
    List<TextRecord> out = new ArrayList<>();
    s.forEach(out::add);
    return out;
  }

  @Test
  void everyLineIsARowWhateverTheLineEnding() throws IOException {
    Path p = file("a.txt", "\uFEFFfirst\r\n\nthird é\nlast without newline".getBytes(StandardCharsets.UTF_8));
    List<TextRecord> rows = read(TextSource.lines(p));
    assertEquals(4, rows.size());
    assertEquals("first", rows.get(0).text());
    assertEquals("", rows.get(1).text());
    assertEquals("third é", rows.get(2).text());
    assertEquals("last without newline", rows.get(3).text());
    assertEquals(3, rows.get(2).line());
    assertEquals(2, rows.get(2).row());
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws IOException {
    byte[] bytes = "ok\nfine\nbad \u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1);
    Path p = file("latin1.txt", bytes);
    GioInputException e = assertThrows(GioInputException.class, () -> read(TextSource.lines(p)));
    assertTrue(e.getMessage().contains("latin1.txt: line 3: invalid UTF-8"), e.getMessage());
    assertTrue(e.getMessage().contains("0xe9"), e.getMessage());
  }

  @Test
  void anEmptyFileHasNoDocuments() throws IOException {
    Path p = file("empty.txt", new byte[0]);
    GioInputException e = assertThrows(GioInputException.class, () -> read(TextSource.lines(p)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void jsonlReadsTheNamedFieldAndSkipsBlankLines() throws IOException {
    Path p = file("d.jsonl", ("{\"text\":\"héllo\",\"id\":1}\n\n{\"text\":\"world\"}\n").getBytes(StandardCharsets.UTF_8));
    List<TextRecord> rows = read(TextSource.of(p, null));
    assertEquals(2, rows.size());
    assertEquals("héllo", rows.get(0).text());
    assertEquals("{\"text\":\"world\"}", rows.get(1).raw());
    assertEquals(3, rows.get(1).line());
    Path q = file("e.json", "{\"body\":\"x\"}\n{\"title\":\"y\"}\n".getBytes(StandardCharsets.UTF_8));
    GioInputException e = assertThrows(GioInputException.class, () -> read(TextSource.of(q, "body")));
    assertTrue(e.getMessage().contains("line 2: no field \"body\""), e.getMessage());
    Path r = file("f.jsonl", "{\"text\":3}\n".getBytes(StandardCharsets.UTF_8));
    e = assertThrows(GioInputException.class, () -> read(TextSource.of(r, null)));
    assertTrue(e.getMessage().contains("line 1: field \"text\" is number"), e.getMessage());
    Path s = file("g.jsonl", "{\"text\": \"unterminated\n".getBytes(StandardCharsets.UTF_8));
    e = assertThrows(GioInputException.class, () -> read(TextSource.of(s, null)));
    assertTrue(e.getMessage().contains("line 1: not valid JSON"), e.getMessage());
  }

  @Test
  void aMissingFileIsAnIoError() {
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> read(TextSource.lines(dir.resolve("absent.txt"))));
  }
}
