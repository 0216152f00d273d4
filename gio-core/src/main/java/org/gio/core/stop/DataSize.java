package org.gio.core.stop;

/** {@code data_size}: stop when the accepted count exceeds a fraction of the pool. */
public final class DataSize implements StopCriterion {
  private final double maxDataSize;

  public DataSize(double maxDataSize) {
    this.maxDataSize = maxDataSize;
  }

  @Override
  public String name() {
    return StopRule.DATA_SIZE.referenceName();
  }

  @Override
  public boolean fires(StopContext c) {
    return c.accepted() > Math.floor(maxDataSize * c.poolSize());
  }
}
