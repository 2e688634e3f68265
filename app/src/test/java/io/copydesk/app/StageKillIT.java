package io.copydesk.app;

import static io.copydesk.app.OpsTestSupport.await;
import static io.copydesk.app.OpsTestSupport.freePort;
import static io.copydesk.app.OpsTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three stages as separate JVMs on one broker, each killed with SIGKILL mid-stream and started
 * again (ingest in the middle of its batch), and the broker restarted, during a run of a few
 * hundred articles. Afterwards every article is in the sink's files exactly once (per id and
 * version), and the events equal those of an uninterrupted {@code run --once} on the same input.
 */
class StageKillIT {
  private static final int ARTICLES = 240;

  @Test
  void everyStageKilledAndTheBrokerRestartedLoseAndDuplicateNothing(
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
    Path baselineInput = GeneratedCopy.write(dir.resolve("baseline-input"), ARTICLES, 11);
    Path baseline = dir.resolve("baseline");
    assertEquals(
        0, SeedsScenario.runOnce(baselineInput, baseline), "the uninterrupted run completes");

    Path input = GeneratedCopy.write(dir.resolve("input"), ARTICLES, 11);
    Path out = dir.resolve("out");
    Path brokerDir = dir.resolve("broker");
    EmbeddedKafka kafka = EmbeddedKafka.start(brokerDir, Duration.ofSeconds(60));
    List<Service> services = new ArrayList<>();
    try {
      String bootstrap = kafka.bootstrapServers();
      int sinkPort = freePort();
      Service sink =
          new Service(
              dir,
              "sink",
              List.of(
                  "sink",
                  "--bootstrap-servers",
                  bootstrap,
                  "--out",
                  out.toString(),
                  "--metrics-port",
                  Integer.toString(sinkPort)));
      // Every service on a free port: the defaults (8081, 8082) may be taken on a shared machine,
      // and a
      // service that cannot bind its port exits (seen: ingest's BindException on 8081, then 90 s of
      // waiting).
      Service enrich =
          new Service(
              dir,
              "enrich",
              List.of(
                  "enrich",
                  "--bootstrap-servers",
                  bootstrap,
                  "--state-dir",
                  dir.resolve("streams").toString(),
                  "--metrics-port",
                  Integer.toString(freePort())));
      Service ingest =
          new Service(
              dir,
              "ingest",
              List.of(
                  "ingest",
                  "--bootstrap-servers",
                  bootstrap,
                  "--input",
                  input.toString(),
                  "--metrics-port",
                  Integer.toString(freePort())));
      services.addAll(List.of(sink, enrich, ingest));
      sink.start();
      enrich.start();
      ingest.start();

      // Ingest is killed inside its batch (all the files, one transaction): some of the batch's
      // records are in the broker's log, the transaction is open. None of it may become visible;
      // the
      // restarted ingest aborts it and publishes the whole batch again, in order
      // (docs/architecture.md).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (rawLogBytes(brokerDir) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(2); // the batch takes a few hundred milliseconds: look often
      }
      ingest.kill();
      long sent = rawArticles(bootstrap, "read_uncommitted");
      long committed = rawArticles(bootstrap, "read_committed");
      System.out.printf(
          "ingest killed with %d of %d articles sent, %d committed, %d files done%n",
          sent, ARTICLES, committed, doneFiles(input));
      assertTrue(
          sent > 0 && sent < ARTICLES,
          "killed in the middle of the batch: " + sent + " of " + ARTICLES + " articles sent");
      assertEquals(
          0, committed, "nothing of an unfinished batch is visible to read_committed consumers");
      assertEquals(0, doneFiles(input), "no file is confirmed before its batch commits");
      ingest.start();
      assertTrue(
          await(Duration.ofSeconds(90), () -> doneFiles(input) >= ARTICLES),
          "the restarted ingest publishes everything");
      assertTrue(await(Duration.ofSeconds(120), () -> recordCount(out) >= 30), "the sink writes");
      sink.kill();
      sink.start();
      assertTrue(
          await(Duration.ofSeconds(120), () -> recordCount(out) >= 90), "the sink writes again");
      enrich.kill();
      enrich.start();
      assertTrue(await(Duration.ofSeconds(120), () -> recordCount(out) >= 150), "enrich resumes");
      kafka.close();
      kafka =
          EmbeddedKafka.start(
              brokerDir, Duration.ofSeconds(60)); // the same ports: the clients reconnect

      assertTrue(
          await(
              Duration.ofSeconds(180),
              () ->
                  recordCount(out) >= ARTICLES
                      && sample(sinkPort, "copydesk_sink_consumer_lag_records") == 0),
          "everything reaches the sink; now " + recordCount(out));
      // The last event snapshots land with the last articles; give the sink its rotation pause.
      assertTrue(
          await(Duration.ofSeconds(30), () -> events(out).equals(events(baseline))),
          "the same events as the uninterrupted run");

      Map<String, Long> perVersion =
          SeedsScenario.articleRecords(out).stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.get("id").asText() + "@" + r.get("version").asLong(),
                      TreeMap::new,
                      Collectors.counting()));
      assertTrue(
          perVersion.values().stream().allMatch(n -> n == 1),
          "no article duplicated: " + perVersion);
      assertEquals(ARTICLES, perVersion.size(), "no article lost");
    } finally {
      services.forEach(Service::kill);
      kafka.close();
    }
  }

  /**
   * Bytes in the raw topic's log segments: above 0 once ingest's first records reach the broker,
   * committed or not.
   */
  private static long rawLogBytes(Path brokerDir) throws IOException {
    long bytes = 0;
    for (int p = 0; p < 3; p++) {
      Path segment =
          brokerDir.resolve("copydesk.raw-articles-" + p).resolve("00000000000000000000.log");
      bytes += Files.exists(segment) ? Files.size(segment) : 0;
    }
    return bytes;
  }

  /**
   * Articles (keyed records; progress markers have no key) in the raw topic as a consumer with this
   * isolation level sees them.
   */
  private static long rawArticles(String bootstrap, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("copydesk.raw-articles").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long articles = 0;
      long deadline =
          System.nanoTime()
              + TimeUnit.SECONDS.toNanos(3); // read_committed stops at the open transaction
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          articles += record.key() != null ? 1 : 0;
        }
      }
      return articles;
    }
  }

  private static long doneFiles(Path input) throws IOException {
    Path done = input.resolve("done");
    if (!Files.isDirectory(done)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(done)) {
      return files.count();
    }
  }

  private static int recordCount(Path out) {
    try {
      return out.resolve("articles").toFile().exists()
          ? SeedsScenario.articleRecords(out).size()
          : 0;
    } catch (IOException | RuntimeException e) {
      return 0; // a file being renamed as we look
    }
  }

  /** event id → its article ids. */
  private static Map<String, TreeSet<String>> events(Path out) {
    Map<String, TreeSet<String>> events = new TreeMap<>();
    try {
      for (JsonNode e : SeedsScenario.eventFiles(out)) {
        TreeSet<String> ids = new TreeSet<>();
        e.get("article_ids").forEach(id -> ids.add(id.asText()));
        events.put(e.get("event_id").asText(), ids);
      }
    } catch (IOException | RuntimeException e) {
      return Map.of(); // a file being replaced as we look
    }
    return events;
  }

  /** One stage in its own JVM, started again after a kill with the same arguments. */
  private static final class Service {
    private final Path dir;
    private final String name;
    private final List<String> args;
    private Process process;
    private int starts;

    Service(Path dir, String name, List<String> args) {
      this.dir = dir;
      this.name = name;
      this.args = args;
    }

    void start() throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx1g",
                  "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CopydeskCli.class.getName()));
      command.addAll(args);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(name + "-" + (starts++) + ".log").toFile());
      // Small sink batches: many commit points for a kill to fall between.
      builder.environment().put("COPYDESK_SINK_ROTATE_RECORDS", "15");
      // Static membership, as docs/operations.md advises: a restarted instance takes its partitions
      // back at
      // once instead of waiting for the killed one's session to time out.
      builder.environment().put("COPYDESK_SINK_GROUP_INSTANCE_ID", "sink-1");
      builder.environment().put("COPYDESK_ENRICH_GROUP_INSTANCE_ID", "enrich-1");
      process = builder.start();
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving the group. */
    void kill() {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
