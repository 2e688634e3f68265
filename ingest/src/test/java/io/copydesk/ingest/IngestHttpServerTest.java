package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
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
    assertTrue(producer.history().isEmpty(), "nothing was published for refused requests");
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
