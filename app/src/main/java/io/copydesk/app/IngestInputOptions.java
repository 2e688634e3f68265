package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where ingest reads from: options shared by {@code copydesk run} and {@code copydesk ingest}. */
final class IngestInputOptions {
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Drop folder with wire copy.")
  Path input;

  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Also accept articles by HTTP: POST /articles on this port (on ingest.http.host, default 127.0.0.1).")
  Integer httpPort;

  @Option(names = "--feed", paramLabel = "URL",
      description = "Also poll this RSS or Atom feed (repeatable; with --once, polled once).")
  List<String> feedUrls;

  /** The configuration with these options applied over it; refuses an HTTP intake open to the network without a token. */
  CopydeskConfig applyTo(CopydeskConfig config) {
    if (feedUrls != null && !feedUrls.isEmpty()) {
      String configured = config.string("ingest.feed.urls", "");
      config = config.with("ingest.feed.urls", (configured.isEmpty() ? "" : configured + ",") + String.join(",", feedUrls));
    }
    if (httpPort != null) {
      config = config.with("ingest.http.port", httpPort.toString());
    }
    IngestStage.requireSafeHttpIntake(config);
    return config;
  }
}
