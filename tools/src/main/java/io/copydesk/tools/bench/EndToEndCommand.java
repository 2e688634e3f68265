package io.copydesk.tools.bench;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.ingest.ArticleReader;
import io.copydesk.ingest.IngestOptions;
import io.copydesk.ingest.InputDocument;
import io.copydesk.schema.RawArticle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code copydesk bench e2e}: the whole pipeline on this machine, against the targets of issue 10,
 * in one command. Articles are {@link TemplateNews} copy handed to ingest's HTTP intake; an article
 * counts as through when its record is in the sink's output files (and, to show what the sink's
 * batching adds, when it is on the enriched topic).
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end throughput and latency (saturation, then a fixed offered rate), bare NLP engine and bare Kafka",
      "on the same articles, enrich scaled out to 1 and 2 JVMs, and cold start and peak RSS of copydesk run --once.",
      "Uses its own embedded brokers in a temporary folder; the figures are this machine's."
    })
final class EndToEndCommand implements Callable<Integer> {
  private static final String REPORTING = "article record in the sink's output files";

  @Option(
      names = "--articles",
      defaultValue = "300",
      description =
          "Articles offered at saturation, and in each scale-out run (default ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--warmup",
      defaultValue = "100",
      description = {
        "Articles through the pipeline before each measurement, before any JIT check (default ${DEFAULT-VALUE});",
        "the scale-out runs (separate JVMs) warm up with this many only."
      })
  int warmup;

  @Option(
      names = "--jit-quiet",
      paramLabel = "PERCENT",
      defaultValue = "10",
      description = {
        "After --warmup, warm up in batches of --warmup-batch articles until the JIT compiler threads' CPU time",
        "over one batch is at most PERCENT of its wall time, or --warmup-max articles (default ${DEFAULT-VALUE}; 0: off,",
        "--warmup articles only). The report gives the warm-up it took."
      })
  double jitQuietPercent;

  @Option(
      names = "--warmup-batch",
      defaultValue = "100",
      description = "Articles per checked warm-up batch (default ${DEFAULT-VALUE}).")
  int warmupBatch;

  @Option(
      names = "--warmup-max",
      defaultValue = "3000",
      description =
          "Cap on all warm-up articles of the one-process run, quiet or not (default ${DEFAULT-VALUE}).")
  int warmupMax;

  @Option(
      names = "--rate",
      paramLabel = "ARTICLES/S",
      description =
          "Offered rate of the fixed-rate run (default: half the measured saturation throughput).")
  Double rate;

  @Option(
      names = "--rate-seconds",
      defaultValue = "30",
      description = "How long the fixed-rate run offers articles (default ${DEFAULT-VALUE}).")
  int rateSeconds;

  @Option(
      names = "--seed",
      defaultValue = "11",
      description = "Seed of the generated articles (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--raw-partitions",
      paramLabel = "N",
      description = "Partitions of the raw topic (default: topic.raw.partitions).")
  Integer rawPartitions;

  @Option(
      names = "--skip-scale-out",
      description = "Leave out the 1- and 2-instance enrich runs (separate JVMs).")
  boolean skipScaleOut;

  @Option(
      names = "--skip-cold-start",
      description = "Leave out the cold start and peak RSS of copydesk run --once.")
  boolean skipColdStart;

  @Option(
      names = "--seeds",
      paramLabel = "DIR",
      description = "Input of the cold-start run (default: the seeds folder beside the launcher).")
  Path seeds;

  @Option(
      names = "--launcher",
      paramLabel = "FILE",
      description =
          "The copydesk launcher for the cold-start run (default: the one this build belongs to).")
  Path launcher;

  @Option(
      names = "--clusters",
      split = ",",
      paramLabel = "EVENTS",
      description = {
        "Also time clustering on the enrich app's state stores with these numbers of events in state, as bench clusters --state stores",
        "(e.g. 10000,100000,500000: 500,000 events are a million articles, about 40 minutes and a heap of 8 GB here,",
        "COPYDESK_JAVA_OPTS=-Xmx8g). Settings come from COPYDESK_* variables, as for bench clusters. Default: not run."
      })
  List<Integer> clusterEvents = List.of();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file overriding the defaults, as for copydesk run.")
  Path configFile;

  /** What {@code --report} without a file stands for (picocli needs a string; no path is empty). */
  private static final String DATED_REPORT = "";

