package org.gio.io.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Debian text the repository ships in examples/text (its README states source and licence). */
final class ShippedCorpus {
  static final Path DIR = Path.of("..", "examples", "text");

  private ShippedCorpus() {}

  static List<String> changelog() throws IOException {
    return Files.readAllLines(DIR.resolve("debian-changelog.txt"), StandardCharsets.UTF_8);
  }

  static List<String> descriptions() throws IOException {
    return Files.readAllLines(DIR.resolve("debian-descriptions.txt"), StandardCharsets.UTF_8);
  }

  static List<String> synopses() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(DIR.resolve("debian-synopses.tsv"), StandardCharsets.UTF_8)) {
      out.add(line.substring(line.indexOf('\t') + 1));
    }
    return out;
  }

  /** Every shipped line: changelog lines, descriptions, synopses. */
  static List<String> all() throws IOException {
    List<String> out = new ArrayList<>(changelog());
    out.addAll(descriptions());
    out.addAll(synopses());
    return out;
  }

  /** A fixed mix of {@code n} lines from the three files (every k-th line of each). */
  static List<String> sample(int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (List<String> part : List.of(changelog(), descriptions(), synopses())) {
      int take = n / 3;
      int step = Math.max(1, part.size() / take);
      for (int i = 0; i < part.size() && out.size() < n && take-- > 0; i += step) {
        out.add(part.get(i));
      }
    }
    return out;
  }
}
