package io.copydesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: any supported format in the body. Answers 202 with the story ids once Kafka
 * has the records; 400 with the reason for input that is refused (which also goes to the rejects
 * topic); 413 when the body exceeds the article size limit; 415 for a content type that cannot be
 * copy; 503 when Kafka cannot take it now. Errors are small JSON objects, never stack traces.
 */
public final class IngestHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
  /** Content types a newsroom system may send; the format itself is still sniffed from the content. */
  private static final Set<String> ACCEPTED_TYPES = Set.of(
      "text/plain", "application/json", "application/ninjs+json", "application/xml", "text/xml",
      "application/rss+xml", "application/atom+xml", "application/vnd.iptc.g2.newsitem+xml",
      "application/vnd.iptc.g2.newsmessage+xml", "application/octet-stream");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Intake intake;
  private final HttpAccess access;
  private final long maxBytes;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public IngestHttpServer(InetSocketAddress address, Intake intake, long maxBytes, Clock clock) throws IOException {
    this(address, intake, maxBytes, HttpAccess.open(clock), clock);
  }

  public IngestHttpServer(InetSocketAddress address, Intake intake, long maxBytes, HttpAccess access, Clock clock) throws IOException {
    this.access = access;
    this.intake = intake;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.server = HttpServer.create(address, 64);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "copydesk-ingest-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/articles", this::handle);
  }

  public void start() {
    server.start();
    LOG.info("ingest accepts POST /articles on port {}", port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      process(exchange);
    } catch (Intake.KafkaUnavailableException e) {
      LOG.warn("{}", e.getMessage());
      error(exchange, 503, "UNAVAILABLE", "Kafka cannot take articles right now; try again");
    } catch (Intake.PublishingStoppedException e) {
      LOG.error("{}", e.getMessage());
      error(exchange, 503, "UNAVAILABLE", "ingest cannot publish to Kafka; the error is logged");
    } catch (RuntimeException e) {
      LOG.error("HTTP ingest failed", e);
      error(exchange, 500, "INTERNAL", "the article could not be processed; the error is logged");
    } finally {
      exchange.close();
    }
  }

  private void process(HttpExchange exchange) throws IOException, Intake.KafkaUnavailableException {
    HttpAccess.Verdict verdict = access.check(exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRemoteAddress().getAddress().getHostAddress());
    if (!verdict.allowed()) {
      if (verdict.status() == 401) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"copydesk-ingest\"");
      } else {
        exchange.getResponseHeaders().add("Retry-After", "1");
      }
      error(exchange, verdict.status(), verdict.code(), verdict.reason());
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Allow", "POST");
      error(exchange, 405, "METHOD_NOT_ALLOWED", "use POST to submit an article");
      return;
    }
    if (!"/articles".equals(exchange.getRequestURI().getPath())) {
      error(exchange, 404, "NOT_FOUND", "no such resource; POST articles to /articles");
      return;
    }
    String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (type != null && !ACCEPTED_TYPES.contains(type)) {
      error(exchange, 415, "UNSUPPORTED_MEDIA_TYPE", "content type " + type + " is not wire copy; send one of " + ACCEPTED_TYPES);
      return;
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && parseLong(length) > maxBytes) {
      error(exchange, 413, "TOO_LARGE", "the body is " + length + " bytes; the limit is " + maxBytes);
      return;
    }
    byte[] body = readAtMost(exchange.getRequestBody(), maxBytes);
    if (body == null) {
      error(exchange, 413, "TOO_LARGE", "the body exceeds the limit of " + maxBytes + " bytes");
      return;
    }
    String name = "http-" + clock.millis();
    Intake.Outcome outcome = intake.publish(new InputDocument(name, body, clock.instant()));
    if (outcome.accepted()) {
      ObjectNode answer = json.createObjectNode();
      answer.put("id", outcome.ids().get(0));
      outcome.ids().forEach(answer.putArray("ids")::add);
      respond(exchange, 202, answer);
    } else {
      error(exchange, 400, outcome.code(), outcome.reason());
    }
  }

  private static String mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null; // sniff the content
    }
    return header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body, or null if it is longer than {@code limit}: never more than limit + 1 bytes in memory. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    return bytes.length > limit ? null : bytes;
  }

  private void error(HttpExchange exchange, int status, String code, String reason) throws IOException {
    respond(exchange, status, json.createObjectNode().put("error", code).put("reason", reason));
  }

  private void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
