package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port} of {@code run} and the stage services: where their health and metrics
 * endpoints listen.
 */
final class MetricsPortOption {
  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve /health/live, /health/ready and /metrics (of every stage this process runs) on this port (default: ${COMMAND-NAME}.metrics.port; 0: off).")
  Integer port;

  /**
   * The configuration with the port under {@code <command>.metrics.port}, if the option was given.
   */
  CopydeskConfig applyTo(CopydeskConfig config, String command) {
    return port == null ? config : config.with(MetricsSettings.portKey(command), port.toString());
  }
}
