package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/**
 * {@code copydesk ingest|enrich|sink}: one stage as a long-running service against a Kafka cluster,
 * with its health and metrics endpoints, until SIGTERM (or Ctrl-C) stops it cleanly.
 */
abstract class StageCommand<S extends Stage> implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StageCommand.class);

  @Mixin KafkaOptions kafkaOptions;

  @Mixin MetricsPortOption metricsPort;

  /** Stops the service as SIGTERM does; tests use it to stop a command running in a thread. */
  final ShutdownSignal shutdown = new ShutdownSignal();

  /** The stage this command runs; also the prefix of its configuration keys. */
  abstract String stageName();

  /**
   * This command's own options applied over the configuration, and the stage's settings checked
   * (throwing IllegalArgumentException).
   */
  abstract CopydeskConfig withOptions(CopydeskConfig config);

  abstract S createStage(CopydeskConfig config, Topics topics) throws Exception;

  /** After the stage started and its endpoints are up: ingest starts watching its folder here. */
  void started(S stage) {}

  @Override
  public Integer call() throws Exception {
    shutdown.install();
    try {
      CopydeskConfig config;
      MetricsSettings metrics;
      try {
        // Refused before anything starts, with exit code 2 as run does: an unknown key, a bad
        // value, a bad option.
        config = metricsPort.applyTo(withOptions(kafkaOptions.load()), stageName());
        metrics = MetricsSettings.from(config, stageName());
      } catch (IllegalArgumentException e) {
        System.err.println("copydesk " + stageName() + ": " + e.getMessage());
        return 2;
      }
      ConfigurationLog.log(stageName(), config);
      Topics topics = TopicProvisioner.provision(config);
      try (S stage = createStage(config, topics);
          ServiceMonitor endpoints = ServiceMonitor.startIfEnabled(metrics, List.of(stage))) {
        shutdown.holdExitUntilClosed();
        stage.start();
        started(stage);
        LOG.info(
            "copydesk {} running against Kafka {}",
            stageName(),
            KafkaOptions.bootstrapServers(config));
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
