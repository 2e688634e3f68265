package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.contract.CopydeskConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  @Test
  void theDefaultsThisModuleShips() {
    assertEquals(
        new ClusterSettings(
            0.15,
            0.6,
            0.4,
            12,
            14,
            0.5,
            16,
            2.0,
            8,
            64,
            new ClusterSettings.Recency(10_000, 3),
            4,
            new ClusterSettings.Split(0.5, 4, 16),
            new ClusterSettings.Merge(0.15, 4)),
        ClusterSettings.from(CopydeskConfig.defaults()));
  }

  @Test
  void anotherNumberOfCandidatesChangesNothingElse() {
    ClusterSettings shipped = ClusterSettings.from(CopydeskConfig.defaults());
    ClusterSettings wider = shipped.withCandidates(32);
    assertEquals(32, wider.candidates());
    assertEquals(
        shipped,
        wider.withCandidates(shipped.candidates()),
        "the other settings are kept as they were");
  }

  @Test
  void anOverrideFromTheEnvironment() {
    ClusterSettings settings =
        ClusterSettings.from(
            CopydeskConfig.load(
                null,
                Map.of("COPYDESK_CLUSTER_THRESHOLD", "0.3", "COPYDESK_CLUSTER_SPLIT_RATIO", "0")));
    assertEquals(0.3, settings.threshold());
    assertEquals(0, settings.split().ratio(), "0: never split");
  }

  @Test
  void aBadValueIsRefusedWithItsKey() {
    assertEquals(
        "configuration key cluster.threshold (environment COPYDESK_CLUSTER_THRESHOLD) must be from 0.0 to 1.0, not '15'",
        refused("cluster.threshold", "15"));
    assertEquals(
        "configuration key cluster.weight.terms (environment COPYDESK_CLUSTER_WEIGHT_TERMS) must be a number, not 'high'",
        refused("cluster.weight.terms", "high"));
    assertEquals(
        "configuration key cluster.candidates (environment COPYDESK_CLUSTER_CANDIDATES) must be at least 1, not '0'",
        refused("cluster.candidates", "0"));
    assertEquals(
        "configuration key cluster.split.window (environment COPYDESK_CLUSTER_SPLIT_WINDOW) must be at least 2, not '1'",
        refused("cluster.split.window", "1"));
  }

  private static String refused(String key, String value) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> ClusterSettings.from(CopydeskConfig.defaults().with(key, value)))
        .getMessage();
  }
}
