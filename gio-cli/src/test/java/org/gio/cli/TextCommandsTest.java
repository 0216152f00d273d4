package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gio.core.vectors.VectorSet;
import org.gio.io.npy.NpyReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gio select --pool-text} and {@code gio embed} end to end on the committed corpus. */
class TextCommandsTest {
  private static Path corpus;
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void find() throws URISyntaxException {
    corpus = Path.of(TextCommandsTest.class.getResource("/text/pool.txt").toURI()).getParent();
  }

  private int run(String... args) {
    CommandLine cl = Gio.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private List<String> labels() throws IOException {
    return Files.readAllLines(corpus.resolve("pool-labels.txt"));
  }

  @Test
  void selectsTargetDomainLinesFromText() throws IOException {
    Path out = dir.resolve("chosen.txt");
    Path lines = dir.resolve("chosen-lines.txt");
    Path report = dir.resolve("run.json");
    int code = run("select", "--pool-text", corpus.resolve("pool.txt").toString(),
        "--target-text", corpus.resolve("target.txt").toString(),
        "--out", out.toString(), "--out-lines", lines.toString(), "--report", report.toString());
    assertEquals(0, code, err.toString());
    List<String> idx = Files.readAllLines(out);
    List<String> chosen = Files.readAllLines(lines, StandardCharsets.UTF_8);
    List<String> pool = Files.readAllLines(corpus.resolve("pool.txt"));
    List<String> labels = labels();
    assertTrue(idx.size() >= 10, "selected " + idx.size());
    assertEquals(idx.size(), chosen.size());
    int astro = 0;
    for (int i = 0; i < idx.size(); i++) {
      int row = Integer.parseInt(idx.get(i));
      assertEquals(pool.get(row), chosen.get(i), "lines in selection order");
      astro += labels.get(row).equals("astro") ? 1 : 0;
    }
    assertTrue(astro >= 0.9 * idx.size(), astro + " of " + idx.size() + " on the target topic");
    String json = Files.readString(report);
    assertTrue(json.contains("minilm (all-MiniLM-L6-v2"), json); // the default embedder
  }

  @Test
  void jsonlPoolWithATextFieldSelectsTheSameRowsAndWritesRecords() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    Path lines = dir.resolve("b-lines.jsonl");
    assertEquals(0, run("select", "--pool-text", corpus.resolve("pool.txt").toString(),
        "--target-text", corpus.resolve("target.txt").toString(), "--out", a.toString()), err.toString());
    // Same documents, read from JSONL: the target as plain lines needs the same reader, so
    // convert it to JSONL too.
    Path target = dir.resolve("target.jsonl");
    StringBuilder sb = new StringBuilder();
    for (String l : Files.readAllLines(corpus.resolve("target.txt"))) {
      sb.append("{\"body\": \"").append(l).append("\"}\n");
    }
    Files.writeString(target, sb.toString());
    assertEquals(0, run("select", "--pool-text", corpus.resolve("pool.jsonl").toString(),
        "--target-text", target.toString(), "--text-field", "body",
        "--out", b.toString(), "--out-lines", lines.toString()), err.toString());
    assertEquals(Files.readAllLines(a), Files.readAllLines(b));
    assertTrue(Files.readAllLines(lines).get(0).startsWith("{\"id\": "));
  }

  @Test
  void embedWritesOneRowPerLine() throws IOException {
    Path out = dir.resolve("pool.npy");
    assertEquals(0, run("embed", "--input", corpus.resolve("pool.txt").toString(),
        "--out", out.toString(), "--dim", "64"), err.toString());
    VectorSet v = NpyReader.read(out);
    assertEquals(120, v.size());
    assertEquals(64, v.dim());
    assertTrue(err.toString().contains("lines/s"), err.toString());
  }

  @Test
  void embedRunsAnOnnxModel() throws IOException {
    // gio-io's tiny test model; tests run in the module folder.
    Path model = Path.of("../gio-io/src/test/resources/text/tiny-bert");
    assertTrue(Files.isRegularFile(model.resolve("model.onnx")), model.toAbsolutePath().toString());
    Path out = dir.resolve("pool.npy");
    assertEquals(0, run("embed", "--input", corpus.resolve("pool.txt").toString(),
        "--out", out.toString(), "--embedder", "onnx", "--model", model.toString()), err.toString());
    assertEquals(16, NpyReader.read(out).dim());
  }

  @Test
  void badInputExitsThreeAndLeavesNoOutput() throws IOException {
    Path out = dir.resolve("o.txt");
    Path lines = dir.resolve("l.txt");
    Path target = corpus.resolve("target.txt");

    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "fine\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(3, run("select", "--pool-text", latin1.toString(), "--target-text", target.toString(),
        "--out", out.toString(), "--out-lines", lines.toString()));
    assertTrue(err.toString().contains("latin1.txt: line 2: invalid UTF-8"), err.toString());

    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    assertEquals(3, run("select", "--pool-text", empty.toString(), "--target-text", target.toString(),
        "--out", out.toString()));
    assertTrue(err.toString().contains("empty.txt: no documents"), err.toString());

    assertEquals(3, run("select", "--pool-text", dir.resolve("absent.txt").toString(),
        "--target-text", target.toString(), "--out", out.toString()));
    assertTrue(err.toString().contains("absent.txt: no such file"), err.toString());

    Path unreadable = dir.resolve("unreadable.txt");
    Files.writeString(unreadable, "x\n");
    if (unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable)) { // root reads all
      assertEquals(3, run("embed", "--input", unreadable.toString(), "--out", out.toString()));
    }

    assertEquals(3, run("embed", "--input", target.toString(), "--out", dir.resolve("e.npy").toString(),
        "--embedder", "onnx", "--model", dir.resolve("no-model").toString()));
    assertTrue(err.toString().contains("expected a folder holding model.onnx and tokenizer.json or vocab.txt"), err.toString());

    assertFalse(Files.exists(out));
    assertFalse(Files.exists(lines));
    assertFalse(Files.exists(dir.resolve("e.npy")));
  }

  @Test
  void usageErrorsNameTheMissingInput() {
    assertEquals(2, run("select", "--out", dir.resolve("o.txt").toString()));
    assertTrue(err.toString().contains("--pool FILE (.npy vectors) or --pool-text FILE"), err.toString());
    assertEquals(2, run("select", "--pool-text", "p.txt", "--target", "t.npy", "--out", "o.txt"));
    assertEquals(2, run("select", "--pool", "p.npy", "--target", "t.npy", "--out", "o.txt", "--out-lines", "l.txt"));
    assertEquals(2, run("embed", "--input", "p.txt", "--out", "o.npy", "--embedder", "onnx"));
    assertEquals(2, run("embed", "--input", "p.txt", "--out", "o.npy", "--embedder", "bert"));
  }
}
