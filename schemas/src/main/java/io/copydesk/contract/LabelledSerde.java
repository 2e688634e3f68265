package io.copydesk.contract;

import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic's value serde that labels what it writes: wherever a record is serialized with headers
 * (ingest's producer, Kafka Streams' sinks), it gets {@link CopydeskHeaders#CONTENT_TYPE} and
 * {@link CopydeskHeaders#SCHEMA_FINGERPRINT}, so that a reader without Copydesk's code (kcat, a
 * Kafka UI) can tell what the bytes are. Progress markers ({@link CopydeskHeaders#MARKER}) are left
 * as they are: they have no value. Reading is the wrapped serde's alone.
 */
public final class LabelledSerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final Serde<T> delegate;
  private final String contentType;
  private final String fingerprint;

  /**
   * @param encoding how the wrapped serde encodes ({@code serde.mode}: {@code single-object} or
   *     {@code registry}), named in the content type's {@code encoding} parameter
   */
  public LabelledSerde(Class<T> type, String encoding, Serde<T> delegate) {
    this.type = type;
    this.delegate = delegate;
    Schema schema = SpecificData.getForClass(type).getSchema(type);
    this.contentType = mediaType(schema) + ";encoding=" + encoding;
    this.fingerprint = fingerprint(schema);
  }

  /**
   * {@code application/vnd.copydesk.<record name in kebab case>+avro}, e.g. {@code
   * application/vnd.copydesk.raw-article+avro}.
   */
  public static String mediaType(Schema schema) {
    String kebab =
        schema.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return "application/vnd.copydesk." + kebab + "+avro";
  }

  /**
   * The schema's CRC-64-AVRO parsing fingerprint (the one single-object encoding carries), as 16
   * hex digits.
   */
  public static String fingerprint(Schema schema) {
    return String.format(Locale.ROOT, "%016x", SchemaNormalization.parsingFingerprint64(schema));
  }

  public Class<T> type() {
    return type;
  }

  /** The full content type written, with its {@code encoding} parameter. */
  public String contentType() {
    return contentType;
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** The serde that encodes and decodes. */
  public Serde<T> delegate() {
    return delegate;
  }

  /** Sets this serde's labels on a record's headers (not on a progress marker's). */
  public Headers label(Headers headers) {
    if (!CopydeskHeaders.isMarker(headers)) {
      CopydeskHeaders.put(headers, CopydeskHeaders.CONTENT_TYPE, contentType);
      CopydeskHeaders.put(headers, CopydeskHeaders.SCHEMA_FINGERPRINT, fingerprint);
    }
    return headers;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    delegate.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    Serializer<T> inner = delegate.serializer();
    return new Serializer<>() {
      @Override
      public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
      }

      @Override
      public byte[] serialize(String topic, T data) {
        return inner.serialize(topic, data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T data) {
        return inner.serialize(topic, headers == null ? null : label(headers), data);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return delegate.deserializer();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return contentType + " (" + delegate + ")";
  }
}
