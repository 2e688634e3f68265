package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.ingest.IngestSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --http-port and --feed of run and ingest, over the configured ingest settings. */
class IngestInputOptionsTest {

  @Test
  void feedsGivenOnTheCommandLineAddToTheConfiguredOnes() {
    IngestInputOptions options =
        parse("--input", "in", "--feed", "https://b.example/rss", "--http-port", "8080");
    IngestSettings settings =
        IngestSettings.from(
            options.applyTo(
                CopydeskConfig.defaults()
                    .with(IngestSettings.FEED_URLS, "https://a.example/atom")));
    assertEquals(
        List.of(URI.create("https://a.example/atom"), URI.create("https://b.example/rss")),
        settings.feeds().urls());
    assertEquals(8080, settings.http().port());
  }

  @Test
  void aBadIngestSettingIsRefusedWhenTheOptionsAreApplied() {
    IngestInputOptions options = parse("--input", "in");
    assertThrows(
        IllegalArgumentException.class,
        () -> options.applyTo(CopydeskConfig.defaults().with("ingest.batch.files", "none")));
  }

  private static IngestInputOptions parse(String... args) {
    IngestInputOptions options = new IngestInputOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }
}
