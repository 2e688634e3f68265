package io.copydesk.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: any supported format in the body. Answers 202 with the story ids once
 * Kafka has the records; 400 with the reason for input that is refused; 413 when the body exceeds
 * the article size limit; 415 for a content type that cannot be copy; 503 when Kafka cannot take it
 * now. Errors are small JSON objects, never stack traces. Each request has an id, the sender's
 * {@code X-Request-Id} or one made here, echoed in that header and as {@code request_id}; a refused
 * input (400, 413, 415) goes to the rejects topic keyed by it ({@code rejection_key}).
 *
 * <p>Served by Jetty's core HTTP server (no servlet API). What Jetty itself refuses before a
 * request reaches the intake (an unparsable request line, header or {@code Content-Length}) is
 * answered the same way by {@link IntakeErrorHandler}; no answer names the server or its version.
 */
public final class IngestHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHttpServer.class);

  /**
   * Content types a newsroom system may send; the format itself is still sniffed from the content.
   */
  private static final Set<String> ACCEPTED_TYPES =
      Set.of(
          "text/plain",
          "application/json",
          "application/ninjs+json",
          "application/xml",
          "text/xml",
          "application/rss+xml",
          "application/atom+xml",
          "application/vnd.iptc.g2.newsitem+xml",
          "application/vnd.iptc.g2.newsmessage+xml",
          "application/octet-stream");

  /** What a reject of an unread body records of how it was sent. */
  private static final List<String> FILED_HEADERS =
      List.of("Content-Type", "Content-Length", "Transfer-Encoding", "User-Agent");

  /**
   * Threads of the server: one accepts, one selects, the rest handle requests, each of which blocks
   * until its group commit is done; concurrent requests share a transaction (see {@link Intake}).
   */
  private static final int MAX_THREADS = 16;

  private static final int MIN_THREADS = 4;

  /** How long a stop waits for requests under way to be answered. */
  private static final long STOP_TIMEOUT_MS = 1_000;

  private static final long SHUTDOWN_IDLE_TIMEOUT_MS = 100;

  /**
   * How long a connection may be silent: a sender that stops sending its headers or body is cut off
   * after it. It does not apply while a request waits for Kafka (see {@link Articles#handle}).
   */
  private static final long IDLE_TIMEOUT_MS = 30_000;

  private final Server server;
  private final ServerConnector connector;
  private final Intake intake;
  private final HttpAccess access;
  private final long maxBytes;
  private final Clock clock;
  private final RequestIds requestIds;
  private final long idleTimeoutMs;

  public IngestHttpServer(InetSocketAddress address, Intake intake, long maxBytes, Clock clock)
      throws IOException {
    this(address, intake, maxBytes, HttpAccess.open(clock), clock);
  }

  /** Binds the address at once (a port in use fails here); {@link #start} begins serving. */
  public IngestHttpServer(
      InetSocketAddress address, Intake intake, long maxBytes, HttpAccess access, Clock clock)
      throws IOException {
    this(address, intake, maxBytes, access, clock, IDLE_TIMEOUT_MS);
  }

  IngestHttpServer(
      InetSocketAddress address,
      Intake intake,
      long maxBytes,
      HttpAccess access,
      Clock clock,
      long idleTimeoutMs)
      throws IOException {
    this.access = access;
    this.intake = intake;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.requestIds = new RequestIds(clock);
    this.idleTimeoutMs = idleTimeoutMs;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("copydesk-ingest-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(
        address.getAddress() != null
            ? address.getAddress().getHostAddress()
            : address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(idleTimeoutMs);
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler(new Articles());
    // On stop, a kept-alive connection with no request under way closes at once rather than after
    // its idle timeout; requests under way have until STOP_TIMEOUT_MS to be answered.
    graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT_MS);
    server.setHandler(graceful);
    server.setErrorHandler(new IntakeErrorHandler(requestIds));
    server.setStopTimeout(STOP_TIMEOUT_MS);
    connector.open();
  }

  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP intake could not start: " + e.getMessage(), e);
    }
    LOG.info("ingest accepts POST /articles on port {}", port());
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** One request and its answer. */
  private record Exchange(Request request, Response response, Callback callback, String requestId) {
    HttpFields headers() {
      return request.getHeaders();
    }
  }

  /** Every path: the intake answers 404 and 405 itself, in its own words. */
  private final class Articles extends Handler.Abstract {
    Articles() {
      super(InvocationType.BLOCKING);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      // Waiting for Kafka (a group commit, a broker that is slow or down) is not the sender's
      // silence: the connection must not be closed by the idle timeout then, or the sender would
      // get no answer, not even the 503. Reads and writes still time out.
      request.addIdleTimeoutListener(timeout -> false);
      String requestId = requestIds.choose(request.getHeaders().get(RequestIds.HEADER));
      response.getHeaders().put(RequestIds.HEADER, requestId);
      Exchange exchange = new Exchange(request, response, callback, requestId);
      try {
        process(exchange);
      } catch (Intake.KafkaUnavailableException e) {
        LOG.warn("{}", e.getMessage());
        error(
            exchange, 503, "UNAVAILABLE", "Kafka cannot take articles right now; try again", false);
      } catch (Intake.PublishingStoppedException e) {
        LOG.error("{}", e.getMessage());
        error(
            exchange,
            503,
            "UNAVAILABLE",
            "ingest cannot publish to Kafka; the error is logged",
            false);
      } catch (RuntimeException e) {
        LOG.error("HTTP ingest failed", e);
        error(
            exchange,
            500,
            "INTERNAL",
            "the article could not be processed; the error is logged",
            false);
      }
      return true;
    }
  }

  private void process(Exchange exchange) throws Intake.KafkaUnavailableException {
    HttpFields headers = exchange.headers();
    String senderId = headers.get(RequestIds.HEADER);
    String requestId = exchange.requestId();
    Response response = exchange.response();
    HttpAccess.Verdict verdict =
        access.check(
            headers.get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(exchange.request()));
    if (!verdict.allowed()) {
      if (verdict.status() == 401) {
        response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"copydesk-ingest\"");
      } else {
        response.getHeaders().add(HttpHeader.RETRY_AFTER, "1");
      }
      error(exchange, verdict.status(), verdict.code(), verdict.reason(), false);
      return;
    }
    if (!"POST".equals(exchange.request().getMethod())) {
      response.getHeaders().add(HttpHeader.ALLOW, "POST");
      error(exchange, 405, "METHOD_NOT_ALLOWED", "use POST to submit an article", false);
      return;
    }
    if (!"/articles".equals(exchange.request().getHttpURI().getPath())) {
      error(exchange, 404, "NOT_FOUND", "no such resource; POST articles to /articles", false);
      return;
    }
    // From here on every refusal is filed on the rejects topic under the request id.
    if (senderId != null && !senderId.equals(requestId)) {
      refuse(
          exchange,
          400,
          "INVALID_REQUEST_ID",
          "the "
              + RequestIds.HEADER
              + " header must be 1 to "
              + RequestIds.MAX_LENGTH
              + " letters, digits or . _ : @ -; this request is filed as "
              + requestId);
      return;
    }
    String type = mediaType(headers.get(HttpHeader.CONTENT_TYPE));
    if (type != null && !ACCEPTED_TYPES.contains(type)) {
      refuse(
          exchange,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "content type " + type + " is not wire copy; send one of " + ACCEPTED_TYPES);
      return;
    }
    // The server has checked that a Content-Length is a number; -1 when the body is chunked.
    long length = exchange.request().getLength();
    if (length > maxBytes) {
      // Not read: the reject says how large it was and how it was sent, not what it held.
      refuse(
          exchange, 413, "TOO_LARGE", "the body is " + length + " bytes; the limit is " + maxBytes);
      return;
    }
    byte[] body;
    try {
      body = readAtMost(Request.asInputStream(exchange.request()), maxBytes);
    } catch (IOException | RuntimeException e) {
      // A chunked body that breaks its framing, or a sender gone before the body's end.
      String detail = HttpAnswers.plainReason(e);
      String why =
          detail != null
              ? " (" + detail + ")"
              : timedOut(e)
                  ? "; nothing came for " + idleTimeoutMs + " ms"
                  : "; the connection ended early";
      refuse(exchange, 400, "UNREADABLE_BODY", "the body could not be read to its end" + why);
      return;
    }
    if (body == null) {
      refuse(exchange, 413, "TOO_LARGE", "the body exceeds the limit of " + maxBytes + " bytes");
      return;
    }
    Intake.Outcome outcome = intake.publish(new InputDocument(requestId, body, clock.instant()));
    if (outcome.accepted()) {
      ObjectNode answer = HttpAnswers.object();
      answer.put("id", outcome.ids().get(0));
      outcome.ids().forEach(answer.putArray("ids")::add);
      answer.put("request_id", requestId);
      HttpAnswers.send(response, 202, answer, exchange.callback());
    } else {
      error(exchange, 400, outcome.code(), outcome.reason(), true);
    }
  }

  /**
   * Files a request whose body was refused unread on the rejects topic, under its request id, then
   * answers: the reject's reason adds how the body was sent (never the Authorization header).
   */
  private void refuse(Exchange exchange, int status, String code, String reason)
      throws Intake.KafkaUnavailableException {
    HttpFields headers = exchange.headers();
    StringBuilder sent = new StringBuilder(reason).append(" (request headers:");
    for (String name : FILED_HEADERS) {
      String value = headers.get(name);
      if (value != null) {
        sent.append(' ')
            .append(name)
            .append(": ")
            .append(value.length() > 200 ? value.substring(0, 200) + "…" : value)
            .append(';');
      }
    }
    sent.setCharAt(sent.length() - 1, ')');
    intake.refuse(
        new InputDocument(exchange.requestId(), new byte[0], clock.instant()),
        new InputRejectedException(code, sent.toString()));
    error(exchange, status, code, reason, true);
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null; // sniff the content
    }
    return header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The body, or null if it is longer than {@code limit}: never more than limit + 1 bytes in
   * memory.
   */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    return bytes.length > limit ? null : bytes;
  }

  /**
   * An error answer; {@code filed} when the refusal is on the rejects topic under the request id.
   */
  private static void error(
      Exchange exchange, int status, String code, String reason, boolean filed) {
    HttpAnswers.send(
        exchange.response(),
        status,
        HttpAnswers.error(code, reason, exchange.requestId(), filed),
        exchange.callback());
  }

  /** Stops accepting, lets requests under way be answered for up to a second, then stops. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.info(
          "the HTTP intake stopped; requests still under way after {} ms were cut off (their senders get no answer)",
          STOP_TIMEOUT_MS);
    } catch (Exception e) {
      LOG.warn("stopping the HTTP intake: {}", e.toString());
    } finally {
      connector.close();
    }
  }
}
