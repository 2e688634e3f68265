package io.copydesk.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers stories to ingest's HTTP intake ({@code POST /articles}), the way a newsroom system hands
 * copy over, and remembers when each was offered. One sender, in order: a write-thru must not
 * overtake the version it updates, or the version gate would drop the older one as stale.
 */
final class IntakeClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI articles;

  /** When each story version was offered, and how long handing them all over took. */
  record Offers(Map<String, Long> offeredAt, long firstNanos, long lastNanos) {
    /** The first versions among these offers: what event snapshots can show (they list ids, not versions). */
    Offers firstVersions() {
      Map<String, Long> first = new java.util.LinkedHashMap<>();
      offeredAt.forEach((key, at) -> {
        if (key.endsWith("@1")) {
          first.put(key, at);
        }
      });
      return new Offers(first, firstNanos, lastNanos);
    }

    double seconds() {
      return (lastNanos - firstNanos) / 1e9;
    }
  }

  IntakeClient(int port) {
    this.articles = URI.create("http://127.0.0.1:" + port + "/articles");
  }

  /** Saturation: every story as fast as ingest takes them; each offer is timed as it is sent. */
  Offers offerAll(List<TemplateNews.Story> stories) throws IOException, InterruptedException {
    Map<String, Long> offered = new LinkedHashMap<>();
    long first = System.nanoTime();
    for (TemplateNews.Story s : stories) {
      offered.put(Arrivals.key(s.uri(), s.version()), System.nanoTime());
      post(s);
    }
    return new Offers(offered, first, System.nanoTime());
  }

  /**
   * A fixed offered rate: story i is due at start + i / rate. Latency counts from when it was due,
   * not from when it was sent, so an intake that falls behind shows in the figures instead of
   * quietly lowering the rate (coordinated omission).
   */
  Offers offerAtRate(List<TemplateNews.Story> stories, double perSecond) throws IOException, InterruptedException {
    Map<String, Long> offered = new LinkedHashMap<>();
    long first = System.nanoTime();
    long interval = (long) (1e9 / perSecond);
    for (int i = 0; i < stories.size(); i++) {
      long due = first + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      TemplateNews.Story s = stories.get(i);
      offered.put(Arrivals.key(s.uri(), s.version()), due);
      post(s);
    }
    return new Offers(offered, first, System.nanoTime());
  }

  private void post(TemplateNews.Story s) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(articles).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(s.ninjs())).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException("ingest answered " + response.statusCode() + " for " + s.uri() + ": " + response.body());
    }
  }
}
