package io.copydesk.enrich;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.enrich.cluster.ClusterSettings;
import java.time.Duration;

/** Names of the enrich topology's state stores and internal topics, and its tunables, from configuration. */
public record EnrichSettings(
    String versionStore, String embargoStore, Duration embargoCheckInterval, String eventStore, String clusterRepartition,
    ClusterStores clusterStores, ClusterCaches clusterCaches, int rawPartitions, ClusterSettings cluster) {

  /** The stores of online clustering: see docs/architecture.md for what each holds and why. */
  public record ClusterStores(String counts, String events, String postings, String placements, String profiles, String pending) {}

  /**
   * How many parsed entries the clustering step keeps beside its stores (document frequencies,
   * event profiles, report profiles). Misses are read and parsed from RocksDB, so the event and
   * report caches should hold the open events' working set: see docs/benchmarks.md.
   */
  public record ClusterCaches(int counts, int events, int reports) {}

  public static EnrichSettings from(CopydeskConfig config) {
    return new EnrichSettings(
        config.string("enrich.store.article.versions"),
        config.string("enrich.store.embargoed"),
        Duration.ofMillis(config.duration("enrich.embargo.check.interval.ms")),
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
            cacheBound(config, "enrich.cluster.cache.reports")),
        config.integer("topic.raw.partitions"),
        ClusterSettings.from(config));
  }

  /** The internal topic Kafka Streams names after the repartition step. */
  public String clusterRepartitionTopic(String applicationId) {
    return applicationId + "-" + clusterRepartition + "-repartition";
  }

  /** Refused at start-up, with the key, rather than when the stream thread first builds the cache. */
  private static int cacheBound(CopydeskConfig config, String key) {
    int bound = config.integer(key);
    if (bound < RecentlyUsed.MIN_BOUND) {
      throw new IllegalArgumentException("configuration key " + key + " (environment " + CopydeskConfig.environmentName(key)
          + ") must be at least " + RecentlyUsed.MIN_BOUND + ", not " + bound);
    }
    return bound;
  }
}
