package io.copydesk.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final AvroSerde<RawArticle> serde = new AvroSerde<>(RawArticle.class);

  static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("story-1")
        .setVersion(2)
        .setPubstatus(PubStatus.usable)
        .setSource(Source.newBuilder().setFormat("text").setFile("a.txt").build())
        .setHeadline("Headline")
        .setBody("Body text.")
        .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setContentSha256("c")
        .setPayloadSha256("p")
        .build();
  }

  @Test
  void roundTripsWithTheSingleObjectHeader() {
    byte[] bytes = serde.serializer().serialize("t", article());
    // Single-object encoding: marker C3 01, then the 8-byte fingerprint of the writer schema.
    assertEquals((byte) 0xC3, bytes[0]);
    assertEquals((byte) 0x01, bytes[1]);
    assertEquals(article(), serde.deserializer().deserialize("t", bytes));
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertNull(serde.serializer().serialize("t", null));
    assertNull(serde.deserializer().deserialize("t", null));
  }

  @Test
  void garbageFailsWithAKafkaSerializationException() {
    SerializationException e =
        assertThrows(
            SerializationException.class,
            () -> serde.deserializer().deserialize("raw", new byte[] {1, 2, 3, 4}));
    assertTrue(e.getMessage().contains("RawArticle"), e.getMessage());
    assertTrue(e.getMessage().contains("raw"), e.getMessage());
  }

  @Test
  void dataFromAnOlderReleaseIsResolvedAgainstTheCurrentSchema() throws Exception {
    // An "older" RawArticle without the fields added since: what a previous build would have
    // written.
    Schema older = olderRawArticle();
    GenericRecord old = new GenericData.Record(older);
    old.put("id", "story-9");
    old.put("source", sourceRecord(older));
    old.put("body", "Old body.");
    old.put("ingested_at", 5L);
    old.put("content_sha256", "c");
    old.put("payload_sha256", "p");
    ByteBuffer encoded =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);

    RawArticle read =
        new AvroSerde<>(RawArticle.class, List.of(older)).deserializer().deserialize("t", bytes);
    assertEquals("story-9", read.getId());
    assertEquals(1L, read.getVersion(), "a field the old writer lacked takes its default");
    assertEquals(PubStatus.usable, read.getPubstatus());

    // The serde that does not know that writer schema refuses clearly instead of misreading.
    SerializationException unknown =
        assertThrows(
            SerializationException.class, () -> serde.deserializer().deserialize("t", bytes));
    assertTrue(unknown.getMessage().contains("RawArticle"));
  }

  private static Schema olderRawArticle() {
    Schema current = RawArticle.SCHEMA$;
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(current.getName()).namespace(current.getNamespace()).fields();
    for (String name :
        List.of("id", "source", "body", "ingested_at", "content_sha256", "payload_sha256")) {
      Schema.Field f = current.getField(name);
      fields = fields.name(name).type(f.schema()).noDefault();
    }
    return fields.endRecord();
  }

  private static GenericRecord sourceRecord(Schema older) {
    GenericRecord source = new GenericData.Record(older.getField("source").schema());
    source.put("format", "text");
    return source;
  }

  @Test
  void encodingIsDeterministic() {
    assertArrayEquals(
        serde.serializer().serialize("t", article()), serde.serializer().serialize("t", article()));
  }
}
