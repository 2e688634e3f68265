package io.copydesk.enrich;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.enrich.cluster.ClusterSettings;
import java.time.Duration;

/**
 * The enrich app's settings (configuration keys {@code enrich.*} and {@code cluster.*}, defaults in
 * this module's {@code copydesk-defaults.properties}): the Kafka Streams app, the names of the
 * topology's state stores and internal topics, and its tunables, each checked when read.
 */
public record EnrichSettings(
    String versionStore,
    String embargoStore,
    Duration embargoCheckInterval,
    String eventStore,
    String clusterRepartition,
    ClusterStores clusterStores,
    ClusterCaches clusterCaches,
    int rawPartitions,
    ClusterSettings cluster,
    Streams streams) {
  /** Keys that command-line options set. */
  public static final String STATE_DIR = "enrich.state.dir";

  public static final String GROUP_INSTANCE_ID = "enrich.group.instance.id";

  /**
   * The Kafka Streams app.
   *
   * @param groupInstanceId static group membership, unique per instance; empty: dynamic
   * @param threads stream (NLP) threads per instance; 0: one per core the JVM sees
   * @param replicationFactor of the internal topics ({@code topic.replication.factor}, shared)
   * @param maxMessageBytes the largest record the app writes ({@code topic.max.message.bytes},
   *     shared)
   */
  public record Streams(
      String applicationId,
      String groupInstanceId,
      String stateDir,
      int threads,
      Duration commitInterval,
      int replicationFactor,
      int maxMessageBytes) {
    /** The stream threads to run: {@link #threads}, or one per core when it is 0. */
    public int threadsToRun() {
      return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
  }

  /** The stores of online clustering: see docs/architecture.md for what each holds and why. */
  public record ClusterStores(
      String counts,
      String events,
      String postings,
      String placements,
      String profiles,
      String pending) {}

  /**
   * How many parsed entries the clustering step keeps beside its stores (document frequencies,
   * event profiles, report profiles, the candidate index's postings by key). Misses are read and
   * parsed from RocksDB, so the event and report caches should hold the open events' working set:
   * see docs/benchmarks.md.
   */
  public record ClusterCaches(int counts, int events, int reports, int postings) {}

  public static EnrichSettings from(CopydeskConfig config) {
    return new EnrichSettings(
        config.string("enrich.store.article.versions"),
        config.string("enrich.store.embargoed"),
        Duration.ofMillis(config.duration("enrich.embargo.check.interval.ms", 1)),
        config.string("enrich.store.events"),
        config.string("enrich.cluster.repartition"),
        new ClusterStores(
            config.string("enrich.store.cluster.counts"),
            config.string("enrich.store.cluster.events"),
            config.string("enrich.store.cluster.postings"),
            config.string("enrich.store.cluster.placements"),
            config.string("enrich.store.cluster.profiles"),
            config.string("enrich.store.cluster.pending")),
        new ClusterCaches(
            cacheBound(config, "enrich.cluster.cache.counts"),
            cacheBound(config, "enrich.cluster.cache.events"),
            cacheBound(config, "enrich.cluster.cache.reports"),
            cacheBound(config, "enrich.cluster.cache.postings")),
        config.integer("topic.raw.partitions", 1, Integer.MAX_VALUE),
        ClusterSettings.from(config),
        new Streams(
            config.string("enrich.application.id"),
            config.string(GROUP_INSTANCE_ID, ""),
            config.string(STATE_DIR),
            config.integer("enrich.num.stream.threads", 0, Integer.MAX_VALUE),
            Duration.ofMillis(config.duration("enrich.commit.interval.ms")),
            config.integer("topic.replication.factor", 1, Short.MAX_VALUE),
            config.integer("topic.max.message.bytes", 1, Integer.MAX_VALUE)));
  }

  /** The internal topic Kafka Streams names after the repartition step. */
  public String clusterRepartitionTopic(String applicationId) {
    return applicationId + "-" + clusterRepartition + "-repartition";
  }

  /**
   * Refused at start-up, with the key, rather than when the stream thread first builds the cache.
   */
  private static int cacheBound(CopydeskConfig config, String key) {
    return config.integer(key, RecentlyUsed.MIN_BOUND, Integer.MAX_VALUE);
  }
}
