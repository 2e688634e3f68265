package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code copydesk ingest|enrich|sink}: one stage as a long-running service against a Kafka cluster,
 * with its health and metrics endpoints, until SIGTERM (or Ctrl-C) stops it cleanly.
 */
abstract class StageCommand<S extends Stage> implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StageCommand.class);

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "The Kafka cluster (also KAFKA_BOOTSTRAP_SERVERS or kafka.bootstrap.servers in --config; default localhost:9092).")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults (environment variables override it in turn).")
  Path configFile;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve /health/live, /health/ready and /metrics on this port (default: ${COMMAND-NAME}.metrics.port; 0: off).")
  Integer metricsPort;

  /** Stops the service as SIGTERM does; tests use it to stop a command running in a thread. */
  final ShutdownSignal shutdown = new ShutdownSignal();

  /** The stage this command runs; also the prefix of its configuration keys. */
  abstract String stageName();

  /** This command's own options applied over the configuration. */
  abstract CopydeskConfig withOptions(CopydeskConfig config);

  abstract S createStage(CopydeskConfig config, Topics topics) throws Exception;

  /** After the stage started and its endpoints are up: ingest starts watching its folder here. */
  void started(S stage) {}

  @Override
  public Integer call() throws Exception {
    shutdown.install();
    try {
      CopydeskConfig config = withOptions(CopydeskConfig.load(configFile, System.getenv()));
      if (bootstrapServers != null) {
        config = config.with("kafka.bootstrap.servers", bootstrapServers);
      }
      String portKey = stageName() + ".metrics.port";
      if (metricsPort != null) {
        config = config.with(portKey, metricsPort.toString());
      }
      ConfigurationLog.log(stageName(), config);
      Topics topics = Stage.provisionTopics(config);
      try (S stage = createStage(config, topics);
           ServiceMonitor endpoints = ServiceMonitor.startIfEnabled(config, config.integer(portKey), List.of(stage))) {
        shutdown.holdExitUntilClosed();
        stage.start();
        started(stage);
        LOG.info("copydesk {} running against Kafka {}", stageName(), config.string("kafka.bootstrap.servers"));
        shutdown.awaitStop(stage::checkHealthy);
        LOG.info("copydesk {} stopping", stageName());
      }
      LOG.info("copydesk {} stopped", stageName());
      return 0;
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("copydesk " + stageName() + ": " + e.getMessage());
      LOG.debug("failure", e);
      return 1;
    } finally {
      shutdown.closed();
    }
  }
}
