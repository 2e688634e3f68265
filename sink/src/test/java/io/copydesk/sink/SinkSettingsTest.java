package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.contract.CopydeskConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

  @Test
  void theDefaultsThisModuleShips() {
    SinkSettings settings = SinkSettings.from(CopydeskConfig.defaults());
    assertEquals(
        new SinkSettings(
            "copydesk-sink",
            "",
            Path.of("out"),
            ArticleFormat.JSONL,
            1000,
            Duration.ofSeconds(60),
            Duration.ofMillis(500),
            Duration.ofSeconds(1)),
        settings);
  }

  @Test
  void anOverrideFromTheEnvironmentOrAnOption() {
    CopydeskConfig config =
        CopydeskConfig.load(
                null,
                java.util.Map.of(
                    "COPYDESK_SINK_FORMAT", "Parquet", "COPYDESK_SINK_ROTATE_RECORDS", "15"))
            .with(SinkSettings.OUT_DIR, "/data/out")
            .with(SinkSettings.GROUP_INSTANCE_ID, "sink-1");
    SinkSettings settings = SinkSettings.from(config);
    assertEquals(ArticleFormat.PARQUET, settings.format());
    assertEquals(15, settings.rotateRecords());
    assertEquals(Path.of("/data/out"), settings.outDir());
    assertEquals("sink-1", settings.groupInstanceId());
  }

  @Test
  void aBadValueIsRefusedWithItsKey() {
    assertEquals(
        "configuration key sink.format (environment COPYDESK_SINK_FORMAT) must be jsonl or parquet, not 'csv'",
        assertThrows(
                IllegalArgumentException.class,
                () -> SinkSettings.from(CopydeskConfig.defaults().with("sink.format", "csv")))
            .getMessage());
    assertEquals(
        "configuration key sink.rotate.records (environment COPYDESK_SINK_ROTATE_RECORDS) must be at least 1, not '0'",
        assertThrows(
                IllegalArgumentException.class,
                () -> SinkSettings.from(CopydeskConfig.defaults().with("sink.rotate.records", "0")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SinkSettings.from(CopydeskConfig.defaults().with("sink.poll.timeout.ms", "0")));
    assertThrows(
        IllegalArgumentException.class,
        () -> SinkSettings.from(CopydeskConfig.defaults().with("sink.events.interval.ms", "1s")));
    assertThrows(
        IllegalArgumentException.class,
        () -> SinkSettings.from(CopydeskConfig.defaults().with("sink.group.id", " ")),
        "a group id is required");
  }
}
