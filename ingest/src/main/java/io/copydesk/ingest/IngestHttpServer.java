package io.copydesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: any supported format in the body. Answers 202 with the story ids once Kafka
 * has the records; 400 with the reason for input that is refused; 413 when the body exceeds the
 * article size limit; 415 for a content type that cannot be copy; 503 when Kafka cannot take it
 * now. Errors are small JSON objects, never stack traces. Each request has an id, the sender's
 * {@code X-Request-Id} or one made here, echoed in that header and as {@code request_id}; a
 * refused input (400, 413, 415) goes to the rejects topic keyed by it ({@code rejection_key}).
 */
public final class IngestHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);
  /** Content types a newsroom system may send; the format itself is still sniffed from the content. */
  private static final Set<String> ACCEPTED_TYPES = Set.of(
      "text/plain", "application/json", "application/ninjs+json", "application/xml", "text/xml",
      "application/rss+xml", "application/atom+xml", "application/vnd.iptc.g2.newsitem+xml",
      "application/vnd.iptc.g2.newsmessage+xml", "application/octet-stream");

  /** The request id a sender may set, echoed on every answer; a refusal is filed under it. */
  static final String REQUEST_ID = "X-Request-Id";
  static final int MAX_REQUEST_ID = 128;
  private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_REQUEST_ID + "}");
  /** What a reject of an unread body records of how it was sent. */
  private static final List<String> FILED_HEADERS = List.of("Content-Type", "Content-Length", "Transfer-Encoding", "User-Agent");

  private final AtomicLong requests = new AtomicLong();
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
      error(exchange, 503, "UNAVAILABLE", "Kafka cannot take articles right now; try again", requestIdOf(exchange), false);
    } catch (Intake.PublishingStoppedException e) {
      LOG.error("{}", e.getMessage());
      error(exchange, 503, "UNAVAILABLE", "ingest cannot publish to Kafka; the error is logged", requestIdOf(exchange), false);
    } catch (RuntimeException e) {
      LOG.error("HTTP ingest failed", e);
      error(exchange, 500, "INTERNAL", "the article could not be processed; the error is logged", requestIdOf(exchange), false);
    } finally {
      exchange.close();
    }
  }

  private void process(HttpExchange exchange) throws IOException, Intake.KafkaUnavailableException {
    Headers headers = exchange.getRequestHeaders();
    String senderId = headers.getFirst(REQUEST_ID);
    String requestId = senderId != null && VALID_REQUEST_ID.matcher(senderId).matches()
        ? senderId : "http-" + clock.millis() + "-" + requests.incrementAndGet();
    exchange.getResponseHeaders().set(REQUEST_ID, requestId);
    HttpAccess.Verdict verdict = access.check(headers.getFirst("Authorization"),
        exchange.getRemoteAddress().getAddress().getHostAddress());
    if (!verdict.allowed()) {
      if (verdict.status() == 401) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"copydesk-ingest\"");
      } else {
        exchange.getResponseHeaders().add("Retry-After", "1");
      }
      error(exchange, verdict.status(), verdict.code(), verdict.reason(), requestId, false);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Allow", "POST");
      error(exchange, 405, "METHOD_NOT_ALLOWED", "use POST to submit an article", requestId, false);
      return;
    }
    if (!"/articles".equals(exchange.getRequestURI().getPath())) {
      error(exchange, 404, "NOT_FOUND", "no such resource; POST articles to /articles", requestId, false);
      return;
    }
    // From here on every refusal is filed on the rejects topic under the request id.
    if (senderId != null && !senderId.equals(requestId)) {
      refuse(exchange, 400, requestId, "INVALID_REQUEST_ID", "the " + REQUEST_ID + " header must be 1 to "
          + MAX_REQUEST_ID + " letters, digits or . _ : @ -; this request is filed as " + requestId, new byte[0]);
      return;
    }
    String type = mediaType(headers.getFirst("Content-Type"));
    if (type != null && !ACCEPTED_TYPES.contains(type)) {
      refuse(exchange, 415, requestId, "UNSUPPORTED_MEDIA_TYPE",
          "content type " + type + " is not wire copy; send one of " + ACCEPTED_TYPES, new byte[0]);
      return;
    }
    String length = headers.getFirst("Content-Length");
    if (length != null && parseLong(length) > maxBytes) {
      // Not read: the reject says how large it was and how it was sent, not what it held.
      refuse(exchange, 413, requestId, "TOO_LARGE", "the body is " + length.strip() + " bytes; the limit is " + maxBytes, new byte[0]);
      return;
    }
    byte[] body = readAtMost(exchange.getRequestBody(), maxBytes);
    if (body == null) {
      refuse(exchange, 413, requestId, "TOO_LARGE", "the body exceeds the limit of " + maxBytes + " bytes", new byte[0]);
      return;
    }
    Intake.Outcome outcome = intake.publish(new InputDocument(requestId, body, clock.instant()));
    if (outcome.accepted()) {
      ObjectNode answer = json.createObjectNode();
      answer.put("id", outcome.ids().get(0));
      outcome.ids().forEach(answer.putArray("ids")::add);
      answer.put("request_id", requestId);
      respond(exchange, 202, answer);
    } else {
      error(exchange, 400, outcome.code(), outcome.reason(), requestId, true);
    }
  }

  /**
   * Files a request refused before its body was read on the rejects topic, under its request id,
   * then answers: the reject's reason adds how the body was sent (never the Authorization header).
   */
  private void refuse(HttpExchange exchange, int status, String requestId, String code, String reason, byte[] kept)
      throws IOException, Intake.KafkaUnavailableException {
    Headers headers = exchange.getRequestHeaders();
    StringBuilder sent = new StringBuilder(reason).append(" (request headers:");
    for (String name : FILED_HEADERS) {
      String value = headers.getFirst(name);
      if (value != null) {
        sent.append(' ').append(name).append(": ").append(value.length() > 200 ? value.substring(0, 200) + "…" : value).append(';');
      }
    }
    sent.setCharAt(sent.length() - 1, ')');
    intake.refuse(new InputDocument(requestId, kept, clock.instant()), new InputRejectedException(code, sent.toString()));
    error(exchange, status, code, reason, requestId, true);
  }

  /** The id {@link #process} gave the request (set on the answer first thing). */
  private static String requestIdOf(HttpExchange exchange) {
    return exchange.getResponseHeaders().getFirst(REQUEST_ID);
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

  /** An error answer; {@code filed} when the refusal is on the rejects topic under the request id. */
  private void error(HttpExchange exchange, int status, String code, String reason, String requestId, boolean filed) throws IOException {
    ObjectNode answer = json.createObjectNode().put("error", code).put("reason", reason).put("request_id", requestId);
    if (filed) {
      answer.put("rejection_key", requestId);
    }
    respond(exchange, status, answer);
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
