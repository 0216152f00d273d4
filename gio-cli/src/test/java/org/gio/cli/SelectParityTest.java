package org.gio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gio.core.testing.ParityCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every parity fixture through {@code gio select}, files in and files out. */
class SelectParityTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> selectCommandReproducesTheFixtures() {
    return Stream.of("scalar/exact", "simd/exact", "simd/hnsw")
        .flatMap(pair -> ParityCase.selectionCases().stream()
            .map(c -> DynamicTest.dynamicTest(pair + " " + c.name,
                () -> check(c, pair.split("/")[0], pair.split("/")[1]))));
  }

  private Path copy(String caseName, String file) throws IOException {
    Path target = dir.resolve(caseName + "-" + file);
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = getClass().getResourceAsStream(ParityCase.resource(caseName, file))) {
      Files.copy(in, target);
    }
    return target;
  }

  private void check(ParityCase c, String backend, String index) throws IOException {
    Path out = dir.resolve(backend + "-" + index + "-" + c.name + "-chosen.txt");
    Path report = dir.resolve(backend + "-" + index + "-" + c.name + "-report.json");
    List<String> args = new ArrayList<>(List.of("select",
        "--pool", copy(c.name, "pool.npy").toString(),
        "--target", copy(c.name, "target.npy").toString(),
        "--init", copy(c.name, "init.npy").toString(),
        "--out", out.toString(), "--report", report.toString(), "--quiet", "--faithful",
        "--backend", backend, "--index", index));
    for (Iterator<Map.Entry<String, JsonNode>> it = c.params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String flag = "--" + p.getKey().replace('_', '-');
      if (p.getValue().isBoolean()) {
        if (p.getValue().asBoolean()) {
          args.add(flag);
        }
      } else {
        args.add(flag);
        args.add(p.getValue().asText());
      }
    }
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, run.exit(), run.err());
    int[] chosen = Files.readAllLines(out).stream().mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(c.expectedSelected(), chosen, c.name);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals(c.expectedStopReason(), json.get("stopReason").asText());
    assertEquals(chosen.length, json.get("kl").size());
    assertEquals(backend, json.get("backends").get("compute").asText().replaceAll("-.*", ""));
    assertEquals(index, json.get("backends").get("index").asText());
  }
}
