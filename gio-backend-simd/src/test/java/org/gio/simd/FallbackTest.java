package org.gio.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gio.core.backend.Backends;
import org.gio.core.vectors.VectorOps;
import org.junit.jupiter.api.Test;

/** A JVM started without the incubator module still runs the simd backend, on scalar kernels. */
class FallbackTest {

  /** Run in the child JVM: wires the simd backend by name and prints the kernels' name. */
  public static void main(String[] args) {
    System.out.println("kernels=" + Backends.injector("simd").getInstance(VectorOps.class).name());
    System.out.println("priority=" + new SimdBackend().priority());
  }

  @Test
  void withoutTheFlagItWarnsOnceAndUsesScalar() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    FallbackTest.class.getName()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("kernels=scalar"), output);
    assertTrue(output.contains("priority=-1"), output);
    long warnings = output.lines().filter(l -> l.contains(SimdKernels.FLAG)).count();
    assertEquals(1, warnings, output);
  }
}
