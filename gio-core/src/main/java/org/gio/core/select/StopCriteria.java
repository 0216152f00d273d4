package org.gio.core.select;

import org.gio.core.stop.DataSize;
import org.gio.core.stop.ExactKlIncrease;
import org.gio.core.stop.Increase;
import org.gio.core.stop.MaxResets;
import org.gio.core.stop.MinDifference;
import org.gio.core.stop.MinKl;
import org.gio.core.stop.SequentialIncreaseTolerance;
import org.gio.core.stop.StopCriterion;

/** Builds the configured stop criterion with its parameters. */
final class StopCriteria {
  private StopCriteria() {}

  static StopCriterion of(SelectionOptions config) {
    switch (config.stop()) {
      case INCREASE:
        return new Increase();
      case MIN_DIFFERENCE:
        return new MinDifference(config.minDifference());
      case MIN_KL:
        return new MinKl(config.minKl());
      case DATA_SIZE:
        return new DataSize(config.maxDataSize());
      case SEQUENTIAL_INCREASE_TOLERANCE:
        return new SequentialIncreaseTolerance(config.maxSequentialIncreases());
      case MAX_RESETS:
        return new MaxResets();
      case EXACT_INCREASE:
        return new ExactKlIncrease();
      default:
        throw new AssertionError(config.stop());
    }
  }
}
