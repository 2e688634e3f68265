package io.copydesk.contract;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/** One topic, declared once: its name, key and value serdes, partitions and topic configs. */
public record TopicSpec<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    short replicationFactor,
    Map<String, String> configs) {

  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "topic " + name + " needs at least one partition, not " + partitions);
    }
    configs = Map.copyOf(configs);
  }

  public NewTopic newTopic() {
    return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor))
        .configs(configs);
  }

  public ProducerRecord<K, V> record(K key, V value) {
    return new ProducerRecord<>(name, key, value);
  }
}
