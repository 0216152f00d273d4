package org.gio.core.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.gio.core.select.GioConfig;
import org.gio.core.select.Selection;
import org.gio.core.select.VInit;
import org.gio.core.stop.StopRule;
import org.gio.core.vectors.VectorSet;

/**
 * One selection case of {@code shared/fixtures/parity} (copied to test resources under {@code
 * /parity}): inputs, options and the reference's result, with the fixture README's tolerances.
 */
public final class ParityCase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "/parity/";

  public final String name;
  public final VectorSet pool;
  public final VectorSet target;
  public final VectorSet init;
  public final GioConfig config;
  public final JsonNode params;
  public final JsonNode expected;

  private ParityCase(String name) {
    this.name = name;
    this.pool = NpyFixture.read(ROOT + name + "/pool.npy");
    this.target = NpyFixture.read(ROOT + name + "/target.npy");
    this.init = NpyFixture.read(ROOT + name + "/init.npy");
    this.params = json(ROOT + name + "/params.json");
    this.expected = json(ROOT + name + "/expected.json");
    this.config = toConfig(params);
  }

  /** Every selection case, in the order of {@code parity/cases.txt}. */
  public static List<ParityCase> selectionCases() {
    return caseNames().stream()
        .filter(n -> !n.startsWith("estimator-"))
        .map(ParityCase::new)
        .collect(Collectors.toList());
  }

  /** Names of the estimator cases ({@code x.npy}, {@code w.npy}, {@code expected.json}). */
  public static List<String> estimatorCaseNames() {
    return caseNames().stream().filter(n -> n.startsWith("estimator-")).collect(Collectors.toList());
  }

  public static ParityCase named(String name) {
    return new ParityCase(name);
  }

  /** The path of a case's file in test resources, for tests that go through files. */
  public static String resource(String caseName, String file) {
    return ROOT + caseName + "/" + file;
  }

  static List<String> caseNames() {
    try (InputStream in = ParityCase.class.getResourceAsStream(ROOT + "cases.txt")) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String resource) {
    try (InputStream in = ParityCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's reference-named options on top of this project's defaults. */
  static GioConfig toConfig(JsonNode p) {
    GioConfig.Builder b = GioConfig.builder();
    if (p.has("k")) b.k(p.get("k").asInt());
    if (p.has("max_iter")) b.maxIter(p.get("max_iter").asInt());
    if (p.has("stop")) b.stop(StopRule.parse(p.get("stop").asText()));
    if (p.has("min_difference")) b.minDifference(p.get("min_difference").asDouble());
    if (p.has("max_data_size")) b.maxDataSize(p.get("max_data_size").asDouble());
    if (p.has("min_kl")) b.minKl(p.get("min_kl").asDouble());
    if (p.has("max_sequential_increases")) {
      b.maxSequentialIncreases(p.get("max_sequential_increases").asInt());
    }
    if (p.has("resets_allowed")) b.resetsAllowed(p.get("resets_allowed").asBoolean());
    if (p.has("max_resets")) b.maxResets(p.get("max_resets").asInt());
    if (p.has("scale_factor") && !"auto".equals(p.get("scale_factor").asText())) {
      b.scaleFactor(p.get("scale_factor").asDouble());
    }
    if (p.has("v_init")) b.vInit(VInit.parse(p.get("v_init").asText()));
    if (p.has("grad_desc_iter")) b.gradDescIter(p.get("grad_desc_iter").asInt());
    if (p.has("lr")) b.lr(p.get("lr").asDouble());
    return b.build();
  }

  public int[] expectedSelected() {
    int[] out = new int[expected.get("selected").size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expected.get("selected").get(i).asInt();
    }
    return out;
  }

  public String expectedStopReason() {
    return expected.get("stop_reason").asText();
  }

  /** Asserts indices and stop reason exactly, KL traces within the fixture tolerances. */
  public void assertMatches(Selection s) {
    assertArrayEquals(expectedSelected(), s.rows(), name + ": selected rows");
    assertEquals(expectedStopReason(), s.stopReason(), name + ": stop reason");
    assertClose(expected.get("initial_kl").asDouble(), s.initialKl(), name + ": initial KL");
    assertTrace(expected.get("kl"), s.kl(), "kl");
    assertTrace(expected.get("exact_kl"), s.exactKl(), "exact_kl");
  }

  private void assertTrace(JsonNode want, double[] got, String what) {
    assertEquals(want.size(), got.length, name + ": length of " + what);
    for (int i = 0; i < got.length; i++) {
      JsonNode w = want.get(i);
      if (w.isNull()) {
        assertTrue(Double.isNaN(got[i]), name + ": " + what + "[" + i + "] should be undefined");
      } else {
        assertClose(w.asDouble(), got[i], name + ": " + what + "[" + i + "]");
      }
    }
  }

  /** The fixture tolerance: 1e-4 relative or 1e-5 absolute. */
  public static void assertClose(double want, double got, String what) {
    double diff = Math.abs(want - got);
    assertTrue(
        diff <= 1e-5 || diff <= 1e-4 * Math.abs(want),
        what + ": expected " + want + " but was " + got);
  }

  @Override
  public String toString() {
    return name;
  }
}
