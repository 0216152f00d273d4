package org.gio.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gio.core.objective.ExactKthNeighbourSearch;
import org.gio.core.objective.Target;
import org.gio.core.vectors.ScalarVectorOps;
import org.gio.core.vectors.VectorOps;
import org.gio.core.vectors.VectorSet;
import org.gio.core.testing.RandomVectors;
import org.junit.jupiter.api.Test;

class OutlierPenaltyTest {
  private final VectorOps ops = new ScalarVectorOps();

  private static VectorSet gaussian(int n, int d, double shift, long seed) {
    return RandomVectors.gaussian(seed, n, d, shift, 1.0);
  }

  @Test
  void rowsInsideTheCloudAreFreeRowsOutsidePayByLogDistance() {
    VectorSet target = gaussian(200, 2, 0, 1);
    Target t = Target.of(target, 5, new ExactKthNeighbourSearch(ops));
    OutlierPenalty penalty = new OutlierPenalty(ops, t, 2);
    VectorSet rows = VectorSet.wrap(new float[] {0, 0, 20, 0, 200, 0}, 3, 2);
    assertEquals(0, penalty.penalty(rows, 0), "the centre of the cloud");
    double s20 = penalty.outlyingness(rows, 1);
    double s200 = penalty.outlyingness(rows, 2);
    assertTrue(s20 > 1, "far out: " + s20);
    // ten times farther out: about log 10 more
    assertEquals(Math.log(10), s200 - s20, 0.2);
    assertEquals(2 * 2.0 / 200 * s20, penalty.penalty(rows, 1), 1e-12);
    assertEquals(0, new OutlierPenalty(ops, t, 0).penalty(rows, 2));
  }
}
