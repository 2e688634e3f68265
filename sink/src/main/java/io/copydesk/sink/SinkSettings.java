package io.copydesk.sink;

import io.copydesk.contract.CopydeskConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sink's settings (configuration keys {@code sink.*}, defaults in this module's {@code
 * copydesk-defaults.properties}), each checked when read.
 *
 * @param groupId the consumer group
 * @param groupInstanceId static group membership, unique per instance; empty: dynamic
 * @param outDir where {@code copydesk sink} writes ({@code copydesk run} writes to its {@code
 *     --out})
 * @param format how article records are written
 * @param rotateRecords an article file is written once a partition has this many records waiting
 *     ...
 * @param rotateInterval ... or its oldest has waited this long ...
 * @param pollTimeout ... or a poll brings nothing new for this long
 * @param eventsInterval event snapshots are written once the oldest waiting update is this old
 */
public record SinkSettings(
    String groupId,
    String groupInstanceId,
    Path outDir,
    ArticleFormat format,
    int rotateRecords,
    Duration rotateInterval,
    Duration pollTimeout,
    Duration eventsInterval) {
  /** Keys that command-line options set. */
  public static final String OUT_DIR = "sink.out.dir";

  public static final String FORMAT = "sink.format";
  public static final String GROUP_INSTANCE_ID = "sink.group.instance.id";

  public static SinkSettings from(CopydeskConfig config) {
    return new SinkSettings(
        config.string("sink.group.id"),
        config.string(GROUP_INSTANCE_ID, ""),
        Path.of(config.string(OUT_DIR)),
        format(config),
        config.integer("sink.rotate.records", 1, Integer.MAX_VALUE),
        Duration.ofMillis(config.duration("sink.rotate.interval.ms")),
        Duration.ofMillis(config.duration("sink.poll.timeout.ms", 1)),
        Duration.ofMillis(config.duration("sink.events.interval.ms")));
  }

  private static ArticleFormat format(CopydeskConfig config) {
    String name = config.string(FORMAT);
    try {
      return ArticleFormat.of(name);
    } catch (IllegalArgumentException e) {
      throw CopydeskConfig.invalid(FORMAT, "must be jsonl or parquet", name);
    }
  }
}
