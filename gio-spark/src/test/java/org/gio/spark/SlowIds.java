package org.gio.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.api.java.UDF1;

/**
 * The identity on ids, slowed inside the neighbour-table scan's tasks only (read from the job
 * description every task carries), so a test can kill a Worker while that stage runs.
 */
public final class SlowIds implements UDF1<Long, Long> {
  private static final long serialVersionUID = 1L;
  private final long micros;

  public SlowIds(long micros) {
    this.micros = micros;
  }

  @Override
  public Long call(Long id) throws InterruptedException {
    TaskContext task = TaskContext.get();
    if (task != null && Jobs.SCAN.equals(task.getLocalProperty(Jobs.DESCRIPTION))) {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    }
    return id;
  }
}
