package io.copydesk.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Copydesk process's health and metrics endpoints the way a probe or Prometheus would. */
final class OpsTestSupport {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OpsTestSupport() {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The response, or empty while nothing listens on the port. */
  static Optional<HttpResponse<String>> get(int port, String path) throws InterruptedException {
    try {
      return Optional.of(
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static int status(int port, String path) throws InterruptedException {
    return get(port, path).map(HttpResponse::statusCode).orElse(-1);
  }

  /**
   * The value of one sample line in Prometheus text ({@code name} or {@code name{labels}}); NaN if
   * absent.
   */
  static double sample(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  static double sample(int port, String series) throws InterruptedException {
    return get(port, "/metrics").map(r -> sample(r.body(), series)).orElse(Double.NaN);
  }

  /** Polls until {@code condition} holds or {@code timeout} passes; says whether it held. */
  static boolean await(Duration timeout, Check condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(250);
    }
    return condition.holds();
  }

  interface Check {
    boolean holds() throws Exception;
  }
}
