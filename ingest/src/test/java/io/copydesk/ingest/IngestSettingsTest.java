package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  @Test
  void theDefaultsThisModuleShips() {
    IngestSettings settings = IngestSettings.from(CopydeskConfig.defaults());
    assertEquals("copydesk-ingest", settings.clientId());
    assertEquals("", settings.transactionalId(), "derived from the client id, host and folder");
    assertEquals(new IngestOptions(2_097_152, 65_536, 2000, 1000, 500), settings.folder());
    assertEquals(new IngestSettings.Http(0, "127.0.0.1", "", false, 50, 100), settings.http());
    assertFalse(settings.http().enabled());
    assertEquals(
        new IngestSettings.Feeds(List.of(), 10_485_760, Duration.ofMinutes(5)), settings.feeds());
  }

  @Test
  void overridesFromTheEnvironmentAndTheOptions() {
    CopydeskConfig config =
        CopydeskConfig.load(
                null,
                Map.of("COPYDESK_INGEST_BATCH_FILES", "2", "COPYDESK_INGEST_HTTP_TOKEN", "s3cret"))
            .with(IngestSettings.HTTP_PORT, "8080")
            .with(IngestSettings.FEED_URLS, " https://a.example/rss , ,http://b.example/atom");
    IngestSettings settings = IngestSettings.from(config);
    assertEquals(2, settings.folder().batchFiles());
    assertEquals(8080, settings.http().port());
    assertTrue(settings.http().enabled());
    assertEquals(
        List.of(URI.create("https://a.example/rss"), URI.create("http://b.example/atom")),
        settings.feeds().urls());
    assertFalse(settings.toString().contains("s3cret"), "the token never shows: " + settings);
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals(
        "configuration key ingest.http.port (environment COPYDESK_INGEST_HTTP_PORT) must be from 0 to 65535, not '70000'",
        refused("ingest.http.port", "70000"));
    assertEquals(
        "configuration key ingest.batch.files (environment COPYDESK_INGEST_BATCH_FILES) must be at least 1, not '0'",
        refused("ingest.batch.files", "0"));
    assertEquals(
        "configuration key ingest.http.allow.anonymous (environment COPYDESK_INGEST_HTTP_ALLOW_ANONYMOUS) must be true or false,"
            + " not 'yes'",
        refused("ingest.http.allow.anonymous", "yes"));
    assertTrue(refused("ingest.http.rate.per.second", "-1").contains("must be at least 0"));
    assertTrue(refused("ingest.max.article.bytes", "2MB").contains("must be a number of bytes"));
    assertTrue(
        refused("ingest.feed.urls", "feeds.example/rss").contains("must list http or https URLs"));
    assertTrue(refused("ingest.feed.urls", "https://a.example/a b").contains("ingest.feed.urls"));
  }

  @Test
  void anOpenIntakeBeyondLoopbackNeedsATokenOrAnExplicitOptOut() {
    CopydeskConfig open =
        CopydeskConfig.defaults()
            .with("ingest.http.port", "8080")
            .with("ingest.http.host", "0.0.0.0");
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> IngestSettings.from(open));
    assertTrue(
        refused.getMessage().contains("ingest.http.token")
            && refused.getMessage().contains("ingest.http.allow.anonymous"),
        refused.getMessage());
    IngestSettings.from(open.with("ingest.http.token", "s3cret"));
    IngestSettings.from(open.with("ingest.http.allow.anonymous", "true"));
    IngestSettings.from(open.with("ingest.http.host", "127.0.0.1"));
    IngestSettings.from(open.with("ingest.http.port", "0")); // no intake at all
    IngestSettings.from(
        CopydeskConfig.defaults().with("ingest.http.host", "0.0.0.0")); // no port: no intake
  }

  private static String refused(String key, String value) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> IngestSettings.from(CopydeskConfig.defaults().with(key, value)))
        .getMessage();
  }
}