  @Option(
      names = "--report",
      paramLabel = "FILE",
      arity = "0..1",
      fallbackValue = DATED_REPORT,
      description = {
        "Also write the report: JSON for *.json, Markdown otherwise. Without FILE: docs/benchmarks/YYYY-MM-DD-e2e.md",
        "of this checkout (of the current folder where there is none), the date in UTC, to be committed as the latest figures."
      })
  String report;

  @Option(
      names = "--keep",
      description =
          "Keep the temporary folder (brokers' logs, outputs, enrich instances' logs) and print where it is.")
  boolean keep;

  private final BenchReport figures = new BenchReport("copydesk bench e2e");

  @Override
  public Integer call() throws Exception {
    CopydeskConfig config = CopydeskConfig.load(configFile, System.getenv());
    if (rawPartitions != null) {
      config = config.with("topic.raw.partitions", rawPartitions.toString());
    }
    EnrichSettings enrich = EnrichSettings.from(config);
    int threads = enrich.streams().threadsToRun();
    int partitions = enrich.rawPartitions();
    describeMachine(threads, partitions);
    Path dir = Files.createTempDirectory("copydesk-bench-e2e");
    TemplateNews news = new TemplateNews(seed);
    try {
      if (!skipColdStart) {
        coldStart(dir.resolve("cold-start"));
      }
      double saturation = singleInstance(config, dir.resolve("single"), news, threads);
      if (!skipScaleOut) {
        scaleOut(config, dir, news, partitions, threads);
      }
      if (clusterEvents.isEmpty()) {
        figures.note(
            "Clustering cost with 10k to 1M articles in state (issue 10, item 4): add --clusters 10000,100000,500000 "
                + "(500,000 events are a million articles), or run ./copydesk bench clusters");
      } else {
        clustering();
      }
      if (Double.isNaN(saturation)) {
        figures.note(
            "Saturation throughput could not be measured: articles did not all reach the sink in time.");
      }
    } finally {
      figures.machine("load average (1, 5, 15 min) at the end: " + loadAverage());
      System.out.println();
      System.out.print(figures.text());
      if (report != null) {
        Path file = reportFile(report, buildRoot(), LocalDate.now(ZoneOffset.UTC));
        Files.createDirectories(file.toAbsolutePath().getParent());
        figures.write(file);
        System.out.println("report written to " + file);
      }
      if (keep) {
        System.out.println("kept " + dir);
      } else {
        delete(dir);
      }
    }
    return 0;
  }

  /**
   * Item 4: the clustering step on its state stores, as {@code bench clusters --state stores} times
   * it.
   */
  private void clustering() throws Exception {
    String section = "clustering on the state stores (synthetic articles, no NLP)";
    List<Double> means = new java.util.ArrayList<>();
    for (int events : clusterEvents) {
      ClusterBench.Result r =
          ClusterBench.stores(
              new ClusterBench.Options(
                  events,
                  ClusterBench.WARM_UP,
                  ClusterBench.TIMED,
                  ClusterBench.SEED,
                  ClusterBench.PER_DAY,
                  ClusterBench.REPORTS_PER_EVENT,
                  false));
      means.add(r.mean());
      figures.figure(
          section,
          String.format(
              Locale.ROOT,
              "per article, %,d events / %,d articles in state",
              r.events(),
              r.articles()),
          r.summary());
    }
    if (means.size() > 1) {
      double change = ClusterBench.largestChange(means);
      figures.figure(
          section,
          String.format(
              Locale.ROOT, "largest change of the mean from %,d events", clusterEvents.get(0)),
          String.format(Locale.ROOT, "%+.0f %%", 100 * change),
          "within +-20 %",
          Math.abs(change) <= 0.20);
    }
  }

  private void describeMachine(int threads, int partitions) {
    Runtime rt = Runtime.getRuntime();
    figures.machine(
        String.format(
            Locale.ROOT,
            "%s, %d cores available to the JVM, max heap %d MB, Java %s, %s %s",
            Instant.now().toString().substring(0, 16) + "Z",
            rt.availableProcessors(),
            rt.maxMemory() >> 20,
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            System.getProperty("os.arch")));
    figures.machine(
        String.format(
            Locale.ROOT,
            "articles: TemplateNews seed %d, ninjs 600-900 words, offered over ingest's HTTP intake; "
                + "enrich.num.stream.threads=%d, topic.raw.partitions=%d",
            seed,
            threads,
            partitions));
    figures.machine(
        "load average (1, 5, 15 min) at the start: "
            + loadAverage()
            + " (other work on the machine shares its cores)");
    figures.machine(
        "end points: throughput at the "
            + REPORTING
            + "; the latency target at the event update (the article listed in"
            + " its event's snapshot file); also shown: on the enriched topic, read_committed");
  }

