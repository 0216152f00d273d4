package org.gio.io.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.gio.core.GioInputException;
import org.gio.io.ReadProgress;

/**
 * Opens input files for the stream readers: checks the file is there and not empty, looks through
 * gzip by its magic bytes (not the name: MNIST mirrors ship both), and counts compressed bytes for
 * the progress bar.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /** Fails with one clear line when {@code file} cannot be read at all or is empty. */
  public static long checkReadable(Path file) {
    if (Files.isDirectory(file)) {
      throw new GioInputException(file + ": is a folder; give a file");
    }
    if (!Files.exists(file)) {
      throw new GioInputException(file + ": no such file");
    }
    if (!Files.isReadable(file)) {
      throw new GioInputException(file + ": permission denied; check the file's permissions");
    }
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new GioInputException(file + ": empty file; it holds no embeddings");
      }
      return size;
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** An input stream over the (decompressed) content, reporting compressed bytes to progress. */
  public static InputStream open(Path file, ReadProgress progress) {
    long size = checkReadable(file);
    try {
      InputStream raw = new Counting(Files.newInputStream(file), size, progress);
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return in;
    } catch (IOException e) {
      throw cannotRead(file, e);
    }
  }

  /** The one-line failure for an I/O error while reading {@code file}. */
  public static GioInputException cannotRead(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new GioInputException(file + ": no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new GioInputException(file + ": permission denied; check the file's permissions", e);
    }
    if (e instanceof java.io.EOFException) {
      return new GioInputException(file + ": truncated (unexpected end of file); re-export it", e);
    }
    if (e instanceof java.util.zip.ZipException) {
      return new GioInputException(file + ": corrupt gzip data (" + e.getMessage()
          + "); re-download or re-compress it", e);
    }
    return new GioInputException(file + ": cannot be read: " + e.getMessage(), e);
  }

  private static final class Counting extends FilterInputStream {
    private final long total;
    private final ReadProgress progress;
    private long done;
    private long reported;

    Counting(InputStream in, long total, ReadProgress progress) {
      super(in);
      this.total = total;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      done += n;
      if (done - reported >= (1 << 20) || done == total) {
        reported = done;
        progress.update(done, total);
      }
    }
  }
}
