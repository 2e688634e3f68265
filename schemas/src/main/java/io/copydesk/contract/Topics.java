package io.copydesk.contract;

import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Copydesk's topics. Names and partition counts come from configuration ({@code topic.<id>.*},
 * shared by every stage: defaults in this module's {@code copydesk-defaults.properties}), each
 * checked when read.
 */
public record Topics(
    TopicSpec<String, RawArticle> raw,
    TopicSpec<String, RejectedInput> rejects,
    TopicSpec<String, EnrichedArticle> enriched,
    TopicSpec<String, EventSnapshot> events,
    TopicSpec<byte[], byte[]> deadLetters) {

  public static Topics from(CopydeskConfig config) {
    short replication = (short) config.integer("topic.replication.factor", 1, Short.MAX_VALUE);
    Serde<String> ids = Serdes.String();
    // Articles may be up to ingest.max.article.bytes (2 MB by default), above the broker's 1 MB
    // default.
    String maxMessage =
        Integer.toString(config.integer("topic.max.message.bytes", 1, Integer.MAX_VALUE));
    // Raw and enriched articles are the record of what arrived: kept by time, never compacted away.
    Map<String, String> log =
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            maxMessage);
    // Only the latest snapshot of an event matters; tombstones delete events.
    Map<String, String> latest =
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            maxMessage);
    return new Topics(
        spec(config, "raw", ids, valueSerde(config, RawArticle.class), replication, log),
        spec(config, "rejects", ids, valueSerde(config, RejectedInput.class), replication, log),
        spec(config, "enriched", ids, valueSerde(config, EnrichedArticle.class), replication, log),
        spec(config, "events", ids, valueSerde(config, EventSnapshot.class), replication, latest),
        spec(config, "dead.letters", Serdes.ByteArray(), Serdes.ByteArray(), replication, log));
  }

  /**
   * {@code serde.mode}: {@code single-object} (default) needs no registry; {@code registry} uses a
   * schema registry at {@code registry.url} through the registry-serde module. Either way the
   * serializer labels each record with its content type and schema fingerprint ({@link
   * LabelledSerde}).
   */
  static <T extends SpecificRecord> LabelledSerde<T> valueSerde(
      CopydeskConfig config, Class<T> type) {
    String mode = config.string("serde.mode");
    Serde<T> serde =
        switch (mode) {
          case "single-object" -> new AvroSerde<>(type);
          case "registry" ->
              ServiceLoader.load(RegistrySerdeProvider.class)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "serde.mode=registry needs the copydesk-registry-serde module on the classpath"))
                  .valueSerde(type, config);
          default ->
              throw new IllegalArgumentException(
                  "serde.mode must be single-object or registry, not '" + mode + "'");
        };
    return new LabelledSerde<>(type, mode, serde);
  }

  public List<TopicSpec<?, ?>> all() {
    return List.of(raw, rejects, enriched, events, deadLetters);
  }

  /** The topic of this name, if it is one of these. */
  public Optional<TopicSpec<?, ?>> named(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The value serde that writes records of this content type ({@link CopydeskHeaders#CONTENT_TYPE};
   * its parameters, such as the encoding, are not compared), if one of these topics' does: how a
   * record that left its topic (a dead letter, an internal topic's) is read.
   */
  public Optional<LabelledSerde<?>> serdeFor(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String media = contentType.split(";", 2)[0].strip();
    return all().stream()
        .<LabelledSerde<?>>mapMulti(
            (t, out) -> {
              if (t.valueSerde() instanceof LabelledSerde<?> labelled
                  && labelled.contentType().split(";", 2)[0].equals(media)) {
                out.accept(labelled);
              }
            })
        .findFirst();
  }

  private static <K, V> TopicSpec<K, V> spec(
      CopydeskConfig config,
      String id,
      Serde<K> key,
      Serde<V> value,
      short replication,
      Map<String, String> configs) {
    return new TopicSpec<>(
        config.string("topic." + id + ".name"),
        key,
        value,
        config.integer("topic." + id + ".partitions", 1, Integer.MAX_VALUE),
        replication,
        configs);
  }
}
