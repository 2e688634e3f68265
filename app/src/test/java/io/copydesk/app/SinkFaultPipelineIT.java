package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import io.copydesk.sink.SinkService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An output folder that refuses writes (a permission change, a read-only remount) stops the sink
 * with a clear error and no Kafka commit beyond what is on disk; once the folder is writable again,
 * a restarted sink completes the output with every record exactly once.
 */
class SinkFaultPipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anUnwritableOutputStopsTheSinkWithoutCommittingAndARestartWritesEveryRecordOnce(
      @TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      CopydeskConfig config =
          CopydeskConfig.defaults()
              .with("kafka.bootstrap.servers", kafka.bootstrapServers())
              .with("sink.poll.timeout.ms", "200");
      Topics topics = Topics.from(config);
      try (Admin admin = Admin.create(config.kafka())) {
        TopicProvisioner.ensure(admin, topics);
      }
      Path out = dir.resolve("out");
      String group = config.string("sink.group.id");

      produce(config, topics, 0, 6, "2021-06-01T09:00:00Z");
      RunningSink first = RunningSink.start(config, topics, out);
      await(() -> committed(config, group) == 6, "the first articles are committed");
      assertEquals(6, ids(out).size());

      ListAppender<ILoggingEvent> log = new ListAppender<>();
      log.start();
      ((Logger) LoggerFactory.getLogger(SinkService.class)).addAppender(log);
      try (UnwritableFolder refused = UnwritableFolder.of(out.resolve("articles"))) {
        // A new day: the sink must create articles/date=2021-06-02, which the folder refuses.
        produce(config, topics, 6, 6, "2021-06-02T09:00:00Z");
        first.thread.join(60_000);
        assertFalse(first.thread.isAlive(), "the sink stops instead of retrying or skipping");
        first.sink.close();
        Throwable failure = first.failure.get();
        assertInstanceOf(UncheckedIOException.class, failure, String.valueOf(failure));
        assertTrue(
            log.list.stream()
                .anyMatch(
                    e ->
                        e.getLevel() == Level.ERROR
                            && e.getFormattedMessage()
                                .contains("sink stopped: cannot write to " + out)
                            && e.getFormattedMessage().contains("Offsets were not committed")),
            "a clear error names the folder and what to do: " + log.list);
        assertEquals(
            6,
            committed(config, group),
            "no offset is committed past what is on disk (" + refused.how + ")");
        Map<Integer, Long> progress = progressByPartition(out);
        committedByPartition(config, group)
            .forEach(
                (partition, offset) ->
                    assertTrue(
                        offset <= progress.get(partition),
                        "partition "
                            + partition
                            + ": committed "
                            + offset
                            + ", files hold up to "
                            + progress.get(partition)));
        assertEquals(6, ids(out).size());
      } finally {
        ((Logger) LoggerFactory.getLogger(SinkService.class)).detachAppender(log);
      }

      long restarted = System.nanoTime();
      RunningSink second = RunningSink.start(config, topics, out);
      await(() -> committed(config, group) == 12, "the restarted sink catches up");
      // The group's session timeout is 45 s: a stopped sink that did not leave its group would hold
      // its partitions that long.
      Duration catchUp = Duration.ofNanos(System.nanoTime() - restarted);
      assertTrue(
          catchUp.compareTo(Duration.ofSeconds(30)) < 0,
          "the stopped sink left its group cleanly; catch-up took " + catchUp);
      second.sink.close();
      second.thread.join(60_000);
      assertEquals(null, second.failure.get());
      List<String> ids = ids(out);
      assertEquals(12, ids.size(), "every record is there: " + ids);
      assertEquals(12, ids.stream().distinct().count(), "and only once: " + ids);
      assertTrue(Files.isDirectory(out.resolve("articles/date=2021-06-02")));
      try (Stream<Path> files = Files.walk(out)) {
        assertEquals(
            List.of(),
            files.filter(p -> p.toString().endsWith(".tmp")).toList(),
            "no temporaries left");
      }
    }
  }

  /** A sink in its own thread, as the pipeline runs it. */
  private record RunningSink(SinkService sink, Thread thread, AtomicReference<Throwable> failure) {
    static RunningSink start(CopydeskConfig config, Topics topics, Path out) throws IOException {
      SinkService sink = new SinkService(config, topics, out);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  sink.run();
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "test-sink");
      thread.start();
      return new RunningSink(sink, thread, failure);
    }
  }

  /**
   * Makes a folder refuse new entries for whoever runs the test. Permission bits stop a normal user
   * but not root (tests often run as root in containers), so for root the folder gets the immutable
   * attribute instead, which stops root too. Whether the folder really refuses is checked, not
   * assumed.
   */
  private static final class UnwritableFolder implements AutoCloseable {
    final Path dir;
    final String how;

    private UnwritableFolder(Path dir, String how) {
      this.dir = dir;
      this.how = how;
    }

    static UnwritableFolder of(Path dir) throws Exception {
      dir.toFile().setWritable(false, false);
      if (refusesWrites(dir)) {
        return new UnwritableFolder(dir, "read-only permissions");
      }
      dir.toFile().setWritable(true, false);
      if (run("chattr", "+i", dir.toString()) && refusesWrites(dir)) {
        return new UnwritableFolder(dir, "immutable attribute (running as root)");
      }
      run("chattr", "-i", dir.toString());
      Assumptions.abort("cannot make " + dir + " unwritable here (root without chattr +i support)");
      return null;
    }

    private static boolean refusesWrites(Path dir) {
      try {
        Files.delete(Files.createDirectory(dir.resolve("probe")));
        return false;
      } catch (IOException e) {
        return true;
      }
    }

    private static boolean run(String... command) throws Exception {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
      } catch (IOException e) {
        return false; // no such tool
      }
    }

    @Override
    public void close() throws Exception {
      if (how.startsWith("immutable")) {
        run("chattr", "-i", dir.toString());
      } else {
        dir.toFile().setWritable(true, false);
      }
    }
  }

  private static void produce(
      CopydeskConfig config, Topics topics, int first, int count, String published)
      throws Exception {
    try (KafkaProducer<String, EnrichedArticle> producer =
        new KafkaProducer<>(
            config.kafka(),
            topics.enriched().keySerde().serializer(),
            topics.enriched().valueSerde().serializer())) {
      for (int i = first; i < first + count; i++) {
        String id = "story-" + i;
        RawArticle raw =
            RawArticle.newBuilder()
                .setId(id)
                .setVersion(1)
                .setPubstatus(PubStatus.usable)
                .setSource(Source.newBuilder().setFormat("text").setFile(id + ".txt").build())
                .setHeadline("Headline " + i)
                .setBody("Body " + i)
                .setPublishedAt(Instant.parse(published))
                .setIngestedAt(Instant.parse(published))
                .setContentSha256("c" + i)
                .setPayloadSha256("p" + i)
                .build();
        producer
            .send(
                topics
                    .enriched()
                    .record(
                        id,
                        EnrichedArticle.newBuilder()
                            .setArticle(raw)
                            .setEventId("ev-" + id)
                            .setEnrichedAt(Instant.parse(published))
                            .build()))
            .get();
      }
    }
  }

  private static Map<Integer, Long> committedByPartition(CopydeskConfig config, String group)
      throws Exception {
    try (Admin admin = Admin.create(config.kafka())) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<Integer, Long> byPartition = new java.util.TreeMap<>();
      offsets.forEach(
          (tp, o) -> {
            if (tp.topic().equals(Topics.from(config).enriched().name()) && o != null) {
              byPartition.put(tp.partition(), o.offset());
            }
          });
      return byPartition;
    }
  }

  private static long committed(CopydeskConfig config, String group) {
    try {
      return committedByPartition(config, group).values().stream().mapToLong(Long::longValue).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** The next offset each enriched partition's progress file records: what the files hold. */
  private static Map<Integer, Long> progressByPartition(Path out) throws IOException {
    Map<Integer, Long> byPartition = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(out.resolve("_sink/progress"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().contains("enriched")).toList()) {
        String name = f.getFileName().toString();
        int partition =
            Integer.parseInt(
                name.substring(name.lastIndexOf('+') + 1, name.length() - ".json".length()));
        byPartition.put(partition, JSON.readTree(f.toFile()).get("next_offset").asLong());
      }
    }
    return byPartition;
  }

  private static List<String> ids(Path out) throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("articles"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          ids.add(JSON.readTree(line).get("id").asText());
        }
      }
    }
    return ids;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
