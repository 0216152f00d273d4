package org.gio.io.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by numpy (committed, made with Debian's python3-numpy) and our own round trip. */
class NpyReaderTest {
  @TempDir Path dir;

  private Path resource(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/npy/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void readsNumpyFloat32AndFloat64() throws IOException {
    for (String name : new String[] {"f32.npy", "f64.npy"}) {
      VectorSet v = NpyReader.read(resource(name));
      assertEquals(4, v.size());
      assertEquals(3, v.dim());
      assertEquals(11 / 8f, v.get(3, 2));
      assertEquals(1 / 8f, v.get(0, 1));
    }
  }

  @Test
  void roundTripsThroughTheWriter() throws IOException {
    VectorSet v = VectorSet.of(new float[] {1.5f, -2f}, new float[] {Float.MIN_VALUE, 3e30f},
        new float[] {0, 7});
    Path p = dir.resolve("out.npy");
    NpyWriter.write(p, v);
    VectorSet back = NpyReader.read(p);
    assertArrayEquals(v.data(), back.data());
    assertEquals(3, back.size());
    assertEquals(0, (Files.size(p) - v.data().length * 4L) % 64, "data aligned to 64 bytes");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  private void rejects(Path file, String fragment) {
    GioInputException e = assertThrows(GioInputException.class, () -> NpyReader.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void rejectsWhatItCannotReadWithTheFileAndTheFix() throws IOException {
    rejects(resource("fortran.npy"), "Fortran-order");
    rejects(resource("int32.npy"), "dtype <i4 is not supported");
    rejects(resource("bigendian.npy"), "dtype >f4 is not supported");
    rejects(resource("vector1d.npy"), "expected a 2-D array");
    Path empty = Files.createFile(dir.resolve("empty.npy"));
    rejects(empty, "empty file");
    Path text = Files.writeString(dir.resolve("text.npy"), "id,x\n1,2\n");
    rejects(text, "not a .npy file");
    byte[] whole = Files.readAllBytes(resource("f32.npy"));
    Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(whole, whole.length - 5));
    rejects(cut, "truncated");
    rejects(dir.resolve("missing.npy"), "no such file");
  }
}
