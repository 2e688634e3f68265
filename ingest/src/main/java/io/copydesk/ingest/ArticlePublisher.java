package io.copydesk.ingest;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends raw articles and rejects with one idempotent producer (acks=all), keyed for their topics. */
public final class ArticlePublisher implements AutoCloseable {
  private final Topics topics;
  private final Producer<byte[], byte[]> producer;
  private long lastTimestamp;
  private boolean progressDue = true;

  public ArticlePublisher(Topics topics, Producer<byte[], byte[]> producer) {
    this.topics = topics;
    this.producer = producer;
  }

  /** The producer settings ingest relies on; the caller's Kafka properties come first. */
  public static Producer<byte[], byte[]> createProducer(Properties kafka, String clientId) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // The topics take records up to topic.max.message.bytes; the producer must not refuse them first.
    props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Publishes an article stamped with a time later than every article this publisher sent before:
   * downstream, clustering orders articles by that time, so it must follow the order of publication
   * even for articles sent within the same millisecond.
   */
  public synchronized Future<RecordMetadata> publish(RawArticle article) {
    lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp + 1);
    progressDue = true;
    ProducerRecord<byte[], byte[]> record = serialized(topics.raw(), article.getId(), article);
    return producer.send(new ProducerRecord<>(record.topic(), null, lastTimestamp, record.key(), record.value()));
  }

  public Future<RecordMetadata> publish(String inputName, RejectedInput reject) {
    return producer.send(serialized(topics.rejects(), inputName, reject));
  }

  /**
   * Marks every raw partition with "published up to here": a record without key or value, stamped
   * with a time no earlier than any article sent before it (order within a partition is kept by
   * the idempotent producer). Enrich passes these through, so the clustering step knows how far each
   * partition is done even when a partition got no article: it clusters in publication order
   * without guessing from the clock. Sent after each batch that published something, and once at
   * start for whatever a crashed predecessor published.
   */
  public synchronized void publishProgress() {
    if (!progressDue) {
      return;
    }
    lastTimestamp = Math.max(System.currentTimeMillis(), lastTimestamp);
    String raw = topics.raw().name();
    for (int p = 0; p < producer.partitionsFor(raw).size(); p++) {
      producer.send(new ProducerRecord<byte[], byte[]>(raw, p, (Long) lastTimestamp, null, null));
    }
    progressDue = false;
  }

  /** Blocks until everything sent so far is acknowledged by the brokers. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private static <K, V> ProducerRecord<byte[], byte[]> serialized(TopicSpec<K, V> topic, K key, V value) {
    return new ProducerRecord<>(topic.name(),
        topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }
}