  /**
   * Cold start and peak RSS of the launcher's one-process run on the seeds, first, while the
   * machine is quiet.
   */
  private void coldStart(Path dir) throws IOException, InterruptedException {
    Path root = buildRoot();
    Path script = launcher != null ? launcher : root == null ? null : root.resolve("copydesk");
    Path input = seeds != null ? seeds : root == null ? null : root.resolve("seeds");
    String section =
        "Cold start: ./copydesk run --input seeds --out TMP --once (child process, launcher defaults)";
    if (script == null
        || !Files.isExecutable(script)
        || input == null
        || !Files.isDirectory(input)) {
      figures.figure(section, "cold start to RUNNING", "not measured", "<= 15 s", null);
      figures.note("cold start skipped: no launcher or seeds found (--launcher, --seeds)");
      return;
    }
    Files.createDirectories(dir);
    progress("cold start: " + script + " run --input " + input + " --once");
    ColdStartProbe.Result r = ColdStartProbe.measure(script, input, dir.resolve("out"));
    boolean valid = r.exitCode() == 0 && !r.rebuilt();
    figures.figure(
        section,
        "cold start to \"copydesk running\"",
        secs(r.coldStartSeconds()),
        "<= 15 s",
        valid && !Double.isNaN(r.coldStartSeconds()) ? r.coldStartSeconds() <= 15 : null);
    figures.figure(
        section,
        "peak RSS",
        String.format(Locale.ROOT, "%,d MB (%s)", r.peakRssKb() / 1024, r.rssSource()),
        "<= 2 GB",
        valid ? r.peakRssKb() <= 2L * 1024 * 1024 : null);
    figures.figure(
        section,
        "whole run, launch to exit",
        secs(r.totalSeconds()) + ", exit " + r.exitCode() + ": " + r.summary());
    if (r.rebuilt()) {
      figures.note(
          "the launcher rebuilt Copydesk first, so the cold start figures include a build: run again");
    }
  }

