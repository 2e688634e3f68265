package io.copydesk.tools.eval;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.enrich.cluster.ClusterSettings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The clustering settings a command evaluates: {@code eval clusters} and {@code eval fit-clusters}.
 */
final class ClusterTuning {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties overriding the cluster.* defaults.")
  Path config;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      split = ",",
      description = {
        "Threshold(s) of the join probability to try, comma-separated. Default: cluster.threshold for clusters;",
        "0.15,0.2,0.25,0.3,0.4,0.5 for fit-clusters, which reports the best mean F1 over the sets."
      })
  List<Double> thresholds;

  @Option(
      names = "--merge",
      paramLabel = "X",
      split = ",",
      description = {
        "Merge threshold(s) to try (cluster.merge.threshold: the join probability at which an article's second",
        "event is merged with its first; 1 never merges), comma-separated. Default: the configured one."
      })
  List<Double> merges;

  /** The defaults, then {@code --config}, then {@code COPYDESK_*} variables. */
  ClusterSettings settings() {
    return ClusterSettings.from(CopydeskConfig.load(config, System.getenv()));
  }

  /** The merge thresholds given, or else the configured one. */
  List<Double> merges(ClusterSettings settings) {
    return merges == null ? List.of(settings.merge().threshold()) : merges;
  }

  /** The thresholds given, or else these. */
  List<Double> thresholds(List<Double> otherwise) {
    return thresholds == null ? otherwise : thresholds;
  }
}
