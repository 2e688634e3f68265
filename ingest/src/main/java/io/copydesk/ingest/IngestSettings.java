package io.copydesk.ingest;

import io.copydesk.contract.CopydeskConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest's settings (configuration keys {@code ingest.*}, defaults in this module's {@code
 * copydesk-defaults.properties}), each checked when read: a bad value, or an HTTP intake open to
 * the network without a token, is refused before anything starts.
 *
 * @param clientId the producer's client id, and the start of a derived transactional id
 * @param transactionalId the producer's transactional id; empty: derived from the client id, host
 *     and input folder
 * @param folder the drop folder's tunables
 * @param http the HTTP intake
 * @param feeds the RSS/Atom feeds polled
 */
public record IngestSettings(
    String clientId, String transactionalId, IngestOptions folder, Http http, Feeds feeds) {
  /** Keys that command-line options set. */
  public static final String HTTP_PORT = "ingest.http.port";

  public static final String FEED_URLS = "ingest.feed.urls";

  /**
   * The HTTP intake ({@code POST /articles}).
   *
   * @param port 0: no intake
   * @param token the bearer token a post must carry; empty: none
   * @param ratePerSecond sustained requests per second per client address; 0: no limit
   * @param rateBurst requests a client may send at once before the rate applies
   */
  public record Http(
      int port,
      String host,
      String token,
      boolean allowAnonymous,
      double ratePerSecond,
      double rateBurst) {
    public boolean enabled() {
      return port != 0;
    }

    /** Without the token: settings get logged and printed in test failures. */
    @Override
    public String toString() {
      return "Http[port="
          + port
          + ", host="
          + host
          + ", token="
          + (token.isEmpty() ? "" : CopydeskConfig.HIDDEN)
          + ", allowAnonymous="
          + allowAnonymous
          + ", ratePerSecond="
          + ratePerSecond
          + ", rateBurst="
          + rateBurst
          + "]";
    }
  }

  /**
   * @param urls none: no feed poller
   */
  public record Feeds(List<URI> urls, long maxBytes, Duration pollInterval) {}

  public static IngestSettings from(CopydeskConfig config) {
    Http http =
        new Http(
            config.string(HTTP_PORT, "").isEmpty() ? 0 : config.integer(HTTP_PORT, 0, 65535),
            config.string("ingest.http.host"),
            config.string("ingest.http.token", ""),
            config.flag("ingest.http.allow.anonymous"),
            config.decimal("ingest.http.rate.per.second", 0, Double.POSITIVE_INFINITY),
            config.decimal("ingest.http.rate.burst", 0, Double.POSITIVE_INFINITY));
    if (http.enabled()) {
      HttpAccess.requireTokenBeyondLoopback(http.host(), http.token(), http.allowAnonymous());
    }
    Feeds feeds =
        new Feeds(
            feedUrls(config),
            config.bytes("ingest.feed.max.bytes", 1),
            Duration.ofMillis(config.duration("ingest.feed.poll.interval.ms", 1)));
    return new IngestSettings(
        config.string("ingest.client.id"),
        config.string("ingest.transactional.id", ""),
        IngestOptions.from(config),
        http,
        feeds);
  }

  /** Comma-separated http(s) URLs; blanks between commas are skipped. */
  private static List<URI> feedUrls(CopydeskConfig config) {
    List<URI> urls = new ArrayList<>();
    for (String url : config.string(FEED_URLS, "").split(",")) {
      if (url.isBlank()) {
        continue;
      }
      try {
        URI uri = new URI(url.strip());
        if (!"http".equalsIgnoreCase(uri.getScheme())
            && !"https".equalsIgnoreCase(uri.getScheme())) {
          throw CopydeskConfig.invalid(FEED_URLS, "must list http or https URLs", url.strip());
        }
        urls.add(uri);
      } catch (URISyntaxException e) {
        throw CopydeskConfig.invalid(
            FEED_URLS, "must list URLs separated by commas (" + e.getReason() + ")", url.strip());
      }
    }
    return List.copyOf(urls);
  }
}
