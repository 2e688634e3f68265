package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  private static final String FEED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link><description>Local</description>
      <item><title>Ferry timetable cut</title><guid>gazette-1</guid><pubDate>Tue, 14 May 2024 08:30:00 GMT</pubDate>
      <description>Ferries will run every two hours from Wednesday, the operator said.</description></item>
      <item><title>Harbour fire</title><guid>gazette-2</guid><pubDate>Tue, 14 May 2024 09:30:00 GMT</pubDate>
      <description>A fire destroyed a warehouse at the harbour on Tuesday.</description></item>
      </channel></rss>
      """;

  @Test
  void pollsAFeedByUrlAndAsksOnlyForChanges() throws Exception {
    AtomicInteger fullResponses = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/feed.xml",
        exchange -> {
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            fullResponses.incrementAndGet();
          }
          exchange.close();
        });
    server.start();
    try {
      Topics topics = Topics.from(CopydeskConfig.defaults());
      MockProducer<byte[], byte[]> producer =
          new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      Intake intake =
          new Intake(new ArticleReader(1 << 20), new ArticlePublisher(topics, producer), 1000);
      URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
      URI missing = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gone.xml");
      FeedPoller poller =
          new FeedPoller(
              List.of(feed, missing), intake, 1 << 20, Duration.ofMinutes(5), Clock.systemUTC());

      assertEquals(
          new FeedPoller.PollResult(1, 0, 1, 2, 0),
          poller.pollOnce(),
          "two items; the missing feed fails alone");
      assertEquals(2, producer.history().size());
      assertEquals(
          new FeedPoller.PollResult(0, 1, 1, 0, 0),
          poller.pollOnce(),
          "unchanged: a conditional request, nothing sent");
      assertEquals(1, fullResponses.get());
      assertEquals(2, producer.history().size());
    } finally {
      server.stop(0);
    }
  }
}
