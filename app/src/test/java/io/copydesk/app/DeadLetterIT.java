package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record enrich cannot read lands on the dead-letter topic with the error, and enrich keeps
 * running.
 */
class DeadLetterIT {

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheAppStaysRunning(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      CopydeskConfig config =
          CopydeskConfig.defaults()
              .with("kafka.bootstrap.servers", kafka.bootstrapServers())
              .with("enrich.state.dir", dir.resolve("streams").toString());
      Topics topics = Topics.from(config);
      Path input = Files.createDirectories(dir.resolve("in"));
      Pipeline pipeline = new Pipeline(config, input, dir.resolve("out"), null, true);
      try {
        pipeline.start();
        waitUntil(pipeline::enrichRunning, "enrich running");

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
        List<ConsumerRecord<byte[], byte[]>> dead = read(kafka, topics.deadLetters().name(), 1);
        assertEquals("poison", new String(dead.get(0).key(), StandardCharsets.UTF_8));
        assertNotNull(
            dead.get(0).headers().lastHeader("__streams.errors.exception"),
            "the error travels in the headers");
        assertTrue(pipeline.enrichRunning(), "enrich keeps running");

        // And the next good article still flows.
        Files.writeString(
            input.resolve("good.txt"),
            "Ferry runs again\nThe ferry to the islands ran again on Friday, the operator said.");
        assertEquals(1, pipeline.ingestOnce().articles());
        assertEquals(1, read(kafka, topics.enriched().name(), 1).size());
      } finally {
        pipeline.close();
      }
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(
      EmbeddedKafka kafka, String topic, int atLeast) {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("group.id", "test-" + topic);
    props.put("auto.offset.reset", "earliest");
    props.put("isolation.level", "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plusSeconds(60);
      while (records.size() < atLeast && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertTrue(
        records.size() >= atLeast,
        "expected " + atLeast + " records on " + topic + ", got " + records.size());
    return records;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
