package io.copydesk.app;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.sink.SinkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code copydesk run}: the whole pipeline, on an embedded broker unless one is given. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ingest, enrich and sink in one process.",
      "Without --bootstrap-servers it starts an embedded Kafka broker (KRaft, in-process) whose log lives in the data directory.",
      "Without --once it watches the input folder until Ctrl-C, then shuts down cleanly: processed files move to done/, refused ones to rejected/ with a .reason file.",
      "With --once the input folder is left untouched and remembered, so the same command adds only new files."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin IngestInputOptions inputOptions;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where the sink writes articles/, events/ and its progress.")
  Path out;

  @Option(
      names = "--once",
      description =
          "Process what is in the input folder, wait until it has all reached the sink, print a summary and exit.")
  boolean once;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Embedded broker log, Streams state and ingest's record of processed files (default: <out>/.copydesk). The same command on the same folder resumes.")
  Path dataDir;

  @Mixin KafkaOptions kafkaOptions;

  @Mixin MetricsPortOption metricsPort;

  @Option(
      names = "--format",
      paramLabel = "jsonl|parquet",
      description =
          "How article records are written: jsonl (default) or parquet, same fields and layout (also sink.format / COPYDESK_SINK_FORMAT).")
  String format;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "With --once: give up (exit 1) when the pipeline has moved no record toward the sink for this long (a long backfill that keeps moving goes on). Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds;

  /** Ctrl-C (or SIGTERM) asks to stop; the hook then waits until everything is closed. */
  private final ShutdownSignal shutdown = new ShutdownSignal();

  @Override
  public Integer call() throws Exception {
    shutdown.install();
    shutdown
        .holdExitUntilClosed(); // even a broker still starting keeps its log consistent by closing
    try {
      return runPipeline();
    } catch (IllegalStateException e) {
      System.err.println("copydesk: " + e.getMessage());
      LOG.debug("failure", e);
      return 1;
    } finally {
      shutdown.closed();
    }
  }

  private int runPipeline() throws Exception {
    Instant started = Instant.now();
    Path input = inputOptions.input;
    if (!Files.isDirectory(input)) {
      System.err.println("copydesk: --input " + input + " is not a folder");
      return 2;
    }
    Path data = (dataDir != null ? dataDir : out.resolve(".copydesk")).toAbsolutePath();
    CopydeskConfig config =
        kafkaOptions.load().with(EnrichSettings.STATE_DIR, data.resolve("streams").toString());
    MetricsSettings metrics;
    EnrichSettings enrichSettings;
    SinkSettings sinkSettings;
    try {
      // Every stage's settings are checked before anything starts, whether they came from an
      // option, a file or the environment.
      config = metricsPort.applyTo(inputOptions.applyTo(config), "run");
      if (format != null) {
        config = config.with(SinkSettings.FORMAT, format);
      }
      metrics = MetricsSettings.from(config, "run");
      enrichSettings = EnrichSettings.from(config);
      sinkSettings = SinkSettings.from(config);
    } catch (IllegalArgumentException e) {
      System.err.println("copydesk: " + e.getMessage());
      return 2;
    }
    boolean embedded =
        kafkaOptions.bootstrapServers == null
            && System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
            && !namesCluster(kafkaOptions.configFile);

    try (DataDirLock lock = DataDirLock.acquire(data)) {
      EmbeddedKafka kafka =
          embedded ? EmbeddedKafka.start(data.resolve("kafka"), Duration.ofSeconds(60)) : null;
      try {
        if (kafka != null) {
          // One process owns this broker: static members resume at once after a crash.
          config = config.with(KafkaOptions.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
          if (enrichSettings.streams().groupInstanceId().isEmpty()) {
            config = config.with(EnrichSettings.GROUP_INSTANCE_ID, "copydesk-run-enrich");
          }
          if (sinkSettings.groupInstanceId().isEmpty()) {
            config = config.with(SinkSettings.GROUP_INSTANCE_ID, "copydesk-run-sink");
          }
        }
        ConfigurationLog.debug("run", config);
        Pipeline pipeline =
            new Pipeline(config, input, out, data.resolve("ingest/processed-files.tsv"), once);
        try (ServiceMonitor endpoints = ServiceMonitor.startIfEnabled(metrics, pipeline.stages())) {
          pipeline.start();
          LOG.info(
              "copydesk running: input {}, output {}, Kafka {}",
              input,
              out,
              KafkaOptions.bootstrapServers(config));
          return once
              ? runOnce(pipeline, config, enrichSettings.streams().commitInterval(), started)
              : runUntilStopped(pipeline);
        } finally {
          pipeline.close();
        }
      } finally {
        if (kafka != null) {
          kafka.close();
        }
      }
    }
  }

  private int runOnce(
      Pipeline pipeline, CopydeskConfig config, Duration commitInterval, Instant started)
      throws Exception {
    var scan = pipeline.ingestOnce();
    ProgressDeadline deadline =
        new ProgressDeadline(Duration.ofSeconds(timeoutSeconds), Instant.now());
    try (DrainCheck check = new DrainCheck(config.kafka())) {
      // Idle twice in a row: output released from the clustering step's buffer becomes visible only
      // when its transaction commits, after the buffer already looks empty.
      int idleChecks = 0;
      while (true) {
        idleChecks = pipeline.enrichRunning() && pipeline.drained(check) ? idleChecks + 1 : 0;
        deadline.observe(check.consumed(), Instant.now());
        if (idleChecks == 2) {
          break;
        }
        pipeline.checkHealthy();
        if (shutdown.requested()) {
          System.err.println(
              "copydesk: stopped before the input reached the sink; the same command resumes");
          return 130;
        }
        if (deadline.expired(Instant.now())) {
          System.err.println(
              "copydesk: no record moved toward the sink for "
                  + timeoutSeconds
                  + " s; giving up ("
                  + (pipeline.enrichRunning()
                      ? "waiting for " + check.pending()
                      : "the enrich app is not running")
                  + ")");
          return 1;
        }
        Thread.sleep(idleChecks == 1 ? commitInterval.toMillis() + 200 : 200);
      }
    }
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "copydesk: %d articles in, %d rejected, %d events, %.1f s%n",
        scan.articles(),
        scan.rejected(),
        countEvents(out),
        seconds);
    return 0;
  }

  private int runUntilStopped(Pipeline pipeline) throws InterruptedException {
    pipeline.watchInput();
    shutdown.awaitStop(pipeline::checkHealthy);
    LOG.info("copydesk stopping");
    return 0;
  }

  /**
   * Whether the {@code --config} file itself names a cluster. Not the loaded configuration: its
   * defaults name localhost:9092, and a file that only sets, say, the serde mode still wants the
   * embedded broker.
   */
  static boolean namesCluster(Path configFile) throws java.io.IOException {
    if (configFile == null) {
      return false;
    }
    java.util.Properties file = new java.util.Properties();
    try (java.io.Reader reader =
        Files.newBufferedReader(configFile, java.nio.charset.StandardCharsets.UTF_8)) {
      file.load(reader);
    }
    return !file.getProperty(KafkaOptions.BOOTSTRAP_SERVERS, "").isBlank();
  }

  /** Event snapshot files currently in the output. */
  static long countEvents(Path out) throws java.io.IOException {
    Path events = out.resolve("events");
    if (!Files.isDirectory(events)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(events)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }
}
