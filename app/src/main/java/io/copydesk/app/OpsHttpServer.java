package io.copydesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operations endpoints of one Copydesk process, on the JDK's HTTP server: {@code GET
 * /health/live} (200 while the process serves), {@code GET /health/ready} (200 when every stage in
 * it is ready, else 503; the body says which is not) and {@code GET /metrics} (Prometheus text
 * format).
 */
final class OpsHttpServer implements AutoCloseable {
  /** The Prometheus text exposition format that {@code PrometheusMeterRegistry.scrape()} writes. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, BooleanSupplier> readiness;
  private final Supplier<String> scrape;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code readiness}: per stage name, whether it is ready; {@code scrape}: the metrics text. */
  OpsHttpServer(
      InetSocketAddress address, Map<String, BooleanSupplier> readiness, Supplier<String> scrape)
      throws IOException {
    this.readiness = Map.copyOf(readiness);
    this.scrape = scrape;
    this.server = HttpServer.create(address, 16);
    // Scrapes and probes are light and rare: two daemon threads, so they never keep the JVM alive.
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "copydesk-ops-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET, HEAD");
        respond(exchange, 405, "application/json", "{\"error\":\"METHOD_NOT_ALLOWED\"}");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/health/live" -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
        case "/health/ready" -> ready(exchange);
        case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, scrape.get());
        default ->
            respond(
                exchange,
                404,
                "application/json",
                "{\"error\":\"NOT_FOUND\",\"reason\":\"try /health/live, /health/ready or /metrics\"}");
      }
    }
  }

  private void ready(HttpExchange exchange) throws IOException {
    ObjectNode body = json.createObjectNode();
    ObjectNode stages = body.putObject("stages");
    boolean all = true;
    for (Map.Entry<String, BooleanSupplier> stage : readiness.entrySet()) {
      boolean ready = stage.getValue().getAsBoolean();
      stages.put(stage.getKey(), ready ? "UP" : "DOWN");
      all &= ready;
    }
    body.put("status", all ? "UP" : "DOWN");
    respond(exchange, all ? 200 : 503, "application/json", json.writeValueAsString(body));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
