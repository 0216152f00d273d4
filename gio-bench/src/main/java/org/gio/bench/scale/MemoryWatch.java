package org.gio.bench.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak heap (the JVM's own per-pool peaks) and peak anonymous RSS, sampled from
 * /proc/self/status every 20 ms: RssAnon leaves out the mapped file's pages, which RSS counts and
 * which the kernel may drop at will.
 */
final class MemoryWatch implements AutoCloseable {
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakAnonKb;

  MemoryWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    sampler = new Thread(() -> {
      while (running) {
        peakAnonKb = Math.max(peakAnonKb, rssAnonKb());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "gio-bench-memory");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Sum of the heap pools' peaks since this watch started, in MB. */
  static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1e6;
  }

  double peakAnonMb() {
    return Math.max(peakAnonKb, rssAnonKb()) / 1e3;
  }

  static long rssAnonKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("RssAnon:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
