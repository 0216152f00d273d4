package org.gio.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and a rename, so readers see either the old file or
 * the complete new one, never a partial write.
 */
public final class AtomicFiles {

  /** The body of a write. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /** The body of a write done by another program or library that needs a path, not a stream. */
  @FunctionalInterface
  public interface PathWriter {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Like {@link #write(Path, Writer)} for writers that open the file themselves (DuckDB's COPY,
   * image encoders): {@code body} must (over)write the temporary path it is given.
   */
  public static void writePath(Path target, PathWriter body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IOException("output folder " + folder + " does not exist; create it first");
    }
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      body.writeTo(temp);
      move(temp, absolute);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path absolute) throws IOException {
    try {
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Runs {@code body} against a temporary file in {@code target}'s folder and renames it to
   * {@code target} when the body succeeds; on failure the temporary file is deleted.
   */
  public static void write(Path target, Writer body) throws IOException {
    writePath(target, temp -> {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp))) {
        body.writeTo(out);
      }
    });
  }
}
