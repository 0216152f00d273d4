package org.gio.core.testing;

import static org.gio.core.testing.ParityCase.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import java.util.stream.Stream;
import org.gio.core.objective.AveragedKnnKl;
import org.gio.core.objective.DifferentiableState;
import org.gio.core.objective.KnnKl;
import org.gio.core.objective.KthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.select.GioSelector;
import org.gio.core.select.Selection;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parity fixtures as a contract every backend combination must meet (DESIGN.md invariant 1).
 * A backend's test subclasses this and supplies its injector.
 */
public abstract class ParityContract {

  /** The wiring under test. */
  protected abstract Injector injector();

  @TestFactory
  Stream<DynamicTest> selectionsMatchTheReference() {
    GioSelector selector = injector().getInstance(GioSelector.class);
    return ParityCase.selectionCases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name,
                    () -> {
                      Selection s =
                          selector.select(
                              c.pool, c.target, c.init, c.config,
                              org.gio.core.select.SelectionListener.NONE);
                      c.assertMatches(s);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> estimatorsMatchTheReference() {
    Injector injector = injector();
    VectorOps ops = injector.getInstance(VectorOps.class);
    KthNeighbourSearch search = injector.getInstance(KthNeighbourSearch.class);
    return ParityCase.estimatorCaseNames().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      VectorSet x = NpyFixture.read(ParityCase.resource(name, "x.npy"));
                      VectorSet w = NpyFixture.read(ParityCase.resource(name, "w.npy"));
                      JsonNode e = ParityCase.json(ParityCase.resource(name, "expected.json"));
                      Target target = Target.of(x, e.get("k").asInt(), search);
                      DifferentiableState averaged = new AveragedKnnKl(ops).start(target, w);
                      assertClose(e.get("averaged_kl").asDouble(), averaged.value(), "averaged");
                      assertClose(
                          e.get("exact_kl").asDouble(),
                          new KnnKl(ops).start(target, w).value(),
                          "exact");
                      float[] v = new float[x.dim()];
                      for (int c = 0; c < v.length; c++) {
                        v[c] = (float) e.get("v").get(c).asDouble();
                      }
                      double[] g = new double[v.length];
                      averaged.gradientAt(v, g);
                      for (int c = 0; c < v.length; c++) {
                        assertClose(
                            e.get("gradient_at_v").get(c).asDouble(), g[c], "gradient[" + c + "]");
                      }
                    }));
  }
}
