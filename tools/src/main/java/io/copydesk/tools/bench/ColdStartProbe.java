package io.copydesk.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./copydesk run --input SEEDS --out TMP --once} as a child process, as a user starts it:
 * cold start is from launch to its "copydesk running" log line (broker up, topics made, stages
 * started), and peak RSS is the process's high-water mark, from GNU time when the machine has it
 * (exact: the kernel's maximum resident set of the waited-for child) or else sampled from {@code
 * /proc/<pid>/status} VmHWM. The child gets the launcher's default JVM options, not ours.
 */
final class ColdStartProbe {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final String RSS_MARK = "copydesk-bench-max-rss-kb ";
  private static final Pattern RUNNING = Pattern.compile("copydesk running");

  record Result(
      double coldStartSeconds,
      double totalSeconds,
      long peakRssKb,
      String rssSource,
      int exitCode,
      String summary,
      boolean rebuilt) {}

  private ColdStartProbe() {}

  static Result measure(Path launcher, Path seeds, Path out)
      throws IOException, InterruptedException {
    boolean gnuTime = Files.isExecutable(GNU_TIME) && supportsFormat();
    List<String> command = new ArrayList<>();
    if (gnuTime) {
      command.addAll(List.of(GNU_TIME.toString(), "-f", RSS_MARK + "%M"));
    }
    command.addAll(
        List.of(
            launcher.toString(),
            "run",
            "--input",
            seeds.toString(),
            "--out",
            out.toString(),
            "--once"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("COPYDESK_JAVA_OPTS");
    builder.environment().put("COPYDESK_LOG_FORMAT", "text");
    builder.environment().put("COPYDESK_LOG_LEVEL", "INFO");
    long start = System.nanoTime();
    Process process = builder.start();
    long[] running = {-1};
    long[] rssFromTime = {-1};
    boolean[] rebuilt = {false};
    Thread stderr =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (running[0] < 0 && RUNNING.matcher(line).find()) {
                    running[0] = System.nanoTime();
                  }
                  if (line.startsWith("copydesk: building")) {
                    rebuilt[0] = true;
                  }
                  if (line.startsWith(RSS_MARK)) {
                    rssFromTime[0] = Long.parseLong(line.substring(RSS_MARK.length()).strip());
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    stderr.start();
    StringBuilder stdout = new StringBuilder();
    Thread stdoutReader =
        new Thread(
            () -> {
              try {
                stdout.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // the process ended
              }
            });
    stdoutReader.start();
    long sampled = 0;
    while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
      // Under GNU time the JVM is time's child; the launcher exec()s java, so it keeps the pid it
      // started with.
      for (long pid : javaPids(process)) {
        sampled = Math.max(sampled, vmHwmKb(pid));
      }
    }
    long end = System.nanoTime();
    stderr.join();
    stdoutReader.join();
    long rss = rssFromTime[0] > 0 ? rssFromTime[0] : sampled;
    String source = rssFromTime[0] > 0 ? "GNU time %M" : "sampled /proc/<pid>/status VmHWM";
    return new Result(
        running[0] < 0 ? Double.NaN : (running[0] - start) / 1e9,
        (end - start) / 1e9,
        rss,
        source,
        process.exitValue(),
        stdout.toString().strip(),
        rebuilt[0]);
  }

  private static List<Long> javaPids(Process process) {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private static long vmHwmKb(long pid) {
    try {
      Matcher m =
          Pattern.compile("VmHWM:\\s+(\\d+) kB")
              .matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** GNU time takes -f; BusyBox and BSD time may not. */
  private static boolean supportsFormat() {
    try {
      Process p =
          new ProcessBuilder(GNU_TIME.toString(), "-f", "%M", "true")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && out.matches("\\d+");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
