package io.copydesk.contract;

import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Copydesk's topics. Names and partition counts come from configuration ({@code topic.<id>.*}). */
public record Topics(
    TopicSpec<String, RawArticle> raw,
    TopicSpec<String, RejectedInput> rejects,
    TopicSpec<String, EnrichedArticle> enriched,
    TopicSpec<String, EventSnapshot> events,
    TopicSpec<byte[], byte[]> deadLetters) {

  public static Topics from(CopydeskConfig config) {
    short replication = (short) config.integer("topic.replication.factor");
    Serde<String> ids = Serdes.String();
    // Articles may be up to ingest.max.article.bytes (2 MB by default), above the broker's 1 MB default.
    String maxMessage = Integer.toString(config.integer("topic.max.message.bytes"));
    // Raw and enriched articles are the record of what arrived: kept by time, never compacted away.
    Map<String, String> log = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage);
    // Only the latest snapshot of an event matters; tombstones delete events.
    Map<String, String> latest = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage);
    return new Topics(
        spec(config, "raw", ids, new AvroSerde<>(RawArticle.class), replication, log),
        spec(config, "rejects", ids, new AvroSerde<>(RejectedInput.class), replication, log),
        spec(config, "enriched", ids, new AvroSerde<>(EnrichedArticle.class), replication, log),
        spec(config, "events", ids, new AvroSerde<>(EventSnapshot.class), replication, latest),
        spec(config, "dead.letters", Serdes.ByteArray(), Serdes.ByteArray(), replication, log));
  }

  public List<TopicSpec<?, ?>> all() {
    return List.of(raw, rejects, enriched, events, deadLetters);
  }

  private static <K, V> TopicSpec<K, V> spec(
      CopydeskConfig config, String id, Serde<K> key, Serde<V> value, short replication, Map<String, String> configs) {
    return new TopicSpec<>(
        config.string("topic." + id + ".name"), key, value, config.integer("topic." + id + ".partitions"), replication, configs);
  }
}
