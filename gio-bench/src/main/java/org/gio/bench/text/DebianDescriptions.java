package org.gio.bench.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Package descriptions from a Debian package list ({@code apt-cache dumpavail} output), each
 * labelled with its archive section: text that ships with every Debian machine, with a known
 * topic per document. A document is the synopsis and the long description on one line; packages
 * with identical text (binary variants of one source) are kept once.
 */
final class DebianDescriptions {
  record Doc(String section, String text) {}

  private DebianDescriptions() {}

  static List<Doc> read(Path dumpavail) throws IOException {
    Map<String, Doc> byText = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(dumpavail, StandardCharsets.UTF_8)) {
      String section = null;
      StringBuilder desc = null;
      boolean inDesc = false; // Section usually comes after the description
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty()) {
          add(byText, section, desc);
          section = null;
          desc = null;
          inDesc = false;
        } else if (line.startsWith("Section: ")) {
          String s = line.substring(9).trim();
          section = s.substring(s.lastIndexOf('/') + 1); // contrib/games -> games
        } else if (line.startsWith("Description: ")) {
          desc = new StringBuilder(line.substring(13).trim());
          inDesc = true;
        } else if (inDesc && line.startsWith(" ")) {
          String t = line.trim();
          if (!t.equals(".")) {
            desc.append(' ').append(t);
          }
        } else if (!line.startsWith(" ")) {
          inDesc = false;
        }
      }
      add(byText, section, desc);
    }
    return new ArrayList<>(byText.values());
  }

  private static void add(Map<String, Doc> byText, String section, StringBuilder desc) {
    if (section != null && desc != null && desc.length() > 0) {
      byText.putIfAbsent(desc.toString(), new Doc(section, desc.toString()));
    }
  }
}
