package io.copydesk.tools.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Warm-up until the JIT compiler is quiet: a first fixed number of articles, then batches until one
 * batch's JIT time is at most a share of its wall time, or a cap is reached. On a large code base
 * (CoreNLP, Kafka, the stages) C2 keeps compiling hot code for thousands of articles; a measurement
 * taken before it is done measures warm-up, not a running service.
 *
 * <p>JIT time is the compiler threads' CPU time where the JVM's own threads can be read ({@code
 * /proc/self/task}), otherwise {@link CompilationMXBean#getTotalCompilationTime()}, which counts
 * elapsed time in compilation and so also the time a compiler thread waited for a core.
 */
final class JitWarmUp {
  /** Offers {@code articles} articles and returns once they are through. */
  interface Batches {
    void run(int articles) throws Exception;
  }

  /** The clocks the warm-up reads: wall time, and the JIT's time so far. */
  interface Clocks {
    long wallNanos();

    /** Nanoseconds so far, from any fixed origin; negative when there is no such clock. */
    long jitNanos();

    /** What {@link #jitNanos} measures, for the report. */
    String jitSource();
  }

  /**
   * How the warm-up went: articles offered, in how many batches, how long, the JIT's share of wall
   * time in the last batch and whether that was quiet (false also when no quiet check ran).
   */
  record Result(
      int articles,
      int batches,
      double seconds,
      double lastJitShare,
      boolean quiet,
      boolean checked,
      String jitSource,
      List<Double> shares) {

    String describe() {
      String head =
          String.format(
              Locale.ROOT, "%d articles in %d batch(es), %.0f s", articles, batches, seconds);
      if (!checked) {
        return head + " (fixed count, JIT not checked)";
      }
      return head
          + String.format(
              Locale.ROOT,
              "; JIT time in the last batch %.1f %% of its wall time (%s): %s; per checked batch: %s %%",
              100 * lastJitShare,
              jitSource,
              quiet ? "quiet" : "still compiling when the cap was reached",
              shares.stream()
                  .map(x -> String.format(Locale.ROOT, "%.0f", 100 * x))
                  .collect(Collectors.joining(" ")));
    }
  }

  private final int first;
  private final int batch;
  private final int max;
  private final double quietShare;

  /**
   * @param first articles before any check (the fixed {@code --warmup})
   * @param batch articles per checked batch
   * @param max cap on all warm-up articles; no batch runs beyond it
   * @param quietShare JIT time over wall time at or below which a batch counts as quiet; 0 or less:
   *     no check, the first articles only
   */
  JitWarmUp(int first, int batch, int max, double quietShare) {
    if (batch <= 0 && quietShare > 0) {
      throw new IllegalArgumentException("a checked warm-up needs batches of at least 1 article");
    }
    this.first = Math.max(0, first);
    this.batch = batch;
    this.max = Math.max(this.first, max);
    this.quietShare = quietShare;
  }

  Result run(Batches batches, Clocks clocks) throws Exception {
    long start = clocks.wallNanos();
    int done = 0;
    int count = 0;
    if (first > 0) {
      batches.run(first);
      done = first;
      count++;
    }
    if (quietShare <= 0) {
      return new Result(
          done, count, (clocks.wallNanos() - start) / 1e9, Double.NaN, false, false, "", List.of());
    }
    double share = Double.NaN;
    boolean quiet = false;
    List<Double> shares = new ArrayList<>();
    while (!quiet && done < max) {
      int n = Math.min(batch, max - done);
      long wall0 = clocks.wallNanos();
      long jit0 = clocks.jitNanos();
      batches.run(n);
      long wall = clocks.wallNanos() - wall0;
      long jit1 = clocks.jitNanos();
      // No JIT clock (negative): never quiet, the cap ends the warm-up.
      share = wall <= 0 || jit0 < 0 || jit1 < 0 ? Double.NaN : (jit1 - jit0) / (double) wall;
      quiet = share <= quietShare;
      shares.add(share);
      done += n;
      count++;
    }
    return new Result(
        done,
        count,
        (clocks.wallNanos() - start) / 1e9,
        share,
        quiet,
        !shares.isEmpty(),
        clocks.jitSource(),
        List.copyOf(shares));
  }

  /** This JVM's clocks: the compiler threads' CPU time where /proc has it, else the MXBean's. */
  static Clocks jvm() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    boolean threads = ThreadCpu.seesJvmThreads();
    boolean bean = compiler != null && compiler.isCompilationTimeMonitoringSupported();
    return new Clocks() {
      private final ThreadCpu zero = threads ? ThreadCpu.now() : null;

      @Override
      public long wallNanos() {
        return System.nanoTime();
      }

      @Override
      public long jitNanos() {
        if (threads) {
          return ThreadCpu.now().groupNanosSince(zero, ThreadCpu.JIT_COMPILERS);
        }
        return bean ? compiler.getTotalCompilationTime() * 1_000_000L : -1;
      }

      @Override
      public String jitSource() {
        return threads
            ? "CPU of the JIT compiler threads"
            : bean ? "CompilationMXBean compilation time" : "no JIT clock: never quiet";
      }
    };
  }
}
