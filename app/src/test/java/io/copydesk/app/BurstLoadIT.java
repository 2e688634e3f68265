package io.copydesk.app;

import static io.copydesk.app.OpsTestSupport.await;
import static io.copydesk.app.OpsTestSupport.freePort;
import static io.copydesk.app.OpsTestSupport.get;
import static io.copydesk.app.OpsTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst: several hundred articles (twice the kill tests' run) dropped at once into the folder of
 * a running {@code copydesk run} (a child JVM with the launcher's default heap, 1 GB). Every
 * article reaches the files exactly once; the consumer groups do not rebalance and enrich never
 * leaves RUNNING while it works through the burst; and the heap left after a full GC stays well
 * inside the limit, and close to what it was before the burst (nothing per article is retained).
 */
class BurstLoadIT {
  private static final int ARTICLES = 500;
  private static final long MAX_HEAP = 1L << 30;

  @Test
  void aBurstArrivesExactlyOnceWithoutRebalancesAndWithBoundedHeap(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Path out = dir.resolve("out");
    Path staging = GeneratedCopy.write(dir.resolve("staging"), ARTICLES, 7);
    int port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema",
                "-cp",
                System.getProperty("java.class.path"),
                CopydeskCli.class.getName(),
                "run",
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--metrics-port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile());
    builder
        .environment()
        .put("COPYDESK_INGEST_BATCH_FILES", "200"); // the burst goes in as three transactions
    Process run = builder.start();
    try {
      assertTrue(
          await(Duration.ofSeconds(120), () -> OpsTestSupport.status(port, "/health/ready") == 200),
          "every stage ready");
      long heapBefore = heapAfterFullGc(run.pid(), port);
      double rebalancesBefore = total(port, "kafka_consumer_coordinator_rebalance_total");

      long started = System.nanoTime();
      try (Stream<Path> files = Files.list(staging)) {
        for (Path file : files.sorted().toList()) {
          Files.move(file, input.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      int notReady = 0;
      long peakHeap = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
      while (sample(port, "copydesk_sink_records_written_total{topic=\"enriched\"}") < ARTICLES
          && System.nanoTime() < deadline) {
        HttpResponse<String> ready = get(port, "/health/ready").orElseThrow();
        notReady += ready.body().contains("\"enrich\":\"DOWN\"") ? 1 : 0;
        peakHeap = Math.max(peakHeap, (long) total(port, "jvm_memory_used_bytes{area=\"heap\""));
        Thread.sleep(200);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(
          ARTICLES,
          (int) sample(port, "copydesk_sink_records_written_total{topic=\"enriched\"}"),
          "the whole burst written");
      double rebalances =
          total(port, "kafka_consumer_coordinator_rebalance_total") - rebalancesBefore;
      long heapAfter = heapAfterFullGc(run.pid(), port);
      System.out.printf(
          "burst of %d articles: %.1f s to the files (%.0f per second); rebalances during it %.0f; enrich not ready"
              + " in %d samples; heap after full GC %d MB before, %d MB after, peak seen %d MB (max %d MB)%n",
          ARTICLES,
          seconds,
          ARTICLES / seconds,
          rebalances,
          notReady,
          heapBefore >> 20,
          heapAfter >> 20,
          peakHeap >> 20,
          MAX_HEAP >> 20);

      Map<String, Long> perVersion =
          SeedsScenario.articleRecords(out).stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.get("id").asText() + "@" + r.get("version").asLong(),
                      TreeMap::new,
                      Collectors.counting()));
      assertEquals(ARTICLES, perVersion.size(), "no article lost");
      assertTrue(perVersion.values().stream().allMatch(n -> n == 1), "no article duplicated");
      assertTrue(
          rebalancesBefore >= 1, "the rebalance counter is there to read: " + rebalancesBefore);
      assertEquals(0, rebalances, "no consumer group rebalanced during the burst");
      assertEquals(0, notReady, "enrich stayed RUNNING (no rebalance, no restore) throughout");
      assertTrue(
          heapAfter < MAX_HEAP * 6 / 10,
          "live heap after the burst " + (heapAfter >> 20) + " MB, under 60% of the limit");
      assertTrue(
          heapAfter - heapBefore < 128L << 20,
          "the burst left at most 128 MB behind: " + ((heapAfter - heapBefore) >> 20) + " MB");
    } finally {
      run.destroyForcibly(); // everything is checked; a clean stop is other tests' subject and
      // costs CI seconds
      run.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** Heap in use in the child right after a full GC, which jcmd asks it for. */
  private static long heapAfterFullGc(long pid, int port) throws Exception {
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
    Process gc =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .start();
    String output = new String(gc.getInputStream().readAllBytes());
    assertEquals(0, gc.waitFor(), "jcmd GC.run: " + output);
    return (long) total(port, "jvm_memory_used_bytes{area=\"heap\"");
  }

  /**
   * The sum of every series of a metric whose line starts with {@code prefix} (a name, or a name
   * and its first labels).
   */
  private static double total(int port, String prefix) throws InterruptedException, IOException {
    String metrics = get(port, "/metrics").orElseThrow(() -> new IOException("no metrics")).body();
    List<Double> values = new ArrayList<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith(prefix)
          && (line.startsWith(prefix + "{")
              || line.startsWith(prefix + " ")
              || prefix.endsWith("\""))) {
        values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }
}
