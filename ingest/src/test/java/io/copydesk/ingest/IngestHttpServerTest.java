package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.schema.RejectedInput;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestHttpServerTest {
  private final Topics topics = Topics.from(CopydeskConfig.defaults());
  private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private IngestHttpServer server;

  @BeforeEach
  void start() throws Exception {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    server = new IngestHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), intake, 200, Clock.systemUTC());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsCopyWith202AndTheStoryId() throws Exception {
    HttpResponse<String> response = post("text/plain; charset=utf-8", "Quake hits coast\nA quake hit the coast on Monday.");
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

    HttpResponse<String> get = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals(List.of("TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"), rejects().stream().map(r -> r.getValue().getCode()).toList(),
        "refused input is filed; a wrong method is not input");
    assertTrue(producer.history().stream().noneMatch(r -> r.topic().equals(topics.raw().name()) && r.value() != null),
        "no article was published");
  }

  /** The rejects published so far, by key. */
  private List<Map.Entry<String, RejectedInput>> rejects() {
    String topic = topics.rejects().name();
    return producer.history().stream().filter(r -> r.topic().equals(topic))
        .map(r -> Map.entry(topics.rejects().keySerde().deserializer().deserialize(topic, r.key()),
            topics.rejects().valueSerde().deserializer().deserialize(topic, r.value())))
        .toList();
  }

  @Test
  void anOverSizeBodyIsFiledOnTheRejectsTopicWithoutItsBytesUnderTheKeyTheAnswerNames() throws Exception {
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
    assertTrue(reject.getValue().getReason().contains("Content-Type: text/plain"), reject.getValue().getReason());
    assertEquals(0, reject.getValue().getPayload().remaining(), "the over-size body is not kept");
  }

  @Test
  void anOverSizeBodyWithoutALengthIsFiledToo() throws Exception {
    byte[] big = "y".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> large = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, large.statusCode());
    assertEquals(json.readTree(large.body()).get("rejection_key").asText(), rejects().get(0).getKey());
  }

  @Test
  void theSendersRequestIdIsEchoedAndKeysTheRejection() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .header("X-Request-Id", "desk-42.retry:1").POST(HttpRequest.BodyPublishers.ofString("   ")).build();
    HttpResponse<String> refused = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(400, refused.statusCode());
    assertEquals("desk-42.retry:1", refused.headers().firstValue("X-Request-Id").orElseThrow());
    assertEquals("desk-42.retry:1", json.readTree(refused.body()).get("rejection_key").asText());
    assertEquals("desk-42.retry:1", rejects().get(0).getKey());
    assertEquals("EMPTY", rejects().get(0).getValue().getCode());

    HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(request.uri()).header("X-Request-Id", "desk-43")
        .POST(HttpRequest.BodyPublishers.ofString("Quake hits coast\nA quake hit the coast.")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(202, accepted.statusCode());
    assertEquals("desk-43", json.readTree(accepted.body()).get("request_id").asText());
  }

  @Test
  void anUnusableRequestIdIsRefusedAndFiledUnderOneMadeHere() throws Exception {
    HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
        .header("X-Request-Id", "no spaces/or slashes").POST(HttpRequest.BodyPublishers.ofString("Quake\nA quake.")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, refused.statusCode());
    JsonNode answer = json.readTree(refused.body());
    assertEquals("INVALID_REQUEST_ID", answer.get("error").asText());
    assertTrue(answer.get("rejection_key").asText().startsWith("http-"));
    assertEquals(answer.get("rejection_key").asText(), rejects().get(0).getKey());
  }

  @Test
  void madeUpRequestIdsDifferForRequestsInTheSameMillisecond() throws Exception {
    Clock frozen = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    try (IngestHttpServer fixed = new IngestHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), intake, 200, frozen)) {
      fixed.start();
      URI uri = URI.create("http://127.0.0.1:" + fixed.port() + "/articles");
      String first = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")).build(),
          HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id").orElseThrow();
      String second = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("")).build(),
          HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id").orElseThrow();
      assertNotEquals(first, second);
      assertEquals(List.of(first, second), rejects().stream().map(Map.Entry::getKey).toList());
    }
  }

  @Test
  void withATokenConfiguredARequestWithoutItIsRefusedAndNothingIsPublished() throws Exception {
    Intake intake = new Intake(new ArticleReader(200), new ArticlePublisher(topics, producer), 100);
    try (IngestHttpServer guarded = new IngestHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), intake, 200,
        new HttpAccess("s3cret", 0, 1, Clock.systemUTC()), Clock.systemUTC())) {
      guarded.start();
      URI uri = URI.create("http://127.0.0.1:" + guarded.port() + "/articles");
      HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri)
          .POST(HttpRequest.BodyPublishers.ofString("Quake hits coast\nA quake hit the coast.")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, refused.statusCode());
      assertEquals("UNAUTHORIZED", json.readTree(refused.body()).get("error").asText());
      assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(0, producer.history().size(), "nothing published for a refused request");
      HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer s3cret")
          .POST(HttpRequest.BodyPublishers.ofString("Quake hits coast\nA quake hit the coast.")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, accepted.statusCode());
    }
  }
}
