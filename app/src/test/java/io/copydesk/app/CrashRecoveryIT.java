package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the whole one-process run (a child JVM) at several moments while it processes a few
 * hundred articles, then the same command again until it completes: every article must be in the
 * output exactly once per id and version, and the events must equal those of an uninterrupted run.
 */
class CrashRecoveryIT {
  private static final int ARTICLES = 240;

  @Test
  void killedRunsResumeToExactlyOnceOutputAndTheSameEvents(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    Path input = GeneratedCopy.write(dir.resolve("input"), ARTICLES, 42);

    Path baseline = dir.resolve("baseline");
    long started = System.nanoTime();
    assertEquals(
        0,
        child(input, baseline, dir.resolve("baseline.log")).waitFor(),
        "the uninterrupted run completes");
    System.out.printf("uninterrupted run: %d ms%n", (System.nanoTime() - started) / 1_000_000);

    Path out = dir.resolve("out");
    List<Integer> seenAtKill = new ArrayList<>();
    // Kill points by what has happened, not by the clock, so they land where meant on any machine:
    // while starting, once ingest has published everything, and twice while the sink is writing in
    // that run (counted from the records already there when it started: records an earlier run
    // wrote must not fire the kill as the run starts).
    // (StageKillIT kills ingest in the middle of its batch, which is one Kafka transaction.)
    int[] atStart = new int[1];
    List<java.util.function.BooleanSupplier> moments =
        List.of(
            () -> true,
            () -> ledgerLines(out) >= ARTICLES,
            () -> recordCount(out) > atStart[0],
            () -> recordCount(out) > atStart[0] + (ARTICLES - atStart[0]) / 2);
    for (int k = 0; k < moments.size(); k++) {
      atStart[0] = recordCount(out);
      Process p = child(input, out, dir.resolve("killed-" + k + ".log"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      Thread.sleep(k == 0 ? 1_500 : 0);
      while (p.isAlive() && !moments.get(k).getAsBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (p.isAlive()) {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      }
      p.waitFor();
      seenAtKill.add(recordCount(out));
    }
    System.out.println("article records in the output at each kill: " + seenAtKill);
    Process last = child(input, out, dir.resolve("final.log"));
    assertEquals(0, last.waitFor(), "the same command completes after the crashes");

    List<JsonNode> records = SeedsScenario.articleRecords(out);
    Map<String, Long> perVersion =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("id").asText() + "@" + r.get("version").asLong(),
                    TreeMap::new,
                    Collectors.counting()));
    assertTrue(
        perVersion.values().stream().allMatch(n -> n == 1), "no article duplicated: " + perVersion);
    assertEquals(
        ARTICLES,
        perVersion.size(),
        "no article lost (records seen at each kill: " + seenAtKill + ")");
    assertEquals(events(baseline), events(out), "the same events as the uninterrupted run");
  }

  private static long ledgerLines(Path out) {
    try {
      Path ledger = out.resolve(".copydesk/ingest/processed-files.tsv");
      return ledger.toFile().exists() ? java.nio.file.Files.readAllLines(ledger).size() : 0;
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static int recordCount(Path out) {
    try {
      return out.resolve("articles").toFile().exists()
          ? SeedsScenario.articleRecords(out).size()
          : 0;
    } catch (java.io.IOException | RuntimeException e) {
      return 0; // a file being renamed as we look
    }
  }

  /** event id → its article ids, the part of an event that must not depend on crashes. */
  private static Map<String, TreeSet<String>> events(Path out) throws Exception {
    Map<String, TreeSet<String>> events = new TreeMap<>();
    for (JsonNode e : SeedsScenario.eventFiles(out)) {
      TreeSet<String> ids = new TreeSet<>();
      e.get("article_ids").forEach(id -> ids.add(id.asText()));
      events.put(e.get("event_id").asText(), ids);
    }
    return events;
  }

  private static Process child(Path input, Path out, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
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
            "--once",
            // Below the product's default (300 s). Before the embedded broker fenced its previous
            // self on restart (EmbeddedKafka#fenceTheLastRun), a kill could leave a transaction
            // open for ever on some partitions (KAFKA-20734): the restarted run then stalled, on
            // its committed offsets or on restoring the clustering state, and this test failed.
            "--timeout",
            "240");
    File logFile = log.toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile);
    // Small sink batches: many commit points for a kill to fall between.
    builder.environment().put("COPYDESK_SINK_ROTATE_RECORDS", "15");
    return builder.start();
  }
}
