package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.ingest.IngestService;
import io.copydesk.sink.SinkSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The three stages in one JVM against one Kafka, built by the same {@link Stage} classes the
 * per-stage commands use: started in pipeline order, stopped intake first.
 */
final class Pipeline implements AutoCloseable {
  private final EnrichSettings enrichSettings;
  private final String sinkGroup;
  private final Topics topics;
  private final IngestStage ingest;
  private final EnrichStage enrich;
  private final SinkStage sink;

  Pipeline(CopydeskConfig config, Path input, Path out, Path ingestLedger, boolean batch)
      throws Exception {
    this.enrichSettings = EnrichSettings.from(config);
    this.sinkGroup = SinkSettings.from(config).groupId();
    this.topics = TopicProvisioner.provision(config);
    this.ingest = new IngestStage(config, topics, input, ingestLedger, batch);
    this.enrich = new EnrichStage(config, topics);
    this.sink = new SinkStage(config, topics, out);
  }

  /** In pipeline order; ingest's folder waits for {@link #watchInput} or {@link #ingestOnce}. */
  List<Stage> stages() {
    return List.of(ingest, enrich, sink);
  }

  void start() throws Exception {
    enrich.start();
    sink.start();
    ingest.start();
  }

  /**
   * Runs ingest's folder watch, and the feed poller if feeds are configured, in their own threads
   * (service mode).
   */
  void watchInput() {
    ingest.watch();
  }

  /** Reads the input folder once, and polls each feed once (batch mode). */
  IngestService.ScanResult ingestOnce() throws InterruptedException {
    return ingest.scanOnce();
  }

  /** Throws if a stage has stopped for good, so a caller waiting on it does not wait forever. */
  void checkHealthy() {
    stages().forEach(Stage::checkHealthy);
  }

  /**
   * Enrich has joined its group and processes; closing it before then waits for the join to finish.
   */
  boolean enrichRunning() {
    return enrich.ready();
  }

  /**
   * Whether every raw article has gone through enrich and every result is durably in the sink's
   * files.
   */
  boolean drained(DrainCheck check) throws InterruptedException {
    String enrichApp = enrichSettings.streams().applicationId();
    String repartition = enrichSettings.clusterRepartitionTopic(enrichApp);
    return !enrich.articlesWaitingForClustering()
        && check.drained(enrichApp, List.of(topics.raw().name(), repartition))
        && check.drained(sinkGroup, List.of(topics.enriched().name(), topics.events().name()));
  }

  @Override
  public void close() throws InterruptedException {
    ingest.close();
    enrich.close();
    sink.close();
  }
}
