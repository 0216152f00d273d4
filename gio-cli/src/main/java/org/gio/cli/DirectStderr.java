package org.gio.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.Charset;

/**
 * Points {@code System.err} at the descriptor the launcher passes in {@code gio.stderr.fd}: the
 * real stderr, while the JVM's own descriptor 2 runs through the filter that drops the module
 * system's incubator warning (see the {@code gio} script). Without the property, or where the JVM
 * does not allow it, System.err stays as it is and output still arrives, through the filter.
 */
final class DirectStderr {
  static final String PROPERTY = "gio.stderr.fd";

  private DirectStderr() {}

  static void install() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      FileDescriptor fd = new FileDescriptor();
      // No public constructor takes a descriptor number; the launcher opens java.io for this.
      Field number = FileDescriptor.class.getDeclaredField("fd");
      number.setAccessible(true);
      number.setInt(fd, Integer.parseInt(value.trim()));
      if (fd.valid()) {
        System.setErr(new PrintStream(new FileOutputStream(fd), true, encoding()));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // keep System.err on descriptor 2: still correct, one pipe further from the terminal
    }
  }

  /** The encoding the JVM chose for stderr (a property since JDK 19; sun.* before). */
  private static Charset encoding() {
    String name = System.getProperty("stderr.encoding", System.getProperty("sun.stderr.encoding"));
    try {
      return name != null ? Charset.forName(name) : Charset.defaultCharset();
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }
}
