package org.gio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gio.core.GioInputException;

/** Checks output paths before any work, so a doomed run fails in milliseconds, not at the end. */
final class OutputPaths {
  private OutputPaths() {}

  static void check(List<Path> outputs, Path... inputs) {
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (Path output : outputs) {
      if (output == null) {
        continue;
      }
      Path absolute = output.toAbsolutePath().normalize();
      if (!seen.add(absolute)) {
        throw new GioInputException(
            output + ": given for two outputs; give each output its own path");
      }
      for (Path input : inputs) {
        if (input != null && absolute.equals(input.toAbsolutePath().normalize())) {
          throw new GioInputException(
              output + ": is also an input; choose another output path");
        }
      }
      Path folder = Objects.requireNonNullElse(absolute.getParent(), absolute.getRoot());
      if (!Files.isDirectory(folder)) {
        throw new GioInputException(
            output + ": folder " + folder + " does not exist; create it first");
      }
      if (!Files.isWritable(folder)) {
        throw new GioInputException(output + ": folder " + folder + " is not writable");
      }
      if (Files.isDirectory(absolute)) {
        throw new GioInputException(output + ": is a folder; give a file path");
      }
    }
  }
}
