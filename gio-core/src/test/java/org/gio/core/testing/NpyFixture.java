package org.gio.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gio.core.vectors.VectorSet;

/**
 * Reads the parity fixtures' .npy files (version 1.0, little-endian float32, C order, 2-D) from
 * the class path. Test support only: core has no file formats; the product reader, with every
 * dtype and clear errors, is gio-io's.
 */
public final class NpyFixture {
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

  private NpyFixture() {}

  public static VectorSet read(String resource) {
    try (InputStream in = NpyFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      ByteBuffer buf = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      int headerLength = buf.getShort(8) & 0xffff;
      String header = new String(buf.array(), 10, headerLength, StandardCharsets.ISO_8859_1);
      if (!header.contains("'<f4'") || !header.contains("'fortran_order': False")) {
        throw new IllegalArgumentException(resource + ": fixture is not C-order <f4: " + header);
      }
      Matcher m = SHAPE.matcher(header);
      if (!m.find()) {
        throw new IllegalArgumentException(resource + ": fixture is not 2-D: " + header);
      }
      int rows = Integer.parseInt(m.group(1));
      int cols = Integer.parseInt(m.group(2));
      float[] data = new float[rows * cols];
      buf.position(10 + headerLength);
      buf.asFloatBuffer().get(data);
      return VectorSet.wrap(data, rows, cols);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
