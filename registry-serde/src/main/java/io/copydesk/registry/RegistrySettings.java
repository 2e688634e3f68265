package io.copydesk.registry;

import io.copydesk.contract.CopydeskConfig;

/**
 * The schema registry's settings ({@code registry.*}, read when {@code serde.mode=registry}). The
 * keys are shared by every stage, so their defaults are in the schemas module's {@code
 * copydesk-defaults.properties}.
 *
 * @param url Apicurio's core API, e.g. {@code http://registry:8080/apis/registry/v3}
 * @param autoRegister register a record's schema on first use (otherwise it must be registered
 *     beforehand)
 */
public record RegistrySettings(String url, boolean autoRegister) {
  public static RegistrySettings from(CopydeskConfig config) {
    String url = config.string("registry.url", "");
    if (url.isEmpty()) {
      throw new IllegalArgumentException(
          "serde.mode=registry needs registry.url (environment COPYDESK_REGISTRY_URL)");
    }
    return new RegistrySettings(url, config.flag("registry.auto.register"));
  }
}