  /**
   * Saturation, then a fixed rate, on one pipeline in this JVM; then the NLP engine and Kafka
   * alone. Returns the saturation throughput at the sink.
   */
  private double singleInstance(CopydeskConfig config, Path dir, TemplateNews news, int threads)
      throws Exception {
    String section = "End to end, one process (embedded broker, ingest, enrich, sink in this JVM)";
    List<TemplateNews.Story> saturationStories;
    double sinkRate;
    try (MeasuredPipeline pipeline = new MeasuredPipeline(config, dir, 0)) {
      JitWarmUp.Result warm = warmUntilQuiet(pipeline, news);
      figures.figure(section, "warm-up before saturation", warm.describe());
      saturationStories = news.stories(articles);
      progress("saturation: offering " + saturationStories.size() + " articles at once");
      CpuTime cpuStart = CpuTime.now();
      ThreadCpu threadsStart = ThreadCpu.now();
      IntakeClient.Offers offers = pipeline.intake().offerAll(saturationStories);
      Throughput atSink =
          Throughput.of(offers, pipeline.sinkFiles(), timeout(saturationStories.size()));
      CpuTime cpu = CpuTime.now().since(cpuStart);
      ThreadCpu threadCpu = ThreadCpu.now();
      double jitNanos = threadCpu.groupNanosSince(threadsStart, ThreadCpu.JIT_COMPILERS);
      Throughput onTopic = Throughput.of(offers, pipeline.enrichedTopic(), Duration.ofSeconds(10));
      sinkRate = atSink.complete() ? atSink.perSecond() : Double.NaN;
      figures.figure(
          section,
          "saturation: throughput at the sink",
          atSink.rate(),
          ">= 25 articles/s",
          atSink.complete() ? atSink.perSecond() >= 25 : null);
      figures.figure(section, "saturation: latency at the sink", atSink.latency().toString());
      Throughput inEvents =
          Throughput.of(offers.firstVersions(), pipeline.eventFiles(), Duration.ofSeconds(30));
      figures.figure(
          section,
          "saturation: latency to the event update in the sink",
          inEvents.latency().toString() + " (first versions)");
      figures.figure(section, "saturation: throughput on the enriched topic", onTopic.rate());
      figures.figure(
          section, "saturation: latency on the enriched topic", onTopic.latency().toString());
      figures.figure(
          section,
          "saturation: CPU per article",
          String.format(
              Locale.ROOT,
              "%.0f ms in this JVM (broker, ingest, enrich, sink), of which %.0f ms in enrich's stream thread(s)",
              cpu.processNanos() / 1e6 / saturationStories.size(),
              cpu.streamThreadNanos() / 1e6 / saturationStories.size()));
      if (ThreadCpu.seesJvmThreads()) {
        // What the service costs once compiled: the whole JVM less its JIT compiler threads.
        figures.figure(
            section,
            "saturation: CPU per article without the JIT compiler threads",
            String.format(
                Locale.ROOT,
                "%.0f ms in this JVM (JIT compiler threads %.1f ms per article, %.1f %% of the wall time)",
                (cpu.processNanos() - jitNanos) / 1e6 / saturationStories.size(),
                jitNanos / 1e6 / saturationStories.size(),
                100 * jitNanos / (atSink.complete() ? atSink.seconds() * 1e9 : Double.NaN)));
      }
      figures.figure(
          section,
          "saturation: CPU per article by thread (largest 8)",
          ThreadCpu.describe(threadCpu.perArticleSince(threadsStart, saturationStories.size(), 8)));
      figures.figure(
          section,
          "saturation: ingest accepted",
          String.format(
              Locale.ROOT,
              "%.1f articles/s (%d in %.1f s)",
              offers.offeredAt().size() / offers.seconds(),
              offers.offeredAt().size(),
              offers.seconds()));

      double offered =
          rate != null ? rate : Double.isNaN(sinkRate) ? 1 : Math.max(0.5, sinkRate / 2);
      List<TemplateNews.Story> rateStories =
          news.stories(Math.max(10, (int) Math.round(offered * rateSeconds)));
      progress(
          String.format(
              Locale.ROOT,
              "fixed rate: %.1f articles/s for %d articles",
              offered,
              rateStories.size()));
      IntakeClient.Offers paced = pipeline.intake().offerAtRate(rateStories, offered);
      Throughput pacedSink =
          Throughput.of(paced, pipeline.sinkFiles(), timeout(rateStories.size()));
      Throughput pacedTopic =
          Throughput.of(paced, pipeline.enrichedTopic(), Duration.ofSeconds(10));
      String label =
          String.format(
              Locale.ROOT,
              "at %.1f articles/s offered%s",
              offered,
              rate == null ? " (half of saturation)" : "");
      // The end point: the article's event updated in the sink's files.
      Throughput pacedEvents =
          Throughput.of(paced.firstVersions(), pipeline.eventFiles(), Duration.ofSeconds(30));
      figures.figure(
          section,
          label + ": p99 latency to the event update in the sink",
          secs(pacedEvents.latency().p99() / 1000),
          "<= 2 s",
          pacedEvents.complete() ? pacedEvents.latency().p99() <= 2000 : null);
      figures.figure(
          section,
          label + ": latency to the event update in the sink",
          pacedEvents.latency().toString() + " (first versions)");
      figures.figure(
          section, label + ": latency to the article files", pacedSink.latency().toString());
      figures.figure(
          section, label + ": latency on the enriched topic", pacedTopic.latency().toString());
      figures.figure(section, label + ": throughput at the sink", pacedSink.rate());
      pipeline.stopStages();

      // The same articles as ingest made them, for the engine alone and for Kafka alone.
      List<RawArticle> raw = parse(saturationStories, IngestOptions.from(config).maxArticleBytes());
      progress("bare NLP engine: " + raw.size() + " articles, " + threads + " thread(s)");
      NlpBaseline.Result nlp = NlpBaseline.measure(CoreNlpEngine.shared(), raw, threads);
      String nlpSection = "Baselines on the same articles (after the pipeline stopped)";
      figures.figure(
          nlpSection,
          "bare NLP engine",
          String.format(
              Locale.ROOT,
              "%.1f articles/s, %,.0f tokens/s (%d thread(s), %,d tokens in %.1f s)",
              nlp.articlesPerSecond(),
              nlp.tokensPerSecond(),
              nlp.threads(),
              nlp.tokens(),
              nlp.seconds()));
      figures.figure(
          nlpSection,
          "bare NLP engine: CPU per article",
          String.format(Locale.ROOT, "%.0f ms", nlp.cpuSeconds() * 1000 / nlp.articles()));
      double ratio = sinkRate / nlp.articlesPerSecond();
      figures.figure(
          nlpSection,
          "pipeline / bare NLP engine (throughput)",
          Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
          ">= 0.85",
          Double.isNaN(ratio) ? null : ratio >= 0.85);
      // The same comparison in CPU time, which other work on the machine does not move as much.
      double nlpCpu = nlp.cpuSeconds() / nlp.articles();
      figures.figure(
          nlpSection,
          "bare NLP CPU / pipeline CPU per article",
          String.format(
              Locale.ROOT,
              "%.2f of the whole JVM's, %.2f of enrich's stream thread(s)",
              nlpCpu / (cpu.processNanos() / 1e9 / saturationStories.size()),
              nlpCpu / (cpu.streamThreadNanos() / 1e9 / saturationStories.size())));
      progress("bare Kafka: produce and consume on " + KafkaBaseline.SCRATCH_TOPIC);
      KafkaBaseline.Result kafka =
          KafkaBaseline.measure(
              pipeline.config(), pipeline.topics(), raw, Math.max(2_000, 5 * raw.size()));
      figures.figure(
          nlpSection,
          "bare Kafka produce (ingest's producer settings)",
          String.format(
              Locale.ROOT,
              "%,.0f records/s, %.1f MB/s (%,d records, avg %,d bytes)",
              kafka.producedPerSecond(),
              kafka.megabytesPerSecond(kafka.produceSeconds()),
              kafka.records(),
              kafka.bytes() / kafka.records()));
      figures.figure(
          nlpSection,
          "bare Kafka consume",
          String.format(
              Locale.ROOT,
              "%,.0f records/s, %.1f MB/s",
              kafka.consumedPerSecond(),
              kafka.megabytesPerSecond(kafka.consumeSeconds())));
      if (kafka.restarts() > 0) {
        figures.note(
            "bare Kafka: measured again on a fresh topic "
                + kafka.restarts()
                + " time(s) after Kafka's transaction race"
                + " refused a commit (INVALID_TXN_STATE); see KafkaBaseline.measure");
      }
    }
    return sinkRate;
  }

