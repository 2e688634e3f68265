package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.EnrichSettings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk enrich}: the Kafka Streams app as a service. */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the enrich Kafka Streams app alone as a service against a Kafka cluster, until SIGTERM or Ctrl-C.",
      "Instances with the same enrich.application.id share the work; give each its own --state-dir."
    })
final class EnrichCommand extends StageCommand<EnrichStage> {
  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Local state (RocksDB) of this instance (default: enrich.state.dir).")
  Path stateDir;

  @Override
  String stageName() {
    return "enrich";
  }

  @Override
  CopydeskConfig withOptions(CopydeskConfig config) {
    CopydeskConfig withStateDir =
        stateDir == null
            ? config
            : config.with(EnrichSettings.STATE_DIR, stateDir.toAbsolutePath().toString());
    EnrichSettings.from(withStateDir);
    return withStateDir;
  }

  @Override
  EnrichStage createStage(CopydeskConfig config, Topics topics) {
    return new EnrichStage(config, topics);
  }
}
