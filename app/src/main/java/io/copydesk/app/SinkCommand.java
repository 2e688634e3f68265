package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.sink.SinkSettings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk sink}: the file writer as a service. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the sink alone as a service against a Kafka cluster, until SIGTERM or Ctrl-C.",
      "Writes article records and event snapshots to the output folder, resuming from the progress kept there."
    })
final class SinkCommand extends StageCommand<SinkStage> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where to write articles/, events/, digest/ and the progress (default: sink.out.dir).")
  Path out;

  @Override
  String stageName() {
    return "sink";
  }

  @Override
  CopydeskConfig withOptions(CopydeskConfig config) {
    CopydeskConfig withOut =
        out == null ? config : config.with(SinkSettings.OUT_DIR, out.toString());
    SinkSettings.from(withOut);
    return withOut;
  }

  @Override
  SinkStage createStage(CopydeskConfig config, Topics topics) throws Exception {
    return new SinkStage(config, topics, SinkSettings.from(config).outDir());
  }
}
