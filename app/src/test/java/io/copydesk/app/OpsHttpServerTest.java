package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What probes see while a stage is not ready, and what the endpoints refuse. */
class OpsHttpServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readinessFollowsTheStagesAndNamesTheOneThatIsNotReady() throws Exception {
    AtomicBoolean sinkReady = new AtomicBoolean(false);
    Map<String, BooleanSupplier> stages = new LinkedHashMap<>();
    stages.put("enrich", () -> true);
    stages.put("sink", sinkReady::get);
    try (OpsHttpServer server =
        new OpsHttpServer(new InetSocketAddress("127.0.0.1", 0), stages, () -> "up 1\n")) {
      server.start();
      HttpResponse<String> notReady = get(server, "GET", "/health/ready");
      assertEquals(503, notReady.statusCode());
      JsonNode body = new ObjectMapper().readTree(notReady.body());
      assertEquals("DOWN", body.get("status").asText());
      assertEquals("DOWN", body.get("stages").get("sink").asText());
      assertEquals("UP", body.get("stages").get("enrich").asText());
      assertEquals(200, get(server, "GET", "/health/live").statusCode(), "alive while not ready");

      sinkReady.set(true);
      assertEquals(200, get(server, "GET", "/health/ready").statusCode());
      assertEquals(200, get(server, "HEAD", "/health/ready").statusCode());

      HttpResponse<String> metrics = get(server, "GET", "/metrics");
      assertEquals("up 1\n", metrics.body());
      assertTrue(
          metrics
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/plain; version=0.0.4"));
      assertEquals(405, get(server, "POST", "/metrics").statusCode());
      assertEquals(404, get(server, "GET", "/articles").statusCode());
    }
  }

  private HttpResponse<String> get(OpsHttpServer server, String method, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
