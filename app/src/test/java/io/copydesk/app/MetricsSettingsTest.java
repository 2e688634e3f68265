package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.contract.CopydeskConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

  @Test
  void theDefaultsThisModuleShips() {
    CopydeskConfig defaults = CopydeskConfig.defaults();
    assertEquals(new MetricsSettings("127.0.0.1", 0), MetricsSettings.from(defaults, "run"));
    assertFalse(
        MetricsSettings.from(defaults, "run").enabled(), "run serves no endpoints unless asked");
    assertEquals(8081, MetricsSettings.from(defaults, "ingest").port());
    assertEquals(8082, MetricsSettings.from(defaults, "enrich").port());
    assertEquals(8083, MetricsSettings.from(defaults, "sink").port());
  }

  @Test
  void anOverrideFromTheEnvironment() {
    CopydeskConfig config =
        CopydeskConfig.load(
            null, Map.of("COPYDESK_METRICS_HOST", "0.0.0.0", "COPYDESK_SINK_METRICS_PORT", "9404"));
    assertEquals(new MetricsSettings("0.0.0.0", 9404), MetricsSettings.from(config, "sink"));
  }

  @Test
  void aBadPortIsRefusedWithItsKey() {
    assertEquals(
        "configuration key run.metrics.port (environment COPYDESK_RUN_METRICS_PORT) must be from 0 to 65535, not '65536'",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    MetricsSettings.from(
                        CopydeskConfig.defaults().with("run.metrics.port", "65536"), "run"))
            .getMessage());
  }
}
