package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.RejectedInput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class IngestHttpServerTest {
  private final Topics topics = Topics.from(CopydeskConfig.defaults());
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private IngestHttpServer server;

  @BeforeEach
  void start() throws Exception {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    server =
        new IngestHttpServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            intake,
            200,
            Clock.systemUTC());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsCopyWith202AndTheStoryId() throws Exception {
    HttpResponse<String> response =
        post("text/plain; charset=utf-8", "Quake hits coast\nA quake hit the coast on Monday.");
    assertEquals(202, response.statusCode());
    JsonNode answer = json.readTree(response.body());
    assertTrue(answer.get("id").asText().startsWith("txt-"));
    assertEquals(1, producer.history().size());
    assertEquals(topics.raw().name(), producer.history().get(0).topic());
  }

  @Test
  void refusesBadInputWithAJsonReasonAndRecordsTheReject() throws Exception {
    HttpResponse<String> response = post("text/plain", "   ");
    assertEquals(400, response.statusCode());
    JsonNode answer = json.readTree(response.body());
    assertEquals("EMPTY", answer.get("error").asText());
    assertFalse(answer.get("reason").asText().isBlank());
    assertEquals(topics.rejects().name(), producer.history().get(0).topic());
  }

  @Test
  void tooLargeUnsupportedTypeAndWrongMethodAreRefusedWithoutAStackTrace() throws Exception {
    HttpResponse<String> large = post("text/plain", "x".repeat(201));
    assertEquals(413, large.statusCode());
    assertEquals("TOO_LARGE", json.readTree(large.body()).get("error").asText());

    HttpResponse<String> image = post("image/png", "PNG");
    assertEquals(415, image.statusCode());
    assertFalse(image.body().contains("Exception"));

    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals(
        List.of("TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"),
        rejects().stream().map(r -> r.getValue().getCode()).toList(),
        "refused input is filed; a wrong method is not input");
    assertTrue(
        producer.history().stream()
            .noneMatch(r -> r.topic().equals(topics.raw().name()) && r.value() != null),
        "no article was published");
  }

  /** The rejects published so far, by key. */
  private List<Map.Entry<String, RejectedInput>> rejects() {
    String topic = topics.rejects().name();
    return producer.history().stream()
        .filter(r -> r.topic().equals(topic))
        .map(
            r ->
                Map.entry(
                    topics.rejects().keySerde().deserializer().deserialize(topic, r.key()),
                    topics.rejects().valueSerde().deserializer().deserialize(topic, r.value())))
        .toList();
  }

  @Test
  void anOverSizeBodyIsFiledOnTheRejectsTopicWithoutItsBytesUnderTheKeyTheAnswerNames()
      throws Exception {
    HttpResponse<String> large = post("text/plain", "x".repeat(5_000));
    assertEquals(413, large.statusCode());
    JsonNode answer = json.readTree(large.body());
    String key = answer.get("rejection_key").asText();
    assertEquals(key, answer.get("request_id").asText());
    assertEquals(key, large.headers().firstValue("X-Request-Id").orElseThrow());
    Map.Entry<String, RejectedInput> reject = rejects().get(0);
    assertEquals(key, reject.getKey());
    assertEquals("TOO_LARGE", reject.getValue().getCode());
    assertTrue(reject.getValue().getReason().contains("5000"), reject.getValue().getReason());
    assertTrue(
        reject.getValue().getReason().contains("Content-Type: text/plain"),
        reject.getValue().getReason());
    assertEquals(0, reject.getValue().getPayload().remaining(), "the over-size body is not kept");
  }

  @Test
  void anOverSizeBodyWithoutALengthIsFiledToo() throws Exception {
    byte[] big = "y".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> large =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, large.statusCode());
    assertEquals(
        json.readTree(large.body()).get("rejection_key").asText(), rejects().get(0).getKey());
  }

  @Test
  void theSendersRequestIdIsEchoedAndKeysTheRejection() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
            .header("X-Request-Id", "desk-42.retry:1")
            .POST(HttpRequest.BodyPublishers.ofString("   "))
            .build();
    HttpResponse<String> refused = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(400, refused.statusCode());
    assertEquals("desk-42.retry:1", refused.headers().firstValue("X-Request-Id").orElseThrow());
    assertEquals("desk-42.retry:1", json.readTree(refused.body()).get("rejection_key").asText());
    assertEquals("desk-42.retry:1", rejects().get(0).getKey());
    assertEquals("EMPTY", rejects().get(0).getValue().getCode());

    HttpResponse<String> accepted =
        client.send(
            HttpRequest.newBuilder(request.uri())
                .header("X-Request-Id", "desk-43")
                .POST(
                    HttpRequest.BodyPublishers.ofString("Quake hits coast\nA quake hit the coast."))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, accepted.statusCode());
    assertEquals("desk-43", json.readTree(accepted.body()).get("request_id").asText());
  }

  @Test
  void anUnusableRequestIdIsRefusedAndFiledUnderOneMadeHere() throws Exception {
    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                .header("X-Request-Id", "no spaces/or slashes")
                .POST(HttpRequest.BodyPublishers.ofString("Quake\nA quake."))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, refused.statusCode());
    JsonNode answer = json.readTree(refused.body());
    assertEquals("INVALID_REQUEST_ID", answer.get("error").asText());
    assertTrue(answer.get("rejection_key").asText().startsWith("http-"));
    assertEquals(answer.get("rejection_key").asText(), rejects().get(0).getKey());
  }

  @Test
  void madeUpRequestIdsDifferForRequestsInTheSameMillisecond() throws Exception {
    Clock frozen =
        Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    try (IngestHttpServer fixed =
        new IngestHttpServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), intake, 200, frozen)) {
      fixed.start();
      URI uri = URI.create("http://127.0.0.1:" + fixed.port() + "/articles");
      String first =
          client
              .send(
                  HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .headers()
              .firstValue("X-Request-Id")
              .orElseThrow();
      String second =
          client
              .send(
                  HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .headers()
              .firstValue("X-Request-Id")
              .orElseThrow();
      assertNotEquals(first, second);
      assertEquals(List.of(first, second), rejects().stream().map(Map.Entry::getKey).toList());
    }
  }

  @Test
  void withATokenConfiguredARequestWithoutItIsRefusedAndNothingIsPublished() throws Exception {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    try (IngestHttpServer guarded =
        new IngestHttpServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            intake,
            200,
            new HttpAccess("s3cret", 0, 1, Clock.systemUTC()),
            Clock.systemUTC())) {
      guarded.start();
      URI uri = URI.create("http://127.0.0.1:" + guarded.port() + "/articles");
      HttpResponse<String> refused =
          client.send(
              HttpRequest.newBuilder(uri)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "Quake hits coast\nA quake hit the coast."))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(401, refused.statusCode());
      assertEquals("UNAUTHORIZED", json.readTree(refused.body()).get("error").asText());
      assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(0, producer.history().size(), "nothing published for a refused request");
      HttpResponse<String> accepted =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer s3cret")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "Quake hits coast\nA quake hit the coast."))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(202, accepted.statusCode());
    }
  }

  /** An answer read off a raw socket: the status line's code, the header lines, the body. */
  private record RawAnswer(int status, List<String> headers, String body) {
    String header(String name) {
      return headers.stream()
          .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(h -> h.substring(name.length() + 1).strip())
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * Sends {@code request} byte for byte, as no HTTP client would, and reads the answer to the end
   * of the connection (the server closes it after refusing a request it cannot parse).
   */
  private RawAnswer sendRaw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 ") && end > 0, "an HTTP answer: " + answer);
      List<String> lines = List.of(answer.substring(0, end).split("\r\n"));
      return new RawAnswer(
          Integer.parseInt(lines.get(0).substring(9, 12)),
          lines.subList(1, lines.size()),
          answer.substring(end + 4));
    }
  }

  /**
   * What an answer to a request the server could not read must not say: no Java, no server name or
   * version.
   */
  private static void assertNamesNoInternals(RawAnswer answer) {
    for (String leak : List.of("Exception", "java.", "jetty", "Jetty", "at org.", "NumberFormat")) {
      assertFalse(answer.body().contains(leak), "the body names " + leak + ": " + answer.body());
      assertTrue(
          answer.headers().stream().noneMatch(h -> h.contains(leak)),
          "a header names " + leak + ": " + answer.headers());
    }
    assertEquals(null, answer.header("Server"), "no server header");
    assertEquals(null, answer.header("X-Powered-By"), "no powered-by header");
  }

  @Test
  void aContentLengthThatIsNotANumberGetsAJsonAnswerWithARequestIdAndTheIntakeServesTheNextRequest()
      throws Exception {
    RawAnswer answer =
        sendRaw(
            "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: abc\r\n\r\nQuake hits coast\nA quake hit the coast.");
    assertEquals(400, answer.status());
    assertNamesNoInternals(answer);
    assertTrue(
        answer.header("Content-Type").startsWith("application/json"), answer.headers().toString());
    JsonNode body = json.readTree(answer.body());
    assertEquals("MALFORMED_REQUEST", body.get("error").asText());
    assertTrue(body.get("reason").asText().contains("Content-Length"), body.toString());
    assertTrue(body.get("request_id").asText().startsWith("http-"), body.toString());
    assertEquals(body.get("request_id").asText(), answer.header("X-Request-Id"));
    assertFalse(
        body.has("rejection_key"),
        "its headers (the token among them) were never read: nothing is filed");
    assertEquals(0, producer.history().size(), "nothing published or filed");

    HttpResponse<String> next =
        post("text/plain", "Quake hits coast\nA quake hit the coast on Monday.");
    assertEquals(202, next.statusCode(), "the intake keeps serving");
    assertEquals(1, producer.history().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /articles HTTP/1.1 and more\r\nHost: 127.0.0.1\r\n\r\n", // a request line with words
        // after the version
        "POST /art\u0001icles HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", // a control character in the
        // target
        "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n", // a header line that
        // is no header
        "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 9\r\n\r\nhello", // two lengths
        "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
      })
  void aMalformedRequestGetsA400InTheIntakesOwnWordsAndTheIntakeServesTheNextRequest(String request)
      throws Exception {
    RawAnswer answer = sendRaw(request);
    assertEquals(400, answer.status(), answer.toString());
    assertNamesNoInternals(answer);
    JsonNode body = json.readTree(answer.body());
    assertEquals("MALFORMED_REQUEST", body.get("error").asText());
    assertEquals(body.get("request_id").asText(), answer.header("X-Request-Id"));
    assertEquals(0, producer.history().size(), "nothing published or filed");
    assertEquals(
        202,
        post("text/plain", "Quake hits coast\nA quake hit the coast on Monday.").statusCode(),
        "the intake keeps serving");
  }

  @Test
  void aChunkedBodyThatBreaksItsFramingIsRefusedAndFiledUnderTheRequestId() throws Exception {
    RawAnswer answer =
        sendRaw(
            "POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: desk-9\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nQuake\r\nzz\r\nnot a chunk\r\n0\r\n\r\n");
    assertEquals(400, answer.status(), answer.toString());
    assertNamesNoInternals(answer);
    JsonNode body = json.readTree(answer.body());
    assertEquals("UNREADABLE_BODY", body.get("error").asText());
    assertEquals("desk-9", body.get("rejection_key").asText());
    assertEquals("desk-9", answer.header("X-Request-Id"));
    Map.Entry<String, RejectedInput> reject = rejects().get(0);
    assertEquals("desk-9", reject.getKey());
    assertEquals("UNREADABLE_BODY", reject.getValue().getCode());
    assertTrue(
        reject.getValue().getReason().contains("Transfer-Encoding: chunked"),
        reject.getValue().getReason());
    assertEquals(
        202,
        post("text/plain", "Quake hits coast\nA quake hit the coast on Monday.").statusCode(),
        "the intake keeps serving");
  }

  @Test
  void anOperatorSeesAMalformedRequestOnceAsAWarningWithoutAStackTrace() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    RawAnswer answer;
    try {
      answer = sendRaw("POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n");
      assertEquals(
          202,
          post("text/plain", "Quake hits coast\nA quake hit the coast on Monday.").statusCode());
    } finally {
      root.detachAppender(events);
    }
    List<ILoggingEvent> shown =
        events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
    assertEquals(1, shown.size(), "one line: " + shown);
    ILoggingEvent line = shown.get(0);
    assertEquals(Level.WARN, line.getLevel(), "a sender's mistake, not the intake's failure");
    assertEquals(null, line.getThrowableProxy(), "no stack trace");
    String message = line.getFormattedMessage();
    assertTrue(
        message.contains(json.readTree(answer.body()).get("request_id").asText())
            && message.contains("400")
            && message.contains("127.0.0.1")
            && message.contains("Content-Length"),
        message);
    assertFalse(message.contains("Exception"), message);
  }

  @Test
  void aRequestWaitingForKafkaLongerThanTheIdleTimeoutStillGetsItsAnswer() throws Exception {
    MockProducer<byte[], byte[]> slow =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
          @Override
          public synchronized void commitTransaction() {
            try {
              Thread.sleep(1_500); // a broker slow to commit: longer than the idle timeout below
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.commitTransaction();
          }
        };
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, slow), 100);
    try (IngestHttpServer waiting =
        new IngestHttpServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            intake,
            200,
            HttpAccess.open(Clock.systemUTC()),
            Clock.systemUTC(),
            300)) {
      waiting.start();
      HttpResponse<String> accepted =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + waiting.port() + "/articles"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "Quake hits coast\nA quake hit the coast on Monday."))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(202, accepted.statusCode());
    }
  }

  @Test
  void aSenderThatStallsMidBodyIsCutOffAfterTheIdleTimeoutAndItsRequestIsFiled() throws Exception {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    try (IngestHttpServer idle =
            new IngestHttpServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                intake,
                200,
                HttpAccess.open(Clock.systemUTC()),
                Clock.systemUTC(),
                300);
        Socket socket = new Socket("127.0.0.1", startAndPort(idle))) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: desk-slow\r\nContent-Type: text/plain\r\n"
                      + "Content-Length: 100\r\n\r\nQuake hits")
                  .getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      assertTrue(
          answer.contains("\"error\":\"UNREADABLE_BODY\"")
              && answer.contains("\"rejection_key\":\"desk-slow\""),
          answer);
      assertFalse(answer.contains("Exception"), answer);
      assertEquals("desk-slow", rejects().get(0).getKey());
      assertTrue(
          rejects().get(0).getValue().getReason().contains("nothing came for 300 ms"),
          rejects().get(0).getValue().getReason());
    }
  }

  private static int startAndPort(IngestHttpServer server) {
    server.start();
    return server.port();
  }

  @Test
  void aPortInUseFailsWhenTheServerIsBuiltNotLater() {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class,
        () ->
            new IngestHttpServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                intake,
                200,
                Clock.systemUTC()));
  }
}
