package io.copydesk.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.AvroSerde;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.LabelledSerde;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import io.copydesk.schema.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * serde.mode=registry without a registry: no registry can run in this build, so this checks the
 * wiring (which serde each topic gets, configured how) and that the real Apicurio serializer is
 * behind it, by watching it try to reach the registry.
 */
class RegistrySerdeWiringTest {
  /** Nothing listens here: port 1 on the loopback refuses at once. */
  private static final String NO_REGISTRY = "http://127.0.0.1:1/apis/registry/v3";

  private final CopydeskConfig registryMode =
      CopydeskConfig.defaults().with("serde.mode", "registry").with("registry.url", NO_REGISTRY);

  @Test
  void everyRecordTopicGetsAnApicurioSerdeInTheConfluentWireFormat() {
    Topics topics = Topics.from(registryMode);
    Map<TopicSpec<?, ?>, Class<?>> expected =
        Map.of(
            topics.raw(),
            RawArticle.class,
            topics.rejects(),
            RejectedInput.class,
            topics.enriched(),
            EnrichedArticle.class,
            topics.events(),
            EventSnapshot.class);
    expected.forEach(
        (topic, type) -> {
          LabelledSerde<?> labelled =
              assertInstanceOf(LabelledSerde.class, topic.valueSerde(), topic.name());
          assertTrue(
              labelled.contentType().endsWith("+avro;encoding=registry"), labelled.contentType());
          RegistrySerde<?> serde =
              assertInstanceOf(RegistrySerde.class, labelled.delegate(), topic.name());
          assertEquals(type, serde.type());
          assertEquals(NO_REGISTRY, serde.settings().get("apicurio.registry.url"));
          assertEquals(
              false,
              serde.settings().get("apicurio.registry.headers.enabled"),
              "the schema id travels in the payload");
          assertEquals(
              "io.apicurio.registry.serde.Default4ByteIdHandler",
              serde.settings().get("apicurio.registry.id-handler"));
          assertEquals(
              "contentId",
              serde.settings().get("apicurio.registry.use-id"),
              "the id the Confluent-compatible API serves");
          assertEquals(true, serde.settings().get("apicurio.registry.use-specific-avro-reader"));
          assertEquals(true, serde.settings().get("apicurio.registry.auto-register"));
          assertInstanceOf(
              io.apicurio.registry.serde.avro.AvroKafkaSerializer.class, serde.serializer());
          assertInstanceOf(
              io.apicurio.registry.serde.avro.AvroKafkaDeserializer.class, serde.deserializer());
        });
    assertEquals(
        org.apache.kafka.common.serialization.Serdes.ByteArraySerde.class,
        topics.deadLetters().valueSerde().getClass(),
        "dead letters keep the original bytes");
  }

  @Test
  void theDefaultIsTheSingleObjectEncoding() {
    Topics topics = Topics.from(CopydeskConfig.defaults());
    for (TopicSpec<?, ?> topic :
        List.of(topics.raw(), topics.rejects(), topics.enriched(), topics.events())) {
      assertInstanceOf(
          AvroSerde.class,
          assertInstanceOf(LabelledSerde.class, topic.valueSerde(), topic.name()).delegate(),
          topic.name());
    }
  }

  @Test
  void registryModeWithoutAnAddressOrAnUnknownModeIsRefused() {
    IllegalArgumentException noUrl =
        assertThrows(
            IllegalArgumentException.class,
            () -> Topics.from(CopydeskConfig.defaults().with("serde.mode", "registry")));
    assertTrue(noUrl.getMessage().contains("COPYDESK_REGISTRY_URL"), noUrl.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Topics.from(CopydeskConfig.defaults().with("serde.mode", "confluent")));
  }

  @Test
  void theSerializerAsksTheRegistry() {
    RawArticle article =
        RawArticle.newBuilder()
            .setId("s1")
            .setVersion(1)
            .setPubstatus(PubStatus.usable)
            .setSource(Source.newBuilder().setFormat("text").setFile("s1.txt").build())
            .setHeadline("Quake hits coast")
            .setBody("A quake hit the coast.")
            .setIngestedAt(Instant.parse("2026-01-01T00:00:00Z"))
            .setContentSha256("c")
            .setPayloadSha256("p")
            .build();
    long started = System.nanoTime();
    RuntimeException failed =
        assertThrows(
            RuntimeException.class,
            () ->
                Topics.from(registryMode)
                    .raw()
                    .valueSerde()
                    .serializer()
                    .serialize("copydesk.raw-articles", article),
            "with no registry to register the schema in, nothing can be written");
    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).toSeconds() < 60,
        "and it says so without hanging");
    assertTrue(
        stackOf(failed).contains("127.0.0.1") || stackOf(failed).toLowerCase().contains("connect"),
        stackOf(failed));
  }

  private static String stackOf(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }
}
