package io.copydesk.tools.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time consumed, next to wall time: on a machine whose cores other work shares, wall-clock
 * rates move with the load, while CPU seconds per article say what the work itself costs.
 */
record CpuTime(long processNanos, long streamThreadNanos) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * This JVM's CPU time, and that of its Kafka Streams threads (enrich's, named
   * "...-StreamThread-N").
   */
  static CpuTime now() {
    long streams = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().contains("StreamThread")) {
        streams += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
      }
    }
    return new CpuTime(jvmNanos(), streams);
  }

  private static long jvmNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  static long currentThreadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  CpuTime since(CpuTime start) {
    return new CpuTime(
        processNanos - start.processNanos, streamThreadNanos - start.streamThreadNanos);
  }
}
