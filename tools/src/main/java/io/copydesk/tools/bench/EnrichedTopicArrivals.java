package io.copydesk.tools.bench;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The enriched-articles topic as the end point, read as the sink reads it (read_committed, so an
 * article counts once enrich's transaction committed it), but without a group and without writing
 * files: the difference to {@link SinkFileArrivals} is what the sink's batching adds.
 */
final class EnrichedTopicArrivals extends Arrivals {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topics topics;
  private final Thread poller;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  EnrichedTopicArrivals(CopydeskConfig config, Topics topics) {
    this.topics = topics;
    Properties props = new Properties();
    props.putAll(config.kafka());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    String name = topics.enriched().name();
    List<TopicPartition> partitions =
        consumer.partitionsFor(name).stream()
            .map(p -> new TopicPartition(name, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.poller = new Thread(this::poll, "copydesk-bench-enriched-topic");
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  String describe() {
    return "enriched article on "
        + topics.enriched().name()
        + " (read_committed consumer, as the sink reads it)";
  }

  private void poll() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(100));
        long now = System.nanoTime();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (r.value() != null) {
            EnrichedArticle a =
                topics.enriched().valueSerde().deserializer().deserialize(r.topic(), r.value());
            arrived(key(a.getArticle().getId(), a.getArticle().getVersion()), now);
          }
        }
      }
    } catch (WakeupException e) {
      // close()
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  @Override
  RuntimeException failure() {
    return failure;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    poller.join();
  }
}
