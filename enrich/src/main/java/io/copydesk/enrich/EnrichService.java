package io.copydesk.enrich;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the enrich topology into a running Kafka Streams app: configuration and lifecycle only. */
public final class EnrichService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);

  private final KafkaStreams streams;
  private final EnrichSettings settings;
  private final EnrichCounts counts = new EnrichCounts();

  public EnrichService(CopydeskConfig config, Topics topics, ArticleEnricher enricher) {
    StreamsBuilder builder = new StreamsBuilder();
    this.settings = EnrichSettings.from(config);
    EnrichTopology.build(builder, topics, settings, enricher, counts);
    Topology topology = builder.build();
    LOG.debug("enrich topology:\n{}", topology.describe());
    this.streams =
        new KafkaStreams(topology, streamsProperties(config.kafka(), settings.streams(), topics));
    // A bug that escapes the handlers costs one thread restart, not the app.
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("stream thread failed; replacing it", e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
  }

  static Properties streamsProperties(Properties kafka, EnrichSettings.Streams app, Topics topics) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, app.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, app.stateDir());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, app.threadsToRun());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, app.commitInterval().toMillis());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, app.replicationFactor());
    props.putIfAbsent(
        StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        app.maxMessageBytes());
    props.putIfAbsent(
        StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), app.maxMessageBytes());
    // Static membership: a restarted instance takes its tasks back at once instead of waiting
    // for the session timeout of its previous life. Must be unique per instance.
    if (!app.groupInstanceId().isEmpty()) {
      props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, app.groupInstanceId());
    }
    // Unreadable or unprocessable records go to the dead-letter topic with the error in headers;
    // the app keeps running.
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters().name());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return props;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Whether articles wait in the clustering step's buffer for their turn: consumed from Kafka but
   * not yet assigned, so a drain check must not call the pipeline idle. Unknown (not running)
   * counts as waiting.
   */
  public boolean articlesWaitingForClustering() {
    try {
      ReadOnlyKeyValueStore<String, ?> pending =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  settings.clusterStores().pending(),
                  QueryableStoreTypes.<String, Object>keyValueStore()));
      try (KeyValueIterator<String, ?> all = pending.all()) {
        return all.hasNext();
      }
    } catch (InvalidStateStoreException notReady) {
      return true;
    }
  }

  public EnrichCounts counts() {
    return counts;
  }

  /** For metrics binders, which only read {@link KafkaStreams#metrics()} (thread-safe). */
  public KafkaStreams streamsForMetrics() {
    return streams;
  }

  @Override
  public void close() {
    // Leave the group, so that a restart or another instance gets the tasks without waiting.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
  }
}
