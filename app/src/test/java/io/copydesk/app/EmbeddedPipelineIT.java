package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds scenario on a real Kafka broker inside the test JVM: what CI runs. */
class EmbeddedPipelineIT {

  @Test
  void seedsRunEndToEndOnTheEmbeddedBrokerAndARerunAddsNothing(@TempDir Path dir) throws Exception {
    Path input = SeedsScenario.copyOfSeeds(dir);
    Path out = dir.resolve("out");

    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);
    assertTrue(
        Files.isDirectory(out.resolve(".copydesk/kafka")),
        "the broker's log lives in the data directory");

    // Same command again: the data directory resumes; nothing is duplicated.
    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);

    // A byte-identical redelivery under another file name is the same article: no second record.
    Files.copy(input.resolve("000_068f58b77f76df07.txt"), input.resolve("000-redelivered.txt"));
    assertEquals(0, SeedsScenario.runOnce(input, out));
    SeedsScenario.assertSeedsOutput(out);
  }

  @Test
  void seedsRunAgainstAnExternalBroker(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      Path out = dir.resolve("out");
      assertEquals(
          0,
          SeedsScenario.runOnce(
              SeedsScenario.copyOfSeeds(dir),
              out,
              "--bootstrap-servers",
              kafka.bootstrapServers()));
      SeedsScenario.assertSeedsOutput(out);
      assertTrue(
          !Files.exists(out.resolve(".copydesk/kafka")), "no embedded broker when one is given");
    }
  }

  @Test
  void aSinkCommitLostInACrashIsCaughtUpFromTheFiles(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      Path input = SeedsScenario.copyOfSeeds(dir);
      Path out = dir.resolve("out");
      assertEquals(
          0, SeedsScenario.runOnce(input, out, "--bootstrap-servers", kafka.bootstrapServers()));

      // As if the process died after writing the files and their progress but before committing to
      // Kafka.
      java.util.Properties props = new java.util.Properties();
      props.put("bootstrap.servers", kafka.bootstrapServers());
      try (org.apache.kafka.clients.admin.Admin admin =
          org.apache.kafka.clients.admin.Admin.create(props)) {
        java.util.Map<
                org.apache.kafka.common.TopicPartition,
                org.apache.kafka.clients.consumer.OffsetAndMetadata>
            rewind = new java.util.HashMap<>();
        admin
            .listConsumerGroupOffsets("copydesk-sink")
            .partitionsToOffsetAndMetadata()
            .get()
            .keySet()
            .forEach(
                tp -> rewind.put(tp, new org.apache.kafka.clients.consumer.OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets("copydesk-sink", rewind).all().get();
      }

      assertEquals(
          0,
          SeedsScenario.runOnce(input, out, "--bootstrap-servers", kafka.bootstrapServers()),
          "the rerun sees the files' progress and finishes");
      SeedsScenario.assertSeedsOutput(out);
    }
  }
}
