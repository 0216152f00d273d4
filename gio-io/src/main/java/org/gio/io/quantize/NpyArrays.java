package org.gio.io.quantize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gio.core.GioInputException;

/**
 * The .npy header, read without loading the data (for chunked reads), and a 1-D int32 array
 * writer/reader for the assignment. Kept here, small, until gio-io's npy package exposes a header
 * reader for streaming.
 */
final class NpyArrays {
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** dtype as numpy spells it (e.g. {@code <f4}), shape, and where the data starts. */
  record Header(String descr, long[] shape, long dataOffset) {}

  private NpyArrays() {}

  static Header header(Path file, FileChannel channel) throws IOException {
    ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    channel.position(0);
    while (pre.hasRemaining() && channel.read(pre) >= 0) {
      // fill
    }
    pre.flip();
    if (pre.remaining() < 10 || pre.get(0) != (byte) 0x93 || pre.get(1) != 'N') {
      throw new GioInputException(file + ": not a .npy file (the NUMPY magic string is missing)");
    }
    int major = pre.get(6);
    int length = major == 1 ? pre.getShort(8) & 0xffff : pre.getInt(8);
    int prefix = major == 1 ? 10 : 12;
    ByteBuffer dict = ByteBuffer.allocate(length);
    channel.position(prefix);
    while (dict.hasRemaining() && channel.read(dict) >= 0) {
      // fill
    }
    String text = new String(dict.array(), StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(text);
    Matcher f = FORTRAN.matcher(text);
    Matcher s = SHAPE.matcher(text);
    if (!d.find() || !f.find() || !s.find()) {
      throw new GioInputException(file + ": malformed .npy header: " + text.trim());
    }
    if ("True".equals(f.group(1))) {
      throw new GioInputException(file + ": Fortran-order arrays are not supported");
    }
    long[] shape =
        java.util.Arrays.stream(s.group(1).split(","))
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .mapToLong(Long::parseLong)
            .toArray();
    return new Header(d.group(1), shape, prefix + (long) length);
  }

  static void writeInts(OutputStream out, int[] values) throws IOException {
    String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (" + values.length + ",), }";
    int unpadded = 10 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    prefix.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    prefix.put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.write(prefix.array());
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; ) {
      buf.clear();
      while (i < values.length && buf.remaining() >= 4) {
        buf.putInt(values[i++]);
      }
      out.write(buf.array(), 0, buf.position());
    }
  }

  static int[] readInts(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      Header h = header(file, ch);
      if (!h.descr().equals("<i4") || h.shape().length != 1) {
        throw new GioInputException(file + ": expected a 1-D '<i4' array, got " + h.descr()
            + " of shape " + java.util.Arrays.toString(h.shape()));
      }
      long n = h.shape()[0];
      if (ch.size() - h.dataOffset() < n * 4) {
        throw new GioInputException(file + ": truncated: expected " + n + " int32 values");
      }
      int[] out = new int[Math.toIntExact(n)];
      ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      ch.position(h.dataOffset());
      int filled = 0;
      while (filled < out.length) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), (out.length - filled) * 4L));
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          // fill
        }
        buf.flip();
        int k = buf.remaining() / 4;
        buf.asIntBuffer().get(out, filled, k);
        filled += k;
      }
      return out;
    }
  }
}
