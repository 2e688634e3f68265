package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.TopicProvisioner;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.enrich.EnrichService;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.ingest.ArticlePublisher;
import io.copydesk.ingest.ArticleReader;
import io.copydesk.ingest.Intake;
import io.copydesk.ingest.FeedPoller;
import io.copydesk.ingest.IngestHttpServer;
import io.copydesk.ingest.IngestOptions;
import io.copydesk.ingest.IngestService;
import io.copydesk.sink.SinkService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/** The three stages in one JVM against one Kafka: started in pipeline order, stopped intake first. */
final class Pipeline implements AutoCloseable {
  private final CopydeskConfig config;
  private final Topics topics;
  private final ArticlePublisher publisher;
  private final Intake intake;
  private final IngestService ingest;
  private final EnrichService enrich;
  private final SinkService sink;
  private final Thread sinkThread;
  private final AtomicReference<Throwable> sinkFailure = new AtomicReference<>();
  private final IngestHttpServer http;
  private final FeedPoller feeds;
  private Thread feedThread;
  private Thread ingestThread;

  Pipeline(CopydeskConfig config, Path input, Path out, Path ingestLedger, boolean batch) throws Exception {
    this.config = config;
    this.topics = Topics.from(config);
    try (Admin admin = Admin.create(config.kafka())) {
      TopicProvisioner.ensure(admin, topics);
    }
    IngestOptions options = IngestOptions.from(config);
    this.publisher = new ArticlePublisher(topics,
        ArticlePublisher.createProducer(config.kafka(), config.string("ingest.client.id")));
    this.intake = new Intake(new ArticleReader(options.maxArticleBytes()), publisher, options.rejectPayloadBytes());
    this.ingest = batch
        ? new IngestService(input, options.batch(), intake, IngestService.FolderMode.BATCH, ingestLedger, Clock.systemUTC())
        : new IngestService(input, options, intake, IngestService.FolderMode.SERVICE, null, Clock.systemUTC());
    String httpPort = config.string("ingest.http.port", "");
    this.http = httpPort.isEmpty() || httpPort.equals("0") ? null : new IngestHttpServer(
        new InetSocketAddress(config.string("ingest.http.host"), Integer.parseInt(httpPort)), intake, options.maxArticleBytes(), Clock.systemUTC());
    List<URI> feedUrls = java.util.Arrays.stream(config.string("ingest.feed.urls", "").split(","))
        .map(String::strip).filter(u -> !u.isEmpty()).map(URI::create).toList();
    this.feeds = feedUrls.isEmpty() ? null : new FeedPoller(feedUrls, intake, config.duration("ingest.feed.max.bytes"),
        java.time.Duration.ofMillis(config.duration("ingest.feed.poll.interval.ms")), Clock.systemUTC());
    this.enrich = new EnrichService(config, topics, new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load()));
    this.sink = new SinkService(config, topics, out);
    this.sinkThread = new Thread(() -> {
      try {
        sink.run();
      } catch (Throwable t) {
        sinkFailure.set(t);
      }
    }, "copydesk-sink");
  }

  void start() {
    enrich.start();
    sinkThread.start();
    if (http != null) {
      http.start();
    }
  }

  /** Runs ingest's folder watch, and the feed poller if feeds are configured, in their own threads (service mode). */
  void watchInput() {
    ingestThread = new Thread(ingest::run, "copydesk-ingest");
    ingestThread.start();
    if (feeds != null) {
      feedThread = new Thread(feeds::run, "copydesk-feeds");
      feedThread.start();
    }
  }

  /** Reads the input folder once, and polls each feed once (batch mode). */
  IngestService.ScanResult ingestOnce() throws InterruptedException {
    IngestService.ScanResult files = ingest.scanOnce();
    if (feeds == null) {
      return files;
    }
    FeedPoller.PollResult polled = feeds.pollOnce();
    return new IngestService.ScanResult(files.files() + polled.fetched(), files.articles() + polled.articles(),
        files.rejected() + polled.rejected());
  }

  IngestService ingest() {
    return ingest;
  }

  /** Throws if a stage has stopped for good, so a caller waiting on it does not wait forever. */
  void checkHealthy() {
    Throwable failed = sinkFailure.get();
    if (failed != null) {
      throw new IllegalStateException("the sink stopped: " + failed.getMessage(), failed);
    }
    KafkaStreams.State state = enrich.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException("the enrich app stopped (state " + state + ")");
    }
  }

  /** Enrich has joined its group and processes; closing it before then waits for the join to finish. */
  boolean enrichRunning() {
    return enrich.state() == KafkaStreams.State.RUNNING;
  }

  /** Whether every raw article has gone through enrich and every result is durably in the sink's files. */
  boolean drained(DrainCheck check) throws InterruptedException {
    String enrichApp = config.string("enrich.application.id");
    String repartition = EnrichSettings.from(config).clusterRepartitionTopic(enrichApp);
    return !enrich.articlesWaitingForClustering()
        && check.drained(enrichApp, List.of(topics.raw().name(), repartition))
        && check.drained(config.string("sink.group.id"), List.of(topics.enriched().name(), topics.events().name()));
  }

  @Override
  public void close() throws InterruptedException {
    if (http != null) {
      http.close();
    }
    ingest.close();
    if (ingestThread != null) {
      ingestThread.join();
    }
    if (feeds != null) {
      feeds.close();
      if (feedThread != null) {
        feedThread.interrupt();
        feedThread.join();
      }
    }
    publisher.close();
    enrich.close();
    sink.close();
    sinkThread.join();
  }
}
