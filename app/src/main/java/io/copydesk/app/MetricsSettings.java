package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;

/**
 * Where a command serves its health and metrics endpoints: {@code metrics.host} and {@code
 * <command>.metrics.port} (defaults in this module's {@code copydesk-defaults.properties}), checked
 * when read.
 *
 * @param port 0: no endpoints
 */
record MetricsSettings(String host, int port) {
  /**
   * The key of a command's port ({@code run}, {@code ingest}, {@code enrich}, {@code sink}), which
   * {@code --metrics-port} sets.
   */
  static String portKey(String command) {
    return command + ".metrics.port";
  }

  static MetricsSettings from(CopydeskConfig config, String command) {
    return new MetricsSettings(
        config.string("metrics.host"), config.integer(portKey(command), 0, 65535));
  }

  boolean enabled() {
    return port != 0;
  }
}
