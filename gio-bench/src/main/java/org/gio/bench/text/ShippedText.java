package org.gio.bench.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The corpus in examples/text (source and licence in its README). */
final class ShippedText {
  record Labelled(String label, String text) {}

  private ShippedText() {}

  /** Every line: synopses, descriptions, changelog lines. */
  static List<String> lines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (Labelled l : synopses(dir)) {
      out.add(l.text());
    }
    out.addAll(read(dir, "debian-descriptions.txt"));
    out.addAll(read(dir, "debian-changelog.txt"));
    return out;
  }

  /** Synopses labelled with their archive section. */
  static List<Labelled> synopses(Path dir) throws IOException {
    List<Labelled> out = new ArrayList<>();
    for (String line : read(dir, "debian-synopses.tsv")) {
      int tab = line.indexOf('\t');
      out.add(new Labelled(line.substring(0, tab), line.substring(tab + 1)));
    }
    return out;
  }

  static List<String> read(Path dir, String name) throws IOException {
    Path f = dir.resolve(name);
    if (!Files.isRegularFile(f)) {
      throw new IOException(f + " not found; run from the repository root or give corpus=DIR");
    }
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }
}