  /**
   * The same saturation run with enrich as 1, then 2, separate JVMs; ingest and sink stay in this
   * one.
   */
  private void scaleOut(
      CopydeskConfig config, Path dir, TemplateNews news, int partitions, int threads)
      throws Exception {
    String section =
        "Scale-out: enrich as separate JVMs (copydesk enrich), same topics and application id";
    if (partitions < 2) {
      figures.figure(
          section,
          "2 instances / 1",
          "not measured: topic.raw.partitions is " + partitions,
          ">= 1.8x",
          null);
      return;
    }
    double[] perSecond = new double[3];
    for (int instances = 1; instances <= 2; instances++) {
      progress("scale-out: " + instances + " enrich JVM(s)");
      try (MeasuredPipeline pipeline =
          new MeasuredPipeline(config, dir.resolve("scale-" + instances), instances)) {
        warmUp(pipeline, news);
        List<TemplateNews.Story> stories = news.stories(articles);
        IntakeClient.Offers offers = pipeline.intake().offerAll(stories);
        Throughput atSink = Throughput.of(offers, pipeline.sinkFiles(), timeout(stories.size()));
        Throughput onTopic =
            Throughput.of(offers, pipeline.enrichedTopic(), Duration.ofSeconds(10));
        boolean steady = pipeline.enrichSteady();
        perSecond[instances] = atSink.complete() ? atSink.perSecond() : Double.NaN;
        figures.figure(
            section,
            instances + " instance(s): throughput at the sink",
            atSink.rate() + (steady ? "" : " (a rebalance was under way at the end)"));
        figures.figure(
            section, instances + " instance(s): throughput on the enriched topic", onTopic.rate());
      }
    }
    double speedup = perSecond[2] / perSecond[1];
    figures.figure(
        section,
        "2 instances / 1",
        Double.isNaN(speedup) ? "n/a" : String.format(Locale.ROOT, "%.2fx", speedup),
        ">= 1.8x (where cores allow)",
        Double.isNaN(speedup) ? null : speedup >= 1.8);
    int cores = Runtime.getRuntime().availableProcessors();
    figures.note(
        String.format(
            Locale.ROOT,
            "Scale-out ran on %d cores shared by the broker, ingest, the sink and every enrich JVM: "
                + "a second instance adds no core here, so this measures the cost of splitting the work, not the gain of a second machine.",
            cores));
    figures.note(
        String.format(
            Locale.ROOT,
            "With %d raw partitions over 2 instances of %d stream thread(s), the busier instance gets %d of %d "
                + "partitions: even with a core each, the ideal speed-up is %.2fx.",
            partitions,
            threads,
            (partitions + 1) / 2,
            partitions,
            partitions / (double) ((partitions + 1) / 2)));
  }

