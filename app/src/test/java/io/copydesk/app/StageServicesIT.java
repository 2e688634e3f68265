package io.copydesk.app;

import static io.copydesk.app.OpsTestSupport.await;
import static io.copydesk.app.OpsTestSupport.freePort;
import static io.copydesk.app.OpsTestSupport.sample;
import static io.copydesk.app.OpsTestSupport.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The three stages as separate services ({@code copydesk ingest}, {@code enrich}, {@code sink}) on
 * the embedded broker, watched through their health and metrics endpoints as an orchestrator and
 * Prometheus would, then stopped as SIGTERM stops them.
 */
class StageServicesIT {

  @Test
  void threeServicesProcessTheSeedsAndReportItOnTheirEndpoints(@TempDir Path dir) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      Path input = SeedsScenario.copyOfSeeds(dir);
      Path out = dir.resolve("out");
      int ingestPort = freePort();
      int enrichPort = freePort();
      int sinkPort = freePort();
      String bootstrap = kafka.bootstrapServers();

      IngestCommand ingest = new IngestCommand();
      EnrichCommand enrich = new EnrichCommand();
      SinkCommand sink = new SinkCommand();
      List<Future<Integer>> exits = new ArrayList<>();
      exits.add(
          threads.submit(
              () ->
                  new CommandLine(sink)
                      .execute(
                          "--bootstrap-servers",
                          bootstrap,
                          "--out",
                          out.toString(),
                          "--metrics-port",
                          Integer.toString(sinkPort))));
      exits.add(
          threads.submit(
              () ->
                  new CommandLine(enrich)
                      .execute(
                          "--bootstrap-servers",
                          bootstrap,
                          "--state-dir",
                          dir.resolve("streams").toString(),
                          "--metrics-port",
                          Integer.toString(enrichPort))));
      exits.add(
          threads.submit(
              () ->
                  new CommandLine(ingest)
                      .execute(
                          "--bootstrap-servers",
                          bootstrap,
                          "--input",
                          input.toString(),
                          "--metrics-port",
                          Integer.toString(ingestPort))));

      assertTrue(
          await(
              Duration.ofSeconds(150),
              () ->
                  sample(sinkPort, "copydesk_sink_records_written_total{topic=\"enriched\"}") == 5),
          "the sink reports the five seed articles written");
      SeedsScenario.assertSeedsOutput(out);

      for (int port : List.of(ingestPort, enrichPort, sinkPort)) {
        assertEquals(200, status(port, "/health/live"));
        assertEquals(200, status(port, "/health/ready"), "ready once running, port " + port);
        assertEquals(404, status(port, "/nothing"));
      }
      HttpResponse<String> metrics = OpsTestSupport.get(ingestPort, "/metrics").orElseThrow();
      assertTrue(
          metrics
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/plain; version=0.0.4"));
      assertEquals(5, sample(metrics.body(), "copydesk_ingest_articles_total"));
      assertEquals(0, sample(metrics.body(), "copydesk_ingest_rejected_total"));
      assertTrue(sample(metrics.body(), "jvm_threads_live_threads") > 0, "JVM binders");
      assertTrue(
          metrics.body().contains("kafka_producer_record_send_total{"),
          "the producer's own metrics");
      assertEquals(1, sample(ingestPort, "copydesk_stage_ready{stage=\"ingest\"}"));

      assertEquals(5, sample(enrichPort, "copydesk_enrich_articles_enriched_total"));
      assertEquals(5, sample(enrichPort, "copydesk_enrich_articles_clustered_total"));
      assertTrue(
          OpsTestSupport.get(enrichPort, "/metrics")
              .orElseThrow()
              .body()
              .contains("kafka_stream_thread_process_total{"),
          "Kafka Streams metrics");

      String sinkMetrics = OpsTestSupport.get(sinkPort, "/metrics").orElseThrow().body();
      assertEquals(5, sample(sinkMetrics, "copydesk_sink_records_written_total{topic=\"events\"}"));
      try (Stream<Path> files = Files.walk(out.resolve("articles"))) {
        long articleFiles = files.filter(p -> p.toString().endsWith(".jsonl")).count();
        assertEquals(
            articleFiles + 5,
            sample(sinkMetrics, "copydesk_sink_files_written_total"),
            "article files plus event files");
      }
      assertTrue(
          await(
              Duration.ofSeconds(10),
              () -> sample(sinkPort, "copydesk_sink_consumer_lag_records") == 0),
          "nothing left to read");
      try (Stream<Path> done = Files.list(input.resolve("done"))) {
        assertEquals(5, done.count(), "service mode moves processed files to done/");
      }

      // As SIGTERM does: each stops cleanly, exits 0, and the sink leaves its group.
      ingest.shutdown.request();
      enrich.shutdown.request();
      sink.shutdown.request();
      for (Future<Integer> exit : exits) {
        assertEquals(0, exit.get(90, TimeUnit.SECONDS));
      }
      assertEquals(-1, status(sinkPort, "/health/live"), "the endpoints close with the service");
      Properties admin = new Properties();
      admin.put("bootstrap.servers", bootstrap);
      try (Admin client = Admin.create(admin)) {
        var group =
            client
                .describeConsumerGroups(List.of("copydesk-sink"))
                .all()
                .get()
                .get("copydesk-sink");
        assertTrue(group.members().isEmpty(), "the sink left its group on shutdown: " + group);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void sigtermStopsAServiceCleanly(@TempDir Path dir) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"), Duration.ofSeconds(60))) {
      int port = freePort();
      Path log = dir.resolve("sink.log");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process sink =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.copydesk.schema",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CopydeskCli.class.getName(),
                  "sink",
                  "--bootstrap-servers",
                  kafka.bootstrapServers(),
                  "--out",
                  dir.resolve("out").toString(),
                  "--metrics-port",
                  Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        assertTrue(
            await(Duration.ofSeconds(60), () -> status(port, "/health/ready") == 200),
            "the sink becomes ready");
        sink.destroy(); // SIGTERM
        assertTrue(sink.waitFor(30, TimeUnit.SECONDS), "it stops within the grace period");
      } finally {
        sink.destroyForcibly();
      }
      assertEquals(143, sink.exitValue(), "the JVM's exit status for SIGTERM");
      assertTrue(
          Files.readString(log).contains("copydesk sink stopped"),
          "it closed everything before exiting");
      Properties admin = new Properties();
      admin.put("bootstrap.servers", kafka.bootstrapServers());
      try (Admin client = Admin.create(admin)) {
        var group =
            client
                .describeConsumerGroups(List.of("copydesk-sink"))
                .all()
                .get()
                .get("copydesk-sink");
        assertTrue(
            group.members().isEmpty(),
            "it left its group rather than waiting to be timed out: " + group);
      }
    }
  }
}
