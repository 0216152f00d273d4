package org.gio.io.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gio.core.GioInputException;

/**
 * Reads a byte stream as lines of strict UTF-8 with 1-based line numbers. Lines end at {@code \n}
 * (a {@code \r} before it is dropped); a final line without a terminator still counts. Invalid
 * bytes fail with the file name, the line and the byte column, because a silently replaced
 * character would change what gets selected without anyone noticing.
 */
final class Utf8LineReader implements Closeable {
  private final InputStream in;
  private final String name;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private CharBuffer chars = CharBuffer.allocate(256);
  private long lineNumber;
  private boolean eof;

  Utf8LineReader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The 1-based number of the line last returned by {@link #next()}. */
  long lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  String next() throws IOException {
    int len = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      len = append(len, start, end);
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        break;
      }
    }
    lineNumber++;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    int from = 0;
    if (lineNumber == 1 && len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
        && (line[2] & 0xff) == 0xBF) {
      from = 3; // a UTF-8 byte-order mark is not text
    }
    return decode(from, len);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private int append(int len, int start, int end) {
    int n = end - start;
    if (len + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
    }
    System.arraycopy(buf, start, line, len, n);
    return len + n;
  }

  private String decode(int from, int len) {
    boolean ascii = true;
    for (int i = from; i < len; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(line, from, len - from, StandardCharsets.ISO_8859_1);
    }
    if (chars.capacity() < len) {
      chars = CharBuffer.allocate(len);
    }
    chars.clear();
    ByteBuffer bytes = ByteBuffer.wrap(line, from, len - from);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      int column = bytes.position() + 1; // 1-based byte column within the line
      throw new GioInputException(
          String.format(
              "%s: line %d: invalid UTF-8 (byte 0x%02x at byte %d of the line); "
                  + "convert the file to UTF-8 first, e.g. with iconv",
              name, lineNumber, line[bytes.position()] & 0xff, column - from));
    }
    chars.flip();
    return chars.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
