package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.CopydeskHeaders;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** {@code copydesk topics tail}'s lines: records of each kind as JSON, markers labelled. */
class TopicRecordJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Topics topics = Topics.from(CopydeskConfig.defaults());
  private final TopicRecordJson format = new TopicRecordJson(topics);

  private static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("s1")
        .setVersion(2)
        .setPubstatus(PubStatus.usable)
        .setSource(Source.newBuilder().setFormat("text").setFile("quake.txt").build())
        .setHeadline("Quake hits coast")
        .setBody("A quake hit the coast.")
        .setIngestedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .setContentSha256("c")
        .setPayloadSha256("p")
        .build();
  }

  private static ConsumerRecord<byte[], byte[]> record(
      String topic, int partition, long offset, byte[] key, byte[] value, Headers headers) {
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        1767225600000L,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        key,
        value,
        headers,
        Optional.empty());
  }

  private JsonNode line(ConsumerRecord<byte[], byte[]> record) throws Exception {
    String line = format.line(record);
    assertFalse(line.contains("\n"), "one line per record");
    return JSON.readTree(line);
  }

  /** A record as Copydesk writes it: the topic's serializer labels its headers. */
  private static <V> ConsumerRecord<byte[], byte[]> written(
      TopicSpec<String, V> topic, String key, V value, Headers headers) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
    return record(topic.name(), 0, 7, key.getBytes(StandardCharsets.UTF_8), bytes, headers);
  }

  @Test
  void anArticleIsDecodedToJsonWithItsKeyAndHeaders() throws Exception {
    Headers headers = CopydeskHeaders.put(new RecordHeaders(), CopydeskHeaders.SOURCE, "quake.txt");
    JsonNode n = line(written(topics.raw(), "s1", article(), headers));
    assertEquals("copydesk.raw-articles", n.get("topic").asText());
    assertEquals(0, n.get("partition").asInt());
    assertEquals(7, n.get("offset").asLong());
    assertEquals("2026-01-01T00:00:00Z", n.get("timestamp").asText());
    assertEquals("s1", n.get("key").asText());
    assertEquals(
        "application/vnd.copydesk.raw-article+avro;encoding=single-object",
        n.get("headers").get("content-type").asText());
    assertTrue(n.get("headers").get("schema-fingerprint").asText().matches("[0-9a-f]{16}"));
    assertEquals("quake.txt", n.get("headers").get("copydesk.source").asText());
    JsonNode value = n.get("value");
    assertEquals("s1", value.get("id").asText());
    assertEquals(2, value.get("version").asInt());
    assertEquals("usable", value.get("pubstatus").asText());
    assertEquals("Quake hits coast", value.get("headline").asText());
    assertEquals("quake.txt", value.get("source").get("file").asText());
    assertTrue(
        value.get("source").get("uri").isNull(), "a null branch of a union is null, not wrapped");
    assertEquals(
        "2026-01-01T00:00:00Z", value.get("ingested_at").asText(), "timestamps as ISO-8601");
    assertFalse(n.has("marker"));
  }

  @Test
  void progressMarkersAreLabelledWithOrWithoutTheirHeader() throws Exception {
    JsonNode marked =
        line(
            record(
                topics.raw().name(),
                2,
                9,
                null,
                null,
                CopydeskHeaders.progressMarker(new RecordHeaders())));
    assertTrue(marked.get("marker").asBoolean());
    assertTrue(marked.get("key").isNull());
    assertTrue(marked.get("value").isNull());
    assertEquals("progress", marked.get("headers").get("copydesk.marker").asText());

    JsonNode older = line(record(topics.raw().name(), 2, 10, null, null, new RecordHeaders()));
    assertTrue(older.get("marker").asBoolean(), "a marker written before markers had a header");
  }

  @Test
  void aDeletedEventIsATombstone() throws Exception {
    JsonNode n =
        line(
            record(
                topics.events().name(),
                0,
                3,
                "ev-1".getBytes(StandardCharsets.UTF_8),
                null,
                new RecordHeaders()));
    assertTrue(n.get("tombstone").asBoolean());
    assertFalse(n.has("marker"));
  }

  @Test
  void aDeadLetterIsDecodedByItsContentTypeAndItsPartitionHeaderIsANumber() throws Exception {
    Headers headers = new RecordHeaders();
    ConsumerRecord<byte[], byte[]> raw = written(topics.raw(), "s1", article(), headers);
    headers.add("__streams.errors.message", "boom".getBytes(StandardCharsets.UTF_8));
    CopydeskHeaders.putPartition(headers, 2);
    JsonNode n = line(record(topics.deadLetters().name(), 0, 0, raw.key(), raw.value(), headers));
    assertEquals("Quake hits coast", n.get("value").get("headline").asText());
    assertEquals("boom", n.get("headers").get("__streams.errors.message").asText());
    assertEquals(2, n.get("headers").get("copydesk.from-partition").asInt());
  }

  @Test
  void bytesThatAreNoCopydeskRecordAreShownAsTextOrBase64() throws Exception {
    JsonNode text =
        line(
            record(
                topics.deadLetters().name(),
                0,
                0,
                "poison".getBytes(StandardCharsets.UTF_8),
                "not Avro".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders()));
    assertEquals("not Avro", text.get("value").asText());
    JsonNode binary =
        line(
            record(
                topics.deadLetters().name(),
                0,
                1,
                null,
                new byte[] {0, (byte) 0xff, 1},
                new RecordHeaders()));
    assertEquals("AP8B", binary.get("value").get("base64").asText());

    JsonNode broken =
        line(
            record(
                topics.raw().name(),
                0,
                2,
                "x".getBytes(StandardCharsets.UTF_8),
                "not Avro".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders()));
    assertTrue(broken.get("value_error").asText().contains("RawArticle"), broken.toString());
    assertEquals(
        "not Avro", broken.get("value").asText(), "what could not be decoded is still shown");
  }
}
