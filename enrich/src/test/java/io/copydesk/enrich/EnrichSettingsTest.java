package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

  @Test
  void theDefaultsThisModuleShips() {
    EnrichSettings settings = EnrichSettings.from(CopydeskConfig.defaults());
    assertEquals(
        new EnrichSettings.Streams(
            "copydesk-enrich",
            "",
            "/tmp/copydesk/streams",
            0,
            Duration.ofMillis(200),
            1,
            8_388_608),
        settings.streams());
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        settings.streams().threadsToRun(),
        "0: one thread per core");
    assertEquals("article-versions", settings.versionStore());
    assertEquals(Duration.ofSeconds(1), settings.embargoCheckInterval());
    assertEquals(
        new EnrichSettings.ClusterStores(
            "cluster-counts",
            "cluster-events",
            "cluster-postings",
            "cluster-placements",
            "cluster-profiles",
            "cluster-pending"),
        settings.clusterStores());
    assertEquals(3, settings.rawPartitions());
    assertEquals(
        "copydesk-enrich-cluster-input-repartition",
        settings.clusterRepartitionTopic(settings.streams().applicationId()));
  }

  @Test
  void theStreamsAppFromAnOverride() {
    EnrichSettings.Streams streams =
        EnrichSettings.from(
                CopydeskConfig.load(null, Map.of("COPYDESK_ENRICH_NUM_STREAM_THREADS", "2"))
                    .with(EnrichSettings.STATE_DIR, "/data/streams")
                    .with(EnrichSettings.GROUP_INSTANCE_ID, "enrich-1"))
            .streams();
    assertEquals(2, streams.threadsToRun());
    assertEquals("/data/streams", streams.stateDir());
    assertEquals("enrich-1", streams.groupInstanceId());
  }

  @Test
  void badStreamsValuesAreRefusedWithTheirKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EnrichSettings.from(
                    CopydeskConfig.defaults().with("enrich.num.stream.threads", "-1")));
    assertEquals(
        "configuration key enrich.num.stream.threads (environment COPYDESK_ENRICH_NUM_STREAM_THREADS) must be at least 0, not '-1'",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EnrichSettings.from(
                CopydeskConfig.defaults().with("enrich.commit.interval.ms", "fast")));
    assertThrows(
        IllegalArgumentException.class,
        () -> EnrichSettings.from(CopydeskConfig.defaults().with("enrich.application.id", "")));
    assertThrows(
        IllegalArgumentException.class,
        () -> EnrichSettings.from(CopydeskConfig.defaults().with("topic.replication.factor", "0")));
  }

  @Test
  void cacheSizesComeFromConfiguration() {
    EnrichSettings settings =
        EnrichSettings.from(
            CopydeskConfig.defaults()
                .with("enrich.cluster.cache.counts", "500")
                .with("enrich.cluster.cache.events", "30")
                .with("enrich.cluster.cache.reports", "40")
                .with("enrich.cluster.cache.postings", "50"));
    assertEquals(new EnrichSettings.ClusterCaches(500, 30, 40, 50), settings.clusterCaches());
  }

  @Test
  void aCacheTooSmallIsRefusedAtStartWithItsKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                EnrichSettings.from(
                    CopydeskConfig.defaults().with("enrich.cluster.cache.events", "0")));
    assertTrue(e.getMessage().contains("enrich.cluster.cache.events"), e.getMessage());
    assertTrue(e.getMessage().contains("COPYDESK_ENRICH_CLUSTER_CACHE_EVENTS"), e.getMessage());
  }
}
