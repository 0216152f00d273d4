package org.gio.core.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gio.core.GioInputException;
import org.gio.core.vectors.VectorSet;
import org.junit.jupiter.api.Test;

class ExplosionTest {
  private final Quantization q =
      Quantization.of(
          VectorSet.of(new float[] {0}, new float[] {1}, new float[] {2}),
          new int[] {2, 0, 2, 1, 0, 2});

  @Test
  void returnsExactlyTheMembersOfChosenClustersInSelectionOrder() {
    assertArrayEquals(new int[] {0, 2, 5, 1, 4}, Explosion.explode(q, new int[] {2, 0}));
    assertArrayEquals(new int[] {3}, Explosion.explode(q, new int[] {1}));
    assertArrayEquals(new int[0], Explosion.explode(q, new int[0]));
  }

  @Test
  void aCentroidChosenTwiceAddsNothing() {
    assertArrayEquals(new int[] {3, 1, 4}, Explosion.explode(q, new int[] {1, 0, 1}));
    assertArrayEquals(new int[] {1, 0}, Explosion.distinct(new int[] {1, 0, 1}));
  }

  @Test
  void sizesAndMembers() {
    assertArrayEquals(new int[] {2, 1, 3}, q.sizes());
    assertArrayEquals(new int[] {0, 2, 5}, q.members(2));
  }

  @Test
  void rejectsUnknownCentroidsAndBadAssignments() {
    assertThrows(GioInputException.class, () -> Explosion.explode(q, new int[] {3}));
    assertThrows(
        GioInputException.class,
        () -> Quantization.of(VectorSet.of(new float[] {0}), new int[] {0, 1}));
  }
}
