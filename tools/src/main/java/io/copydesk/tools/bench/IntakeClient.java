package io.copydesk.tools.bench;

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
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI articles;

  /** When each story version was offered, and how long handing them all over took. */
  record Offers(Map<String, Long> offeredAt, long firstNanos, long lastNanos) {
    /**
     * The first versions among these offers: what event snapshots can show (they list ids, not
     * versions).
     */
    Offers firstVersions() {
      Map<String, Long> first = new java.util.LinkedHashMap<>();
      offeredAt.forEach(
          (key, at) -> {
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

  /**
   * Senders at once, as several newsroom systems would post: the intake's group commit then puts
   * concurrent requests in one transaction. A story's versions always go through the same sender,
   * in order, so a write-thru never overtakes the version it replaces.
   */
  static final int SENDERS = 4;

  /** Saturation: every story as fast as ingest takes them; each offer is timed as it is sent. */
  Offers offerAll(List<TemplateNews.Story> stories) throws IOException, InterruptedException {
    long first = System.nanoTime();
    Map<String, Long> offered = send(stories, i -> 0L);
    return new Offers(offered, first, System.nanoTime());
  }

  /**
   * A fixed offered rate: story i is due at start + i / rate. Latency counts from when it was due,
   * not from when it was sent, so an intake that falls behind shows in the figures instead of
   * quietly lowering the rate (coordinated omission).
   */
  Offers offerAtRate(List<TemplateNews.Story> stories, double perSecond)
      throws IOException, InterruptedException {
    long first = System.nanoTime();
    long interval = (long) (1e9 / perSecond);
    Map<String, Long> offered = send(stories, i -> first + i * interval);
    return new Offers(offered, first, System.nanoTime());
  }

  /**
   * Posts every story, each not before its due time (0: at once); returns when each was offered.
   */
  private Map<String, Long> send(
      List<TemplateNews.Story> stories, java.util.function.IntToLongFunction dueAt)
      throws IOException, InterruptedException {
    Map<String, Long> offered = new java.util.concurrent.ConcurrentHashMap<>();
    List<List<Integer>> lanes = new java.util.ArrayList<>();
    for (int n = 0; n < SENDERS; n++) {
      lanes.add(new java.util.ArrayList<>());
    }
    for (int i = 0; i < stories.size(); i++) {
      lanes.get(Math.floorMod(stories.get(i).uri().hashCode(), SENDERS)).add(i);
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(SENDERS);
    try {
      List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
      for (List<Integer> lane : lanes) {
        running.add(
            pool.submit(
                () -> {
                  for (int i : lane) {
                    long due = dueAt.applyAsLong(i);
                    long wait = due - System.nanoTime();
                    if (due != 0 && wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    TemplateNews.Story s = stories.get(i);
                    offered.put(
                        Arrivals.key(s.uri(), s.version()), due != 0 ? due : System.nanoTime());
                    post(s);
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> lane : running) {
        try {
          lane.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // In offer order, as the callers' reports expect.
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (TemplateNews.Story s : stories) {
      String key = Arrivals.key(s.uri(), s.version());
      ordered.put(key, offered.get(key));
    }
    return ordered;
  }

  private void post(TemplateNews.Story s) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(articles)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(s.ninjs()))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException(
          "ingest answered " + response.statusCode() + " for " + s.uri() + ": " + response.body());
    }
  }
}
