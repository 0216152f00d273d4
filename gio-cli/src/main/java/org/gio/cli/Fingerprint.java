package org.gio.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gio.core.GioInputException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What a checkpoint must match to be resumed: one {@code name=value} line per input file (size,
 * modification time and a SHA-256 of a few blocks: the first, the last and six between, 64 KiB
 * each, so a 30 GB pool costs 512 KiB of reading), per option given on the command line, and for
 * the resolved configuration and compute kernels (defaults included). Outputs, the checkpoint's own
 * options, --threads and the console options are left out: they do not change the selection.
 */
final class Fingerprint {
  private static final int BLOCK = 64 << 10;
  private static final int BLOCKS = 8;
  /** Options that do not change what is selected. */
  private static final Set<String> IGNORED = Set.of("--out", "--out-rows", "--out-lines", "--report",
      "--plot", "--plot-scatter", "--checkpoint", "--checkpoint-every", "--resume", "--quiet",
      "--verbose", "--threads", "--help", "--version");

  private Fingerprint() {}

  /** The lines for this command line: the loop, its options, its input files, and {@code extra} lines. */
  static List<String> of(ParseResult parsed, CheckpointFile.Loop loop, List<String> extra) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("gio checkpoint of " + loop.label);
    for (OptionSpec option : parsed.matchedOptions()) {
      String name = option.longestName();
      if (IGNORED.contains(name)) {
        continue;
      }
      Object value = option.getValue();
      if (value instanceof Path path) {
        lines.add(name + "=" + file(path));
      } else {
        lines.add(name + "=" + String.join(" ", option.stringValues()));
      }
    }
    lines.addAll(extra);
    java.util.Collections.sort(lines.subList(1, lines.size())); // the options' order does not matter
    return lines;
  }

  /**
   * Fails with one line when {@code saved} (a checkpoint's lines) differs from {@code now}, naming
   * the first difference.
   */
  static void check(Path checkpoint, List<String> saved, List<String> now) {
    if (saved.equals(now)) {
      return;
    }
    for (String line : now) {
      if (!saved.contains(line)) {
        throw refused(checkpoint, describe(line, saved));
      }
    }
    for (String line : saved) {
      if (!now.contains(line)) {
        String key = key(line);
        throw refused(checkpoint, key + " was given then and is not now");
      }
    }
    throw refused(checkpoint, "an option is given twice");
  }

  private static String describe(String line, List<String> saved) {
    String key = key(line);
    boolean before = saved.stream().anyMatch(s -> key(s).equals(key));
    if (line.contains("=file ")) {
      return key + " " + line.substring(line.indexOf("=file ") + 6, line.indexOf(' ', line.indexOf("=file ") + 6))
          + (before ? " changed since the checkpoint (size, modification time or content)" : " was not given then");
    }
    return before ? key + " differs" : key + " was not given then";
  }

  private static String key(String line) {
    int eq = line.indexOf('=');
    return eq < 0 ? line : line.substring(0, eq);
  }

  private static GioInputException refused(Path checkpoint, String what) {
    return new GioInputException(checkpoint + ": the checkpoint is from other inputs or options ("
        + what + "); run the original command, or start again without --resume");
  }

  /** A file's line: its name, size, modification time and the hash of its sampled blocks. */
  static String file(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      StringBuilder b = new StringBuilder("directory");
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          b.append(' ').append(f.getFileName()).append(':').append(blocks(f));
        }
      }
      return "file " + path.getFileName() + " " + b;
    }
    if (!Files.isRegularFile(path)) {
      return "file " + path.getFileName() + " missing";
    }
    return "file " + path.getFileName() + " " + blocks(path);
  }

  private static String blocks(Path path) throws IOException {
    long size = Files.size(path);
    long modified = Files.getLastModifiedTime(path).toMillis();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
      long last = Math.max(0, size - BLOCK);
      for (int b = 0; b < BLOCKS; b++) {
        long at = last * b / (BLOCKS - 1); // first, evenly between, last (overlapping when small)
        buffer.clear();
        while (buffer.hasRemaining() && in.read(buffer, at + buffer.position()) > 0) {
          // fill the block (a read may return fewer bytes)
        }
        buffer.flip();
        sha.update(buffer);
      }
    }
    return "size " + size + " modified " + modified + " sha256 "
        + HexFormat.of().formatHex(sha.digest(), 0, 16);
  }
}
