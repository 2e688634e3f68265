package io.copydesk.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this JVM by thread group, to say where the CPU per article goes beyond enrich's
 * stream threads: the broker, ingest, the sink, the Kafka clients' I/O threads (Java threads, by
 * name with numbers and ids folded), and the JVM's own, which Java does not list (JIT compilers,
 * garbage collector), read from /proc/self/task where there is one.
 */
final class ThreadCpu {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final Path TASKS = Path.of("/proc/self/task");

  /** The JIT compilers' group ("C1 CompilerThre", "C2 CompilerThre": the kernel's names). */
  static final String JIT_COMPILERS = group("C2 CompilerThre");

  /** Nanoseconds per thread, keyed by thread (Java id or native task id) and group. */
  private final Map<String, Long> nanos;

  private ThreadCpu(Map<String, Long> nanos) {
    this.nanos = nanos;
  }

  static ThreadCpu now() {
    Map<String, Long> nanos = new HashMap<>();
    Set<String> javaNames = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = THREADS.getThreadCpuTime(t.getId());
      if (cpu >= 0) {
        nanos.put("java " + t.getId() + "\t" + group(t.getName()), cpu);
      }
      // The kernel knows a Java thread by its name's first 15 characters.
      javaNames.add(t.getName().length() > 15 ? t.getName().substring(0, 15) : t.getName());
    }
    long nanosPerTick = 1_000_000_000L / 100; // USER_HZ, 100 on Linux
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String comm = Files.readString(task.resolve("comm")).strip();
          if (javaNames.contains(comm)) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          nanos.put("jvm " + task.getFileName() + "\t" + group(comm), ticks * nanosPerTick);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc: Java threads only
    }
    return new ThreadCpu(nanos);
  }

  /**
   * A thread's group: its name with numbers and UUIDs folded ("C2 CompilerThre" and "C1 ..." one).
   */
  static String group(String threadName) {
    return threadName
        .replaceAll(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "*")
        .replaceAll("[0-9]+", "N");
  }

  /**
   * Milliseconds per article by group since {@code start}, largest first, the first {@code top}.
   */
  Map<String, Double> perArticleSince(ThreadCpu start, int articles, int top) {
    Map<String, Double> byGroup = new HashMap<>();
    nanos.forEach(
        (thread, now) -> {
          double ms = (now - start.nanos.getOrDefault(thread, 0L)) / 1e6 / articles;
          byGroup.merge(thread.substring(thread.indexOf('\t') + 1), ms, Double::sum);
        });
    return byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(top)
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** Nanoseconds of one group's threads since {@code start} (0 when none was seen). */
  long groupNanosSince(ThreadCpu start, String group) {
    long total = 0;
    for (Map.Entry<String, Long> e : nanos.entrySet()) {
      String thread = e.getKey();
      if (thread.substring(thread.indexOf('\t') + 1).equals(group)) {
        total += e.getValue() - start.nanos.getOrDefault(thread, 0L);
      }
    }
    return total;
  }

  /** Whether the JVM's own threads (JIT compilers, GC) were read: only where /proc is. */
  static boolean seesJvmThreads() {
    return Files.isDirectory(TASKS);
  }

  static String describe(Map<String, Double> perArticle) {
    return perArticle.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
        .collect(Collectors.joining("; ", "", " (ms per article)"));
  }
}
