package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import io.copydesk.ingest.ArticlePublisher;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code copydesk topics list|tail} on the topics of a real run: every topic decoded, markers
 * labelled.
 */
class TopicsCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int code, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    }
  }

  static Result topics(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CopydeskCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("topics"));
    for (Object a : args) {
      all.add(a.toString());
    }
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  private static List<JsonNode> tail(Object... args) throws Exception {
    List<Object> all = new ArrayList<>(List.of("tail"));
    all.addAll(List.of(args));
    Result r = topics(all.toArray());
    assertEquals(0, r.code(), r.err());
    return r.lines();
  }

  private static Set<String> seedFiles() throws Exception {
    try (var files = Files.list(SeedsScenario.SEEDS)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void tailDecodesEveryTopicOfAFinishedRunOnItsEmbeddedBrokerAndListCountsThem(@TempDir Path dir)
      throws Exception {
    Path input = SeedsScenario.copyOfSeeds(dir);
    Files.writeString(input.resolve("empty.txt"), "");
    Path out = dir.resolve("out");
    assertEquals(0, SeedsScenario.runOnce(input, out));

    // No process holds the data directory any more: topics starts its broker to read it.
    List<JsonNode> raw = tail("raw", "--out", out, "--from-beginning");
    List<JsonNode> articles = raw.stream().filter(n -> !n.has("marker")).toList();
    List<JsonNode> markers = raw.stream().filter(n -> n.has("marker")).toList();
    assertEquals(5, articles.size(), raw.toString());
    for (JsonNode a : articles) {
      assertEquals("copydesk.raw-articles", a.get("topic").asText());
      assertEquals(a.get("key").asText(), a.get("value").get("id").asText());
      assertFalse(a.get("value").get("headline").asText().isBlank());
      assertEquals(
          "application/vnd.copydesk.raw-article+avro;encoding=single-object",
          a.get("headers").get("content-type").asText());
      assertTrue(a.get("headers").get("schema-fingerprint").asText().matches("[0-9a-f]{16}"));
      assertTrue(
          seedFiles().contains(a.get("headers").get("copydesk.source").asText()), a.toString());
    }
    assertTrue(markers.size() >= 3, "a marker per raw partition at least");
    for (JsonNode m : markers) {
      assertTrue(m.get("marker").asBoolean());
      assertEquals("progress", m.get("headers").get("copydesk.marker").asText());
      assertTrue(m.get("key").isNull() && m.get("value").isNull());
    }

    List<JsonNode> rejects = tail("rejects", "--out", out, "--from-beginning");
    assertEquals(1, rejects.size(), rejects.toString());
    assertEquals("empty.txt", rejects.get(0).get("key").asText());
    assertEquals("EMPTY", rejects.get(0).get("value").get("code").asText());
    assertEquals("empty.txt", rejects.get(0).get("headers").get("copydesk.source").asText());

    List<JsonNode> enriched = tail("copydesk.enriched-articles", "--out", out, "--from-beginning");
    assertEquals(5, enriched.size(), enriched.toString());
    for (JsonNode e : enriched) {
      assertEquals(e.get("key").asText(), e.get("value").get("article").get("id").asText());
      assertTrue(e.get("value").get("event_id").isTextual(), e.toString());
      assertEquals(
          "application/vnd.copydesk.enriched-article+avro;encoding=single-object",
          e.get("headers").get("content-type").asText());
    }

    List<JsonNode> events = tail("events", "--out", out, "--from-beginning");
    assertTrue(events.size() >= 2, events.toString());
    for (JsonNode e : events) {
      assertTrue(
          e.has("tombstone")
              || e.get("key").asText().equals(e.get("value").get("event_id").asText()),
          e.toString());
    }
    assertTrue(tail("dead-letters", "--out", out, "--from-beginning").isEmpty());

    List<JsonNode> lastTwo = tail("raw", "--out", out, "--limit", 2);
    assertEquals(2, lastTwo.size());
    assertEquals(
        raw.stream()
            .mapToLong(n -> Instant.parse(n.get("timestamp").asText()).toEpochMilli())
            .max()
            .getAsLong(),
        Instant.parse(lastTwo.get(1).get("timestamp").asText()).toEpochMilli(),
        "the latest record last");

    Result list = topics("list", "--out", out);
    assertEquals(0, list.code(), list.err());
    String table = list.out();
    assertTrue(
        table
            .lines()
            .anyMatch(l -> l.matches("copydesk\\.raw-articles\\s+3\\s+\\d+\\s+copydesk-enrich=0")),
        table);
    assertTrue(
        table.lines().anyMatch(l -> l.matches("copydesk\\.rejected-inputs\\s+1\\s+\\d+\\s+-")),
        table);
    assertTrue(
        table
            .lines()
            .anyMatch(
                l -> l.matches("copydesk\\.enriched-articles\\s+3\\s+\\d+\\s+copydesk-sink=0")),
        table);
    assertTrue(
        table.lines().anyMatch(l -> l.matches("copydesk\\.events\\s+1\\s+\\d+\\s+copydesk-sink=0")),
        table);
    assertTrue(
        table.lines().anyMatch(l -> l.matches("copydesk\\.dead-letters\\s+1\\s+0\\s+-")), table);
    assertTrue(table.contains("copydesk-enrich-cluster-input-repartition"), table);
  }

  @Test
  void tailReadsARunningBrokerFollowsNewRecordsAndShowsDeadLetters(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      CopydeskConfig config =
          CopydeskConfig.defaults().with("kafka.bootstrap.servers", kafka.bootstrapServers());
      Topics topics = TopicProvisioner.provision(config);
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    topics.raw().name(),
                    "poison".getBytes(StandardCharsets.UTF_8),
                    "not an Avro single-object record".getBytes(StandardCharsets.UTF_8)))
            .get();
      }
      Path out = dir.resolve("out");
      assertEquals(
          0,
          SeedsScenario.runOnce(
              SeedsScenario.copyOfSeeds(dir),
              out,
              "--bootstrap-servers",
              kafka.bootstrapServers()));

      List<JsonNode> dead =
          tail("dead-letters", "--bootstrap-servers", kafka.bootstrapServers(), "--from-beginning");
      assertEquals(1, dead.size(), dead.toString());
      assertEquals("poison", dead.get(0).get("key").asText());
      assertEquals("not an Avro single-object record", dead.get(0).get("value").asText());
      assertTrue(dead.get(0).get("headers").has("__streams.errors.exception"), dead.toString());
      List<JsonNode> poison =
          tail(
              "raw",
              "--bootstrap-servers",
              kafka.bootstrapServers(),
              "--from-beginning",
              "--limit",
              1);
      assertTrue(
          poison.get(0).get("value_error").asText().contains("RawArticle"),
          "undecodable, and said so: " + poison);

      // A data directory that a running process holds: its broker is found by the port it wrote.
      Path data = Files.createDirectories(dir.resolve("data"));
      Files.writeString(
          data.resolve("kafka.ports"),
          "broker=" + kafka.bootstrapServers().split(":")[1] + "\ncontroller=1\n");
      try (DataDirLock running = DataDirLock.acquire(data)) {
        Result list = topics("list", "--data-dir", data);
        assertEquals(0, list.code(), list.err());
        // One dead letter and the commit marker of the transaction that wrote it: OFFSETS counts
        // both.
        assertTrue(
            list.out().lines().anyMatch(l -> l.matches("copydesk\\.dead-letters\\s+1\\s+2\\s+-")),
            list.out());

        int before = tail("raw", "--data-dir", data, "--from-beginning").size();
        CompletableFuture<List<JsonNode>> following =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return tail(
                        "raw",
                        "--data-dir",
                        data,
                        "--from-beginning",
                        "--follow",
                        "--limit",
                        before + 4);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        Thread.sleep(2000);
        assertFalse(following.isDone(), "waiting for new records");
        try (ArticlePublisher publisher =
            new ArticlePublisher(
                topics, ArticlePublisher.createProducer(config.kafka(), "t", "t-follow"))) {
          publisher.beginBatch();
          publisher.publish(
              "late.txt",
              RawArticle.newBuilder()
                  .setId("late")
                  .setVersion(1)
                  .setPubstatus(PubStatus.usable)
                  .setSource(Source.newBuilder().setFormat("text").setFile("late.txt").build())
                  .setHeadline("Late news")
                  .setBody("Late.")
                  .setIngestedAt(Instant.now())
                  .setContentSha256("c")
                  .setPayloadSha256("p")
                  .build());
          publisher.commitBatch();
        }
        List<JsonNode> followed = following.get(60, TimeUnit.SECONDS);
        List<JsonNode> added = followed.subList(before, followed.size());
        assertEquals(
            1,
            added.stream()
                .filter(n -> n.path("value").path("headline").asText().equals("Late news"))
                .count(),
            added.toString());
        assertEquals(
            3, added.stream().filter(n -> n.has("marker")).count(), "and the batch's markers");
      }
    }
  }

  @Test
  void tailDecodesEveryTopicInRegistryMode(@TempDir Path dir) throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      Path config = dir.resolve("registry.properties");
      Files.writeString(config, "serde.mode=registry\nregistry.url=" + registry.url() + "\n");
      Path input = SeedsScenario.copyOfSeeds(dir);
      Files.writeString(input.resolve("empty.txt"), "");
      Path out = dir.resolve("out");
      assertEquals(0, SeedsScenario.runOnce(input, out, "--config", config.toString()));
      SeedsScenario.assertSeedsOutput(out);

      Map<String, Integer> records = new TreeMap<>();
      for (String topic : List.of("raw", "rejects", "enriched", "events")) {
        List<JsonNode> lines = tail(topic, "--out", out, "--config", config, "--from-beginning");
        for (JsonNode n : lines) {
          assertFalse(n.has("value_error"), n.toString());
          if (!n.has("marker") && !n.has("tombstone")) {
            assertTrue(n.get("value").isObject(), n.toString());
            assertTrue(
                n.get("headers").get("content-type").asText().endsWith("+avro;encoding=registry"),
                n.toString());
            records.merge(topic, 1, Integer::sum);
          }
        }
      }
      assertEquals(5, records.get("raw"));
      assertEquals(1, records.get("rejects"));
      assertEquals(5, records.get("enriched"));
      assertTrue(records.get("events") >= 2, records.toString());
      assertTrue(
          registry.requests.stream()
              .anyMatch(r -> r.startsWith("GET /apis/registry/v3/ids/contentIds/")),
          "values were read through the registry");

      // Read as single-object, the same records cannot be decoded; the line says so and still shows
      // the bytes.
      List<JsonNode> wrongMode = tail("rejects", "--out", out, "--from-beginning");
      assertTrue(wrongMode.get(0).has("value_error"), wrongMode.toString());
    }
  }
}
