package io.copydesk.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.contract.CopydeskConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {
  private static final String URL = "http://registry:8080/apis/registry/v3";

  @Test
  void theDefaultsNeedOnlyTheUrl() {
    assertEquals(
        "serde.mode=registry needs registry.url (environment COPYDESK_REGISTRY_URL)",
        assertThrows(
                IllegalArgumentException.class,
                () -> RegistrySettings.from(CopydeskConfig.defaults()))
            .getMessage());
    assertEquals(
        new RegistrySettings(URL, true),
        RegistrySettings.from(CopydeskConfig.defaults().with("registry.url", URL)));
  }

  @Test
  void anOverrideFromTheEnvironment() {
    CopydeskConfig config =
        CopydeskConfig.load(
            null, Map.of("COPYDESK_REGISTRY_URL", URL, "COPYDESK_REGISTRY_AUTO_REGISTER", "false"));
    assertEquals(new RegistrySettings(URL, false), RegistrySettings.from(config));
  }

  @Test
  void aBadValueIsRefusedWithItsKey() {
    CopydeskConfig config =
        CopydeskConfig.defaults()
            .with("registry.url", URL)
            .with("registry.auto.register", "sometimes");
    assertEquals(
        "configuration key registry.auto.register (environment COPYDESK_REGISTRY_AUTO_REGISTER) must be true or false,"
            + " not 'sometimes'",
        assertThrows(IllegalArgumentException.class, () -> RegistrySettings.from(config))
            .getMessage());
  }
}
