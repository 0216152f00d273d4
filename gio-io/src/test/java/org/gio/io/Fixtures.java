package org.gio.io;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the committed fixtures (see src/test/resources/fixtures/make_fixtures.py). */
public final class Fixtures {
  private Fixtures() {}

  public static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }
}
