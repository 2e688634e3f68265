package io.copydesk.ingest;

import io.copydesk.contract.CopydeskHeaders;
import io.copydesk.contract.TopicSpec;
import io.copydesk.contract.Topics;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends raw articles and rejects with one transactional producer (acks=all, idempotent), keyed for
 * their topics. A batch (one scan of the drop folder, one HTTP request, one feed poll) is one Kafka
 * transaction with its progress markers inside: downstream, read_committed consumers see all of it
 * at once or none of it, so a crash in the middle of a batch cannot publish its first half before
 * the articles that follow it. Callers serialise batches ({@link Intake} does).
 */
public final class ArticlePublisher implements AutoCloseable {
  /**
   * A transactional call that timed out and must be repeated before anything else (Kafka allows
   * nothing else).
   */
  private enum Unfinished {
    NONE,
    COMMIT,
    ABORT
  }

  private final Topics topics;
  private final Producer<byte[], byte[]> producer;
  private long lastTimestamp;
  private boolean progressDue = true;
  private boolean initialized;
  private Unfinished unfinished = Unfinished.NONE;

  public ArticlePublisher(Topics topics, Producer<byte[], byte[]> producer) {
    this.topics = topics;
    this.producer = producer;
  }

  /**
   * The producer settings ingest relies on; the caller's Kafka properties come first.
   *
   * @param transactionalId stable for this ingest instance across restarts, so that a restarted
   *     instance aborts at once what its killed predecessor left open (instead of every
   *     read_committed consumer waiting for the transaction timeout), and unique among running
   *     instances, which would otherwise fence each other
   */
  public static Producer<byte[], byte[]> createProducer(
      Properties kafka, String clientId, String transactionalId) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // The topics take records up to topic.max.message.bytes; the producer must not refuse them
    // first.
    props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Opens a batch. The first one registers the transactional id with Kafka, which aborts whatever a
   * killed predecessor with the same id left open; a commit or abort that timed out before is
   * finished first (Kafka allows no other call until it is).
   */
  public synchronized void beginBatch() {
    if (!initialized) {
      producer.initTransactions(); // a timeout here is retried by the next batch
      initialized = true;
    }
    if (unfinished == Unfinished.COMMIT) {
      producer.commitTransaction();
    } else if (unfinished == Unfinished.ABORT) {
      producer.abortTransaction();
    }
    unfinished = Unfinished.NONE;
    producer.beginTransaction();
  }

  /** Ends the batch with its progress markers and commits it; returns once Kafka has it all. */
  public synchronized void commitBatch() {
    publishProgress();
    try {
      producer.commitTransaction();
    } catch (TimeoutException e) {
      // The commit may still complete; Kafka allows only repeating it. The caller treats the batch
      // as not published and sends it again later: at worst a duplicate, which enrich drops.
      unfinished = Unfinished.COMMIT;
      progressDue = true;
      throw e;
    }
  }

  /** Abandons the batch: nothing published since {@link #beginBatch} becomes visible. */
  public synchronized void abortBatch() {
    progressDue = true; // the markers went with the batch
    if (unfinished == Unfinished.COMMIT) {
      return; // only the commit may be repeated, at the next batch
    }
    try {
      producer.abortTransaction();
    } catch (TimeoutException e) {
      unfinished = Unfinished.ABORT;
    }
  }

  /**
   * Whether a batch with no article would still carry something: the markers due at start or after
   * a failed batch.
   */
  public synchronized boolean progressDue() {
    return progressDue;
  }

  /**
   * Publishes an article stamped with a time later than every article this publisher sent before:
   * downstream, clustering orders articles by that time, so it must follow the order of publication
   * even for articles sent within the same millisecond.
   */
  public synchronized Future<RecordMetadata> publish(String inputName, RawArticle article) {
    lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
    progressDue = true;
    return producer.send(
        serialized(topics.raw(), article.getId(), article, inputName, lastTimestamp));
  }

  /** As {@link #publish(String, RawArticle)}, for an article whose input has no name. */
  public Future<RecordMetadata> publish(RawArticle article) {
    return publish(null, article);
  }

  /**
   * A reject, keyed and labelled ({@link CopydeskHeaders#SOURCE}) with the name of the input it
   * refuses.
   */
  public Future<RecordMetadata> publish(String inputName, RejectedInput reject) {
    return producer.send(serialized(topics.rejects(), inputName, reject, inputName, null));
  }

  /**
   * Marks every raw partition with "published up to here": a record without key or value, stamped
   * with a time no earlier than any article sent before it (order within a partition is kept by the
   * idempotent producer). Enrich passes these through, so the clustering step knows how far each
   * partition is done even when a partition got no article: it clusters in publication order
   * without guessing from the clock. Sent at the end of each batch that published something (and of
   * the first batch), inside its transaction, with the header {@code copydesk.marker: progress}.
   */
  public synchronized void publishProgress() {
    if (!progressDue) {
      return;
    }
    lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp);
    String raw = topics.raw().name();
    for (int p = 0; p < producer.partitionsFor(raw).size(); p++) {
      producer.send(
          new ProducerRecord<byte[], byte[]>(
              raw,
              p,
              (Long) lastTimestamp,
              null,
              null,
              CopydeskHeaders.progressMarker(new RecordHeaders())));
    }
    progressDue = false;
  }

  @Override
  public void close() {
    producer.close();
  }

  /**
   * A record for the topic, its headers saying what it is: the value serializer labels the content
   * type and schema, and {@code source} (when known) names the input.
   */
  private static <K, V> ProducerRecord<byte[], byte[]> serialized(
      TopicSpec<K, V> topic, K key, V value, String source, Long timestamp) {
    Headers headers = CopydeskHeaders.put(new RecordHeaders(), CopydeskHeaders.SOURCE, source);
    return new ProducerRecord<>(
        topic.name(),
        null,
        timestamp,
        topic.keySerde().serializer().serialize(topic.name(), headers, key),
        topic.valueSerde().serializer().serialize(topic.name(), headers, value),
        headers);
  }
}
