package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the configuration a service starts with, so an operator can see what it runs on. Secrets
 * (passwords, keys, {@code sasl.jaas.config} ...) show as {@value CopydeskConfig#HIDDEN}: this is
 * the only place Copydesk writes configuration values to its logs.
 */
final class ConfigurationLog {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLog.class);

  private ConfigurationLog() {}

  static void log(String service, CopydeskConfig config) {
    LOG.info("copydesk {} configuration:{}", service, lines(config));
  }

  /** For {@code copydesk run}, whose stderr a person reads: shown with COPYDESK_LOG_LEVEL=DEBUG. */
  static void debug(String command, CopydeskConfig config) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("copydesk {} configuration:{}", command, lines(config));
    }
  }

  private static String lines(CopydeskConfig config) {
    return config.redacted().entrySet().stream()
        .map(e -> System.lineSeparator() + "  " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining());
  }
}
