package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.ingest.IngestSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where ingest reads from: options shared by {@code copydesk run} and {@code copydesk ingest}. */
final class IngestInputOptions {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "Drop folder with wire copy.")
  Path input;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Also accept articles by HTTP: POST /articles on this port (on ingest.http.host, default 127.0.0.1).")
  Integer httpPort;

  @Option(
      names = "--feed",
      paramLabel = "URL",
      description = "Also poll this RSS or Atom feed (repeatable; with --once, polled once).")
  List<String> feedUrls;

  /**
   * The configuration with these options applied over it. Refuses, before a broker or a connection
   * starts, a bad ingest setting and an HTTP intake open to the network without a token ({@link
   * IngestSettings#from}).
   */
  CopydeskConfig applyTo(CopydeskConfig config) {
    if (httpPort != null) {
      config = config.with(IngestSettings.HTTP_PORT, httpPort.toString());
    }
    if (feedUrls != null && !feedUrls.isEmpty()) {
      List<String> all = new ArrayList<>();
      IngestSettings.from(config).feeds().urls().forEach(url -> all.add(url.toString()));
      all.addAll(feedUrls);
      config = config.with(IngestSettings.FEED_URLS, String.join(",", all));
    }
    IngestSettings.from(config);
    return config;
  }
}
