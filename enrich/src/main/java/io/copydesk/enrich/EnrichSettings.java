package io.copydesk.enrich;

import io.copydesk.contract.CopydeskConfig;
import java.time.Duration;

/** Names of the enrich topology's state stores and internal topics, from configuration. */
public record EnrichSettings(
    String versionStore, String embargoStore, Duration embargoCheckInterval, String eventStore, String clusterRepartition) {
  public static EnrichSettings from(CopydeskConfig config) {
    return new EnrichSettings(
        config.string("enrich.store.article.versions"),
        config.string("enrich.store.embargoed"),
        Duration.ofMillis(config.duration("enrich.embargo.check.interval.ms")),
        config.string("enrich.store.events"),
        config.string("enrich.cluster.repartition"));
  }

  /** The internal topic Kafka Streams names after the repartition step. */
  public String clusterRepartitionTopic(String applicationId) {
    return applicationId + "-" + clusterRepartition + "-repartition";
  }
}
