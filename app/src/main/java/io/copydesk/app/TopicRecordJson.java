package io.copydesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copydesk.contract.CopydeskHeaders;
import io.copydesk.contract.LabelledSerde;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One record of a Copydesk topic as one line of JSON, for {@code copydesk topics tail}: where it is
 * (topic, partition, offset, timestamp), its key, its headers, and its value decoded with the
 * topic's own serde, or, for a record that names its content type (a dead letter, an internal
 * topic's record), with that type's. Bytes that are printable UTF-8 are shown as text, others as
 * {@code {"base64": ...}}. Ingest's progress markers get {@code "marker": true} (also the old ones
 * without a marker header: no key and no value on the raw topic); deletions {@code "tombstone":
 * true}.
 */
final class TopicRecordJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Topics topics;

  TopicRecordJson(Topics topics) {
    this.topics = topics;
  }

  String line(ConsumerRecord<byte[], byte[]> record) {
    try {
      return JSON.writeValueAsString(toJson(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  ObjectNode toJson(ConsumerRecord<byte[], byte[]> r) {
    ObjectNode n = NODES.objectNode();
    n.put("topic", r.topic());
    n.put("partition", r.partition());
    n.put("offset", r.offset());
    n.put("timestamp", r.timestamp() < 0 ? null : Instant.ofEpochMilli(r.timestamp()).toString());
    n.set("key", bytes(r.key()));
    ObjectNode headers = n.putObject("headers");
    for (Header h : r.headers()) {
      JsonNode value =
          h.key().equals(CopydeskHeaders.FROM_PARTITION)
                  && CopydeskHeaders.partition(h.value()) >= 0
              ? NODES.numberNode(CopydeskHeaders.partition(h.value()))
              : bytes(h.value());
      JsonNode before = headers.get(h.key());
      if (before == null) {
        headers.set(h.key(), value);
      } else {
        ArrayNode all = before.isArray() ? (ArrayNode) before : NODES.arrayNode().add(before);
        headers.set(h.key(), all.add(value));
      }
    }
    boolean marker =
        CopydeskHeaders.isMarker(r.headers())
            || (r.topic().equals(topics.raw().name()) && r.key() == null && r.value() == null);
    if (marker) {
      n.put("marker", true);
    } else if (r.value() == null) {
      n.put("tombstone", true);
    }
    if (r.value() == null) {
      n.putNull("value");
      return n;
    }
    Optional<Deserializer<?>> serde = deserializerFor(r);
    if (serde.isEmpty()) {
      n.set("value", bytes(r.value()));
      return n;
    }
    try {
      n.set("value", avro(serde.get().deserialize(r.topic(), r.headers(), r.value())));
    } catch (RuntimeException e) {
      n.put("value_error", e.getMessage());
      n.set("value", bytes(r.value()));
    }
    return n;
  }

  /**
   * The topic's value serde if it is one of Copydesk's record topics; else the one its content type
   * header names.
   */
  private Optional<Deserializer<?>> deserializerFor(ConsumerRecord<byte[], byte[]> r) {
    Optional<LabelledSerde<?>> own =
        topics
            .named(r.topic())
            .map(TopicSpec::valueSerde)
            .filter(LabelledSerde.class::isInstance)
            .map(s -> (LabelledSerde<?>) s);
    return own.or(
            () -> topics.serdeFor(CopydeskHeaders.text(r.headers(), CopydeskHeaders.CONTENT_TYPE)))
        .map(LabelledSerde::deserializer);
  }

  /** Printable UTF-8 as text, anything else as base64; null stays null. */
  static JsonNode bytes(byte[] value) {
    if (value == null) {
      return NODES.nullNode();
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
      if (text.codePoints()
          .allMatch(c -> c >= 0x20 && c != 0x7f || c == '\n' || c == '\r' || c == '\t')) {
        return NODES.textNode(text);
      }
    } catch (CharacterCodingException notText) {
      // base64 below
    }
    return NODES.objectNode().put("base64", Base64.getEncoder().encodeToString(value));
  }

  /**
   * An Avro datum (generated or generic records, and what they hold) as JSON, fields by schema
   * name, unions unwrapped.
   */
  static JsonNode avro(Object v) {
    if (v == null) {
      return NODES.nullNode();
    } else if (v instanceof IndexedRecord record) {
      ObjectNode n = NODES.objectNode();
      for (Schema.Field f : record.getSchema().getFields()) {
        n.set(f.name(), avro(record.get(f.pos())));
      }
      return n;
    } else if (v instanceof Map<?, ?> map) {
      ObjectNode n = NODES.objectNode();
      map.forEach((k, value) -> n.set(String.valueOf(k), avro(value)));
      return n;
    } else if (v instanceof Collection<?> list) {
      ArrayNode a = NODES.arrayNode();
      list.forEach(item -> a.add(avro(item)));
      return a;
    } else if (v instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] b = new byte[copy.remaining()];
      copy.get(b);
      return bytes(b);
    } else if (v instanceof GenericFixed fixed) {
      return bytes(fixed.bytes());
    } else if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (v instanceof Integer || v instanceof Long) {
      return NODES.numberNode(((Number) v).longValue());
    } else if (v instanceof Float || v instanceof Double) {
      return NODES.numberNode(((Number) v).doubleValue());
    } else if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    return NODES.textNode(v.toString()); // strings, timestamps (java.time), enum symbols, UUIDs
  }
}
