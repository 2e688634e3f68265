package io.copydesk.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka record headers Copydesk writes, named in one place. Every record on a Copydesk topic
 * says what it is: a value's {@link #CONTENT_TYPE} and {@link #SCHEMA_FINGERPRINT} (written by the
 * topic's value serializer, {@link LabelledSerde}), where the input came from ({@link #SOURCE}, raw
 * articles and rejects), or that it is one of ingest's progress markers ({@link #MARKER}). Values
 * are UTF-8 text, except {@link #FROM_PARTITION} (a 4-byte big-endian int).
 */
public final class CopydeskHeaders {
  /**
   * What the value is and how it is encoded, e.g. {@code
   * application/vnd.copydesk.raw-article+avro;encoding=single-object}.
   */
  public static final String CONTENT_TYPE = "content-type";

  /**
   * The writer schema's CRC-64-AVRO fingerprint (Avro's {@code SchemaNormalization}), 16 hex
   * digits.
   */
  public static final String SCHEMA_FINGERPRINT = "schema-fingerprint";

  /**
   * The input an article or reject came from: drop-folder file name, HTTP request id or feed URL.
   */
  public static final String SOURCE = "copydesk.source";

  /**
   * On records that are not data: {@value #PROGRESS} for ingest's progress markers (no key, no
   * value).
   */
  public static final String MARKER = "copydesk.marker";

  public static final String PROGRESS = "progress";

  /**
   * Enrich's note of the raw partition a record came from (see enrich's PublicationOrder); 4-byte
   * int.
   */
  public static final String FROM_PARTITION = "copydesk.from-partition";

  /** Enrich's note on an article released from an embargo by the wall clock; empty value. */
  public static final String EMBARGO_RELEASED = "copydesk.embargo-released";

  private CopydeskHeaders() {}

  /**
   * Sets {@code name} to {@code value} (UTF-8), replacing an earlier one; a null value only removes
   * it.
   */
  public static Headers put(Headers headers, String name, String value) {
    headers.remove(name);
    return value == null ? headers : headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Marks a record as ingest's progress marker. */
  public static Headers progressMarker(Headers headers) {
    return put(headers, MARKER, PROGRESS);
  }

  /** Whether the record carries a {@link #MARKER} header. */
  public static boolean isMarker(Headers headers) {
    return headers != null && headers.lastHeader(MARKER) != null;
  }

  /** The last value of a text header, or null. */
  public static String text(Headers headers, String name) {
    Header h = headers == null ? null : headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Sets {@link #FROM_PARTITION}. */
  public static Headers putPartition(Headers headers, int partition) {
    headers.remove(FROM_PARTITION);
    return headers.add(
        FROM_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
  }

  /** The {@link #FROM_PARTITION} number in a header value, or -1 when it is not one. */
  public static int partition(byte[] value) {
    return value == null || value.length != Integer.BYTES ? -1 : ByteBuffer.wrap(value).getInt();
  }
}
