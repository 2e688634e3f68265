package io.copydesk.contract;

import io.copydesk.schema.RawArticle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (a 2-byte marker, the writer schema's 64-bit fingerprint, then the
 * binary datum). The reader resolves the fingerprint against the current schema and every released
 * version in {@link SchemaHistory}, so no schema registry is needed. Null stays null (tombstones).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  static {
    // Avro 1.12 only instantiates classes it trusts; trust our own generated records as well.
    ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            before, type -> type.getPackageName().equals(RawArticle.class.getPackageName())));
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroSerde(Class<T> type) {
    this(
        type, SchemaHistory.versions(SpecificData.getForClass(type).getSchema(type).getFullName()));
  }

  /** With an explicit list of writer schemas to accept besides the current one. */
  AvroSerde(Class<T> type, List<Schema> writerSchemas) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    SchemaStore.Cache known = new SchemaStore.Cache();
    writerSchemas.forEach(known::addSchema);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, known);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        ByteBuffer buffer = encoder.encode(value);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
        throw new SerializationException(
            "cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(),
            e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return decoder.decode(bytes);
      } catch (IOException | AvroRuntimeException e) {
        throw new SerializationException(
            "cannot decode "
                + type.getSimpleName()
                + " from topic "
                + topic
                + " ("
                + bytes.length
                + " bytes): "
                + e.getMessage(),
            e);
      }
    };
  }
}