  /**
   * The one-process run's warm-up: {@code --warmup} articles, then batches until the JIT is quiet
   * ({@link JitWarmUp}). Each batch waits for the enriched topic (the sink's files close on a
   * timer, which would pad a batch with idle time); all warm-up articles are in the sink's files
   * before the measurement starts.
   */
  private JitWarmUp.Result warmUntilQuiet(MeasuredPipeline pipeline, TemplateNews news)
      throws Exception {
    java.util.Set<String> keys = new java.util.HashSet<>();
    JitWarmUp.Result result =
        new JitWarmUp(warmup, warmupBatch, warmupMax, jitQuietPercent / 100)
            .run(
                n ->
                    keys.addAll(
                        offerWarmUp(
                            pipeline,
                            news.stories(n),
                            pipeline.enrichedTopic(),
                            "were not enriched")),
                JitWarmUp.jvm());
    progress("warm-up: " + result.describe());
    if (!pipeline.sinkFiles().awaitAll(keys, timeout(keys.size()))) {
      throw new IllegalStateException(
          "the warm-up articles did not reach the sink within " + timeout(keys.size()));
    }
    return result;
  }

  /**
   * Some articles through first: the model loaded, the hot code compiled, the consumers fetching.
   */
  private void warmUp(MeasuredPipeline pipeline, TemplateNews news) throws Exception {
    if (warmup <= 0) {
      return;
    }
    offerWarmUp(pipeline, news.stories(warmup), pipeline.sinkFiles(), "did not reach the sink");
  }

  /** Offers warm-up stories and waits until all of them are at {@code where}; their keys. */
  private java.util.Set<String> offerWarmUp(
      MeasuredPipeline pipeline, List<TemplateNews.Story> stories, Arrivals where, String failed)
      throws Exception {
    progress("warm-up: " + stories.size() + " articles");
    IntakeClient.Offers offers = pipeline.intake().offerAll(stories);
    if (!where.awaitAll(offers.offeredAt().keySet(), timeout(stories.size()))) {
      throw new IllegalStateException(
          "the warm-up articles " + failed + " within " + timeout(stories.size()));
    }
    return offers.offeredAt().keySet();
  }

  /**
   * Generous: a pipeline at 1 article/s still finishes; one that stalls is reported, not waited for
   * forever.
   */
  private static Duration timeout(int stories) {
    return Duration.ofSeconds(60 + 2L * stories);
  }

  private static List<RawArticle> parse(List<TemplateNews.Story> stories, long maxBytes)
      throws Exception {
    ArticleReader reader = new ArticleReader(maxBytes);
    List<RawArticle> raw = new ArrayList<>();
    for (TemplateNews.Story s : stories) {
      raw.addAll(reader.read(new InputDocument(s.uri(), s.ninjs(), Instant.now())));
    }
    return raw;
  }

  /**
   * The file {@code --report} names, or for no name the dated one under the checkout's (else the
   * current folder's) docs/benchmarks.
   */
  static Path reportFile(String option, Path checkout, LocalDate day) {
    if (!DATED_REPORT.equals(option)) {
      return Path.of(option);
    }
    Path root = checkout != null ? checkout : Path.of("");
    return root.resolve("docs").resolve("benchmarks").resolve(day + "-e2e.md");
  }

  /**
   * The folder holding the launcher: the build this class was loaded from is {@code
   * ROOT/tools/target/...}.
   */
  private static Path buildRoot() {
    try {
      Path location =
          Path.of(
              EndToEndCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = location; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("copydesk")) && Files.isDirectory(p.resolve("app"))) {
          return p;
        }
      }
      return null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** The kernel's run-queue averages: how much else wanted the cores while we measured. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String secs(double seconds) {
    return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.1f s", seconds);
  }

  /** Progress on stderr, with the logs; the report goes to stdout. */
  private static void progress(String message) {
    System.err.println("bench e2e: " + message);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
