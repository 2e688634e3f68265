package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.ingest.ArticlePublisher;
import io.copydesk.ingest.ArticleReader;
import io.copydesk.ingest.FeedPoller;
import io.copydesk.ingest.HttpAccess;
import io.copydesk.ingest.IngestHttpServer;
import io.copydesk.ingest.IngestOptions;
import io.copydesk.ingest.IngestService;
import io.copydesk.ingest.IngestSettings;
import io.copydesk.ingest.Intake;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest: the drop folder, and the HTTP intake and feeds when configured, publishing through one
 * producer. Public, like the other stage classes, for one reason across modules: {@code copydesk
 * bench e2e} (the tools module) composes these very stages on its own broker, so that it measures
 * what {@code run} runs.
 */
public final class IngestStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private final Producer<byte[], byte[]> producer;
  private final ArticlePublisher publisher;
  private final Intake intake;
  private final IngestService folder;
  private final IngestHttpServer http;
  private final FeedPoller feeds;
  private final String rawTopic;
  private final ServiceThread metadataProbe;
  private final ServiceThread folderThread;
  private final ServiceThread feedThread;
  private volatile boolean connected;
  private volatile boolean closed;

  /**
   * {@code batch}: read the folder on request and remember files in {@code ledger}; else watch it
   * and move files.
   */
  public IngestStage(CopydeskConfig config, Topics topics, Path input, Path ledger, boolean batch)
      throws Exception {
    IngestSettings settings = IngestSettings.from(config);
    IngestOptions options = settings.folder();
    this.rawTopic = topics.raw().name();
    this.producer =
        ArticlePublisher.createProducer(
            config.kafka(), settings.clientId(), transactionalId(settings, input));
    this.publisher = new ArticlePublisher(topics, producer);
    this.intake =
        new Intake(
            new ArticleReader(options.maxArticleBytes()), publisher, options.rejectPayloadBytes());
    this.folder =
        batch
            ? new IngestService(
                input,
                options.batch(),
                intake,
                IngestService.FolderMode.BATCH,
                ledger,
                Clock.systemUTC())
            : new IngestService(
                input, options, intake, IngestService.FolderMode.SERVICE, null, Clock.systemUTC());
    IngestSettings.Http web = settings.http();
    this.http =
        !web.enabled()
            ? null
            : new IngestHttpServer(
                new InetSocketAddress(web.host(), web.port()),
                intake,
                options.maxArticleBytes(),
                new HttpAccess(
                    web.token(), web.ratePerSecond(), web.rateBurst(), Clock.systemUTC()),
                Clock.systemUTC());
    IngestSettings.Feeds polled = settings.feeds();
    this.feeds =
        polled.urls().isEmpty()
            ? null
            : new FeedPoller(
                polled.urls(), intake, polled.maxBytes(), polled.pollInterval(), Clock.systemUTC());
    this.metadataProbe = new ServiceThread("copydesk-ingest-probe", this::fetchMetadata);
    this.folderThread = new ServiceThread("copydesk-ingest", folder::run);
    this.feedThread = feeds == null ? null : new ServiceThread("copydesk-feeds", feeds::run);
  }

  /**
   * {@code ingest.transactional.id}, or one derived from the client id, this host and the input
   * folder: stable across restarts of the same ingest (so a restart aborts at once what a killed
   * predecessor left open) and distinct for instances with their own folders (which would otherwise
   * fence each other).
   */
  static String transactionalId(IngestSettings settings, Path input) {
    if (!settings.transactionalId().isEmpty()) {
      return settings.transactionalId();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  input.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      return settings.clientId() + "-" + host + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String name() {
    return "ingest";
  }

  /**
   * Opens the HTTP intake and starts finding out whether Kafka answers; the folder waits for {@link
   * #watch} or {@link #scanOnce}.
   */
  @Override
  public void start() {
    metadataProbe.start();
    if (http != null) {
      http.start();
    }
  }

  /**
   * A producer connects lazily; fetching the raw topic's partitions proves the cluster answers and
   * the topic exists.
   */
  private void fetchMetadata() {
    while (!closed && !connected) {
      try {
        producer.partitionsFor(rawTopic);
        connected = true;
      } catch (KafkaException e) {
        if (!closed) {
          LOG.warn("ingest cannot reach Kafka yet: {}", e.getMessage());
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Service mode: watches the folder, and polls the feeds, in their own threads. */
  void watch() {
    folderThread.start();
    if (feedThread != null) {
      feedThread.start();
    }
  }

  /** Batch mode: reads the input folder once, and polls each feed once. */
  IngestService.ScanResult scanOnce() throws InterruptedException {
    IngestService.ScanResult files = folder.scanOnce();
    if (feeds == null) {
      return files;
    }
    FeedPoller.PollResult polled = feeds.pollOnce();
    return new IngestService.ScanResult(
        files.files() + polled.fetched(),
        files.articles() + polled.articles(),
        files.rejected() + polled.rejected());
  }

  @Override
  public boolean ready() {
    return connected && folderThread.failure() == null;
  }

  @Override
  public void checkHealthy() {
    Throwable failed = folderThread.failure();
    if (failed != null) {
      throw new IllegalStateException(
          "ingest stopped watching the input folder: " + failed.getMessage(), failed);
    }
  }

  @Override
  public List<MeterBinder> meters() {
    return List.of(
        new KafkaClientMetrics(producer),
        registry -> {
          FunctionCounter.builder("copydesk.ingest.articles", intake, Intake::articlesIn)
              .description("Articles published to the raw topic in batches Kafka committed")
              .register(registry);
          FunctionCounter.builder("copydesk.ingest.rejected", intake, Intake::inputsRejected)
              .description("Inputs refused, each with its reject record committed by Kafka")
              .register(registry);
        });
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    if (http != null) {
      http.close();
    }
    folder.close();
    folderThread.join();
    if (feeds != null) {
      feeds.close();
      feedThread.interrupt();
      feedThread.join();
    }
    publisher.close();
    metadataProbe.join();
  }
}
