package io.copydesk.tools.bench;

import io.copydesk.app.EmbeddedKafka;
import io.copydesk.app.EnrichStage;
import io.copydesk.app.IngestStage;
import io.copydesk.app.SinkStage;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real stages on a fresh embedded broker in a folder of its own, with ingest's HTTP intake open
 * for the offers and both end points watched. Enrich runs in this JVM (as in {@code copydesk run})
 * or as separate {@code copydesk enrich} JVMs (as when scaled out).
 */
final class MeasuredPipeline implements AutoCloseable {
  private final EmbeddedKafka kafka;
  private final CopydeskConfig config;
  private final Topics topics;
  private final IngestStage ingest;
  private final SinkStage sink;
  private final EnrichStage enrich;
  private final EnrichProcesses enrichProcesses;
  private final IntakeClient intake;
  private final SinkFileArrivals sinkFiles;
  private final SinkFileArrivals eventFiles;
  private final EnrichedTopicArrivals enrichedTopic;
  private boolean stopped;

  /** {@code enrichJvms} 0: enrich in this JVM; otherwise that many separate enrich processes. */
  MeasuredPipeline(CopydeskConfig base, Path dir, int enrichJvms) throws Exception {
    Files.createDirectories(dir);
    this.kafka = EmbeddedKafka.start(dir.resolve("kafka"), Duration.ofSeconds(60));
    try {
      int httpPort = FreePort.find();
      this.config =
          base.with("kafka.bootstrap.servers", kafka.bootstrapServers())
              .with("enrich.state.dir", dir.resolve("streams").toString())
              .with("ingest.http.port", Integer.toString(httpPort))
              .with(
                  "ingest.http.rate.per.second",
                  "0") // the benchmark is the only client; it must not be throttled
              .with("sink.format", "jsonl"); // what SinkFileArrivals reads
      this.topics = TopicProvisioner.provision(config);
      Path input =
          Files.createDirectories(dir.resolve("input")); // not watched: the articles come over HTTP
      Path out = dir.resolve("out");
      this.ingest =
          new IngestStage(config, topics, input, dir.resolve("ingest/processed-files.tsv"), false);
      this.sink = new SinkStage(config, topics, out);
      this.enrich = enrichJvms == 0 ? new EnrichStage(config, topics) : null;
      this.enrichProcesses =
          enrichJvms == 0 ? null : new EnrichProcesses(config.asMap(), dir, enrichJvms);
      if (enrich != null) {
        enrich.start();
      }
      sink.start();
      ingest.start();
      this.intake = new IntakeClient(httpPort);
      this.sinkFiles = SinkFileArrivals.articles(out);
      this.eventFiles = SinkFileArrivals.events(out);
      this.enrichedTopic = new EnrichedTopicArrivals(config, topics);
      awaitReady(Duration.ofSeconds(120));
    } catch (Exception | Error e) {
      // Whatever started must stop, child JVMs above all: nobody else will.
      stopStages();
      kafka.close();
      throw e;
    }
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (enrichProcesses != null) {
      enrichProcesses.awaitReady(timeout);
    }
    while (!(ingest.ready() && sink.ready() && (enrich == null || enrich.ready()))) {
      ingest.checkHealthy();
      sink.checkHealthy();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pipeline was not ready after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  CopydeskConfig config() {
    return config;
  }

  Topics topics() {
    return topics;
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  IntakeClient intake() {
    return intake;
  }

  Arrivals sinkFiles() {
    return sinkFiles;
  }

  /** Articles (first versions) listed in their event's snapshot file. */
  Arrivals eventFiles() {
    return eventFiles;
  }

  Arrivals enrichedTopic() {
    return enrichedTopic;
  }

  /** Whether every enrich instance is still RUNNING (no rebalance under way). */
  boolean enrichSteady() throws InterruptedException {
    return enrichProcesses != null ? enrichProcesses.allReady() : enrich.ready();
  }

  /**
   * Stops the stages and watchers but keeps the broker, for the bare Kafka measurement on an idle
   * machine.
   */
  void stopStages() throws InterruptedException {
    if (stopped) {
      return;
    }
    stopped = true;
    // Null-tolerant: also called when the constructor failed half-way.
    for (AutoCloseable part :
        java.util.Arrays.asList(
            sinkFiles, eventFiles, enrichedTopic, ingest, enrich, enrichProcesses, sink)) {
      if (part != null) {
        try {
          part.close();
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("stopping the benchmark's pipeline failed", e);
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stopStages();
    } finally {
      kafka.close();
    }
  }
}
