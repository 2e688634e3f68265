package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import org.junit.jupiter.api.Test;

class EnrichSettingsTest {

  @Test
  void cacheSizesComeFromConfiguration() {
    EnrichSettings settings = EnrichSettings.from(CopydeskConfig.defaults()
        .with("enrich.cluster.cache.counts", "500").with("enrich.cluster.cache.events", "30").with("enrich.cluster.cache.reports", "40"));
    assertEquals(new EnrichSettings.ClusterCaches(500, 30, 40), settings.clusterCaches());
  }

  @Test
  void aCacheTooSmallIsRefusedAtStartWithItsKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EnrichSettings.from(CopydeskConfig.defaults().with("enrich.cluster.cache.events", "0")));
    assertTrue(e.getMessage().contains("enrich.cluster.cache.events"), e.getMessage());
    assertTrue(e.getMessage().contains("COPYDESK_ENRICH_CLUSTER_CACHE_EVENTS"), e.getMessage());
  }
}
