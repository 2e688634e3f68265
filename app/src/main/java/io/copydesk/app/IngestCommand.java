package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code copydesk ingest}: the drop folder (and HTTP intake, feeds) as a service. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ingest alone as a service against a Kafka cluster, until SIGTERM or Ctrl-C.",
      "Watches the drop folder (processed files move to done/, refused ones to rejected/ with a .reason file),",
      "and the HTTP intake and feeds if configured."
    })
final class IngestCommand extends StageCommand<IngestStage> {
  @Mixin IngestInputOptions inputOptions;

  @Override
  String stageName() {
    return "ingest";
  }

  @Override
  CopydeskConfig withOptions(CopydeskConfig config) {
    if (!Files.isDirectory(inputOptions.input)) {
      throw new IllegalArgumentException("--input " + inputOptions.input + " is not a folder");
    }
    return inputOptions.applyTo(config);
  }

  @Override
  IngestStage createStage(CopydeskConfig config, Topics topics) throws Exception {
    return new IngestStage(config, topics, inputOptions.input, null, false);
  }

  @Override
  void started(IngestStage stage) {
    stage.watch();
  }
}
