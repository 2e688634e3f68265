package io.copydesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds by URL. Conditional requests (ETag, Last-Modified) keep an unchanged
 * feed from being fetched again; items already seen are dropped downstream by story id and version,
 * so polling never duplicates an article. Each fetched feed goes through the same intake as a file.
 */
public final class FeedPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  private final List<URI> feeds;
  private final Intake intake;
  private final long maxBytes;
  private final Duration interval;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Map<URI, String[]> validators = new HashMap<>();
  private volatile boolean running = true;

  /** Totals of one poll over all feeds. */
  public record PollResult(int fetched, int unchanged, int failed, int articles, int rejected) {}

  public FeedPoller(List<URI> feeds, Intake intake, long maxBytes, Duration interval, Clock clock) {
    this.feeds = List.copyOf(feeds);
    this.intake = intake;
    this.maxBytes = maxBytes;
    this.interval = interval;
    this.clock = clock;
  }

  public PollResult pollOnce() throws InterruptedException {
    int fetched = 0;
    int unchanged = 0;
    int failed = 0;
    int articles = 0;
    int rejected = 0;
    for (URI feed : feeds) {
      try {
        byte[] body = fetch(feed);
        if (body == null) {
          unchanged++;
          continue;
        }
        fetched++;
        Intake.Outcome outcome =
            intake.publish(new InputDocument(feed.toString(), body, clock.instant()));
        if (outcome.accepted()) {
          articles += outcome.ids().size();
        } else {
          rejected++;
        }
      } catch (IOException | Intake.KafkaUnavailableException e) {
        failed++;
        LOG.warn("cannot poll {}: {}", feed, e.getMessage());
      }
    }
    return new PollResult(fetched, unchanged, failed, articles, rejected);
  }

  /** Polls every interval until closed. */
  public void run() {
    while (running) {
      try {
        pollOnce();
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("feed poll failed; trying again", e);
      }
    }
  }

  /** The feed's bytes, or null when the server says it has not changed. */
  private byte[] fetch(URI feed) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(feed)
            .timeout(Duration.ofSeconds(30))
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
            .header("User-Agent", "Copydesk feed poller");
    String[] known = validators.get(feed);
    if (known != null) {
      if (known[0] != null) {
        request.header("If-None-Match", known[0]);
      }
      if (known[1] != null) {
        request.header("If-Modified-Since", known[1]);
      }
    }
    HttpResponse<InputStream> response =
        http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() == 304) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw new IOException("the feed is larger than " + maxBytes + " bytes");
      }
      validators.put(
          feed,
          new String[] {
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null)
          });
      return body;
    }
  }

  @Override
  public void close() {
    running = false;
  }
}
