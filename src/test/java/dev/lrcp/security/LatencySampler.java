package dev.lrcp.security;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures a task after warm-up: wall-clock and caller-thread CPU time percentiles. CPU time is the
 * steadier figure on a shared machine (the scoring runs on the calling thread).
 */
public final class LatencySampler {

  private LatencySampler() {}

  public static String measure(String name, int warmup, int runs, Runnable task) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup; i++) {
      task.run();
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    long process0 = processCpuNanos();
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      task.run();
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    double processPerRun = (processCpuNanos() - process0) / 1e6 / runs;
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return String.format(
        Locale.ROOT,
        "%-34s runs %d  wall p50 %7.3f ms  p95 %7.3f ms  min %7.3f ms | cpu p50 %7.3f ms  p95 %7.3f ms"
            + " | process cpu/run %7.3f ms",
        name,
        runs,
        pct(wall, 0.50),
        pct(wall, 0.95),
        wall[0],
        pct(cpu, 0.50),
        pct(cpu, 0.95),
        processPerRun);
  }

  /** All threads of the JVM (JIT and GC included): shows whether work escapes the caller thread. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}
