package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import java.nio.file.Path;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * Which configuration and which Kafka cluster: options of {@code run}, the stage services and
 * {@code topics}.
 */
final class KafkaOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = {
        "The Kafka cluster (also KAFKA_BOOTSTRAP_SERVERS or kafka.bootstrap.servers in --config).",
        "Without one, run starts its embedded broker, topics reads a run's (--out), and ingest, enrich and sink use localhost:9092."
      })
  String bootstrapServers;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file overriding the defaults (environment variables override it in turn): topic names, serde, Kafka client settings, ...")
  Path configFile;

  /**
   * The defaults, then {@code --config}, then {@code COPYDESK_*} variables, then {@code
   * --bootstrap-servers}.
   */
  CopydeskConfig load() {
    CopydeskConfig config = CopydeskConfig.load(configFile, System.getenv());
    return bootstrapServers == null ? config : config.with(BOOTSTRAP_SERVERS, bootstrapServers);
  }

  /**
   * The key of the cluster's address, a Kafka client property like any other {@code kafka.*} key.
   */
  static final String BOOTSTRAP_SERVERS =
      CopydeskConfig.KAFKA_PREFIX + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;

  /** The cluster a configuration names, for log lines. */
  static String bootstrapServers(CopydeskConfig config) {
    return config.kafka().getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
  }
}
