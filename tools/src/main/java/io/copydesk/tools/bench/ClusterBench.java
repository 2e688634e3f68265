package io.copydesk.tools.bench;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.ClusterReads;
import io.copydesk.enrich.EnrichCounts;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.enrich.EnrichTopology;
import io.copydesk.enrich.EventSnapshots;
import io.copydesk.enrich.PublicationOrder;
import io.copydesk.enrich.StoreClusterState;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterSettings;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.InMemoryClusterState;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The cost of placing one article as events pile up in state: fill the state with N events, then
 * time the next articles (half follow up a recent event, half report a new one). Two states: the
 * clusterer alone in memory, and the enrich app's real clustering step (state stores in RocksDB,
 * serdes, snapshots) driven through Kafka Streams' test driver.
 *
 * <p>The fill either files each article under its known event without scoring ("direct": what a
 * perfect clusterer would leave behind, and the only way to reach a million events in minutes) or
 * places it as the app would ("scored"). Either way the timed articles are placed for real.
 */
final class ClusterBench {
  private static final String IN = "bench-cluster-in";

  /** Follow-ups go to one of the latest events: news follows up what is recent. */
  private static final int RECENT = 1_000;

  /**
   * Test-driver output is drained this often, or the driver would keep every record it produced.
   */
  private static final int DRAIN_EVERY = 1_000;

  /**
   * Events the fill keeps parsed at most: enough for the candidates it meets (follow-ups go to
   * recent events, postings keep the latest), and bounded so a million-event fill fits its heap.
   */
  private static final int FILL_EVENTS = 100_000;

  /** A long fill says how far it has got this often (fill articles), on standard error. */
  private static final int PROGRESS_EVERY = 100_000;

  /** Document frequencies the fill keeps parsed: the synthetic vocabulary, names included, fits. */
  private static final int FILL_COUNTS = 2_000_000;

  /**
   * Of the means' changes from the first mean, the largest in absolute size, as a fraction (+0.10
   * is 10 % slower).
   */
  static double largestChange(List<Double> means) {
    double first = means.get(0);
    return means.stream()
        .mapToDouble(m -> m / first - 1)
        .reduce(0, (x, y) -> Math.abs(y) > Math.abs(x) ? y : x);
  }

  /**
   * Defaults of a run: articles timed, seed of the synthetic news, reports per day of publication
   * time.
   */
  static final int TIMED = 2_000;

  static final long SEED = 7;
  static final int PER_DAY = 20_000;
  static final int REPORTS_PER_EVENT = 2;

  /**
   * Articles placed untimed before the timed ones, at each size: the JIT compiles the scoring paths
   * the fill never runs (without them the first size timed its own compilation, 2.9 ms per article
   * at 7k events against 2.4 at 100k in one run) and the processor's parsed caches fill as in a
   * running app.
   */
  static final int WARM_UP = 1_000;

  /**
   * What to run: events in state before timing, articles placed untimed then timed, seed, arrival
   * rate, mean event size, fill mode.
   */
  record Options(
      int events,
      int warmUp,
      int measured,
      long seed,
      int perDay,
      int reportsPerEvent,
      boolean scoredFill) {}

  /**
   * @param work comparisons per timed article (events scored, reports compared, stale events taken
   *     out of the index, report pairs compared for splits, reports measured for merges), where the
   *     clusterer is reachable (memory); null otherwise
   */
  record Result(
      String state,
      int events,
      int articles,
      double[] micros,
      double cpuMicros,
      double[] work,
      String reads,
      long heapBytes) {
    Result withWork(double[] w) {
      return new Result(state, events, articles, micros, cpuMicros, w, reads, heapBytes);
    }

    Result withReads(String r) {
      return new Result(state, events, articles, micros, cpuMicros, work, r, heapBytes);
    }

    Result withHeap(long bytes) {
      return new Result(state, events, articles, micros, cpuMicros, work, reads, bytes);
    }

    String line() {
      double[] sorted = micros.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0);
      String comparisons =
          work == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  " | %.1f events scored, %.1f reports compared, %.2f events closed, %.1f report pairs grouped, %.2f reports measured for merges",
                  work[0],
                  work[1],
                  work[2],
                  work[3],
                  work[4]);
      return String.format(
          Locale.ROOT,
          "clusters: %-6s %8d events %8d articles in state | per article: mean %7.1f µs  p50 %7.1f  p95 %7.1f  p99 %7.1f  thread CPU %7.1f µs%s%s | heap after GC %,d MB",
          state,
          events,
          articles,
          mean,
          pct(sorted, 0.50),
          pct(sorted, 0.95),
          pct(sorted, 0.99),
          cpuMicros,
          comparisons,
          reads == null ? "" : " | " + reads,
          heapBytes >> 20);
    }

    /** The times per article in milliseconds, for a report. */
    String summary() {
      double[] sorted = micros.clone();
      Arrays.sort(sorted);
      return String.format(
          Locale.ROOT,
          "mean %.2f ms (p50 %.2f, p95 %.2f, p99 %.2f; %,d timed)",
          mean() / 1000,
          pct(sorted, 0.50) / 1000,
          pct(sorted, 0.95) / 1000,
          pct(sorted, 0.99) / 1000,
          sorted.length);
    }

    double mean() {
      return Arrays.stream(micros).average().orElse(0);
    }

    private static double pct(double[] sorted, double p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
  }

  /** Adds one fill article: filed under its known event (null: a new one), or placed by scoring. */
  private interface Filler {
    String fill(EnrichedArticle article, String knownEventId);
  }

  /**
   * CPU time of the thread placing the timed articles (the test driver runs the app's processor on
   * the caller's thread): on a machine others load, a steadier figure than wall-clock time.
   */
  private static final java.lang.management.ThreadMXBean THREAD =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** The clustering step's state reads at one moment, per kind. */
  record StateReads(long[] lookups, long[] misses, long[] bytes) {
    static StateReads of(ClusterReads reads) {
      ClusterReads.Kind[] kinds = ClusterReads.Kind.values();
      long[] l = new long[kinds.length];
      long[] m = new long[kinds.length];
      long[] b = new long[kinds.length];
      for (ClusterReads.Kind k : kinds) {
        l[k.ordinal()] = reads.lookups(k);
        m[k.ordinal()] = reads.misses(k);
        b[k.ordinal()] = reads.bytes(k);
      }
      return new StateReads(l, m, b);
    }

    StateReads since(StateReads start) {
      long[] l = lookups.clone();
      long[] m = misses.clone();
      long[] b = bytes.clone();
      for (int k = 0; k < l.length; k++) {
        l[k] -= start.lookups[k];
        m[k] -= start.misses[k];
        b[k] -= start.bytes[k];
      }
      return new StateReads(l, m, b);
    }

    /**
     * Per article: lookups, store reads, bytes they decoded, and the cache hit rate of each kind.
     */
    String describe(int articles) {
      StringBuilder s = new StringBuilder("per article: ");
      for (ClusterReads.Kind k : ClusterReads.Kind.values()) {
        int i = k.ordinal();
        if (k != ClusterReads.Kind.values()[0]) {
          s.append(", ");
        }
        s.append(
            String.format(
                Locale.ROOT,
                "%s %.1f read (%.1f from the store, %,.0f bytes",
                k.label(),
                lookups[i] / (double) articles,
                misses[i] / (double) articles,
                bytes[i] / (double) articles));
        if (k != ClusterReads.Kind.POSTINGS && lookups[i] > 0) {
          s.append(
              String.format(
                  Locale.ROOT, ", %.1f %% cached", 100.0 * (lookups[i] - misses[i]) / lookups[i]));
        }
        s.append(')');
      }
      return s.toString();
    }
  }

  private ClusterBench() {}

  static Result memory(Options o) {
    ClusterSettings settings = ClusterSettings.from(config());
    EventClusterer clusterer = new EventClusterer(new InMemoryClusterState(), settings);
    Filler filler =
        (a, known) ->
            o.scoredFill()
                ? clusterer
                    .place(ArticleProfile.of(a), a.getArticle().getIngestedAt())
                    .articleEventId()
                : clusterer
                    .file(ArticleProfile.of(a), known, a.getArticle().getIngestedAt())
                    .articleEventId();
    EventClusterer.Work[] before = new EventClusterer.Work[1];
    Result r =
        run(
            "memory",
            o,
            filler,
            () -> {}, // the timed clusterer is the one that filled
            () -> before[0] = clusterer.work(), // count only the timed articles
            a -> clusterer.place(ArticleProfile.of(a), a.getArticle().getIngestedAt()),
            () -> {});
    EventClusterer.Work after = clusterer.work();
    double n = after.placements() - before[0].placements();
    return r.withWork(
            new double[] {
              (after.eventsScored() - before[0].eventsScored()) / n,
              (after.reportsCompared() - before[0].reportsCompared()) / n,
              (after.eventsClosed() - before[0].eventsClosed()) / n,
              (after.reportPairsGrouped() - before[0].reportPairsGrouped()) / n,
              (after.mergeReportsMeasured() - before[0].mergeReportsMeasured()) / n
            })
        .withHeap(heapAfterGc());
  }

  static Result stores(Options o) throws Exception {
    return stores(o, true, driver -> {});
  }

  /**
   * @param belowCache the fill writes the stores below their record cache ({@link BelowCache}), as
   *     the bench does; false: through it, as the app's processor does (slower; for comparing the
   *     state either way leaves)
   * @param filled shown the driver once the fill is done, before the timed articles
   */
  static Result stores(Options o, boolean belowCache, Consumer<TopologyTestDriver> filled)
      throws Exception {
    CopydeskConfig config = storesConfig();
    Topics topics = Topics.from(config);
    EnrichSettings settings = EnrichSettings.from(config);
    StreamsBuilder builder = new StreamsBuilder();
    EnrichCounts counts = new EnrichCounts();
    EnrichTopology.assignEvents(
        builder,
        builder.stream(IN, Consumed.with(Serdes.String(), topics.enriched().valueSerde())),
        topics,
        settings,
        counts);
    Path stateDir = Files.createTempDirectory("copydesk-bench-state");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "copydesk-bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, EnrichedArticle> in =
          driver.createInputTopic(
              IN, Serdes.String().serializer(), topics.enriched().valueSerde().serializer());
      // The fill writes the app's own stores (the driver allows that between records), through the
      // same state class.
      // Held here only while filling: the fill's caches (every open event parsed) are let go before
      // the timed articles, whose processor keeps the app's bounded caches, as the app would.
      Map<String, Serde<?>> serdes = EnrichTopology.assignmentStores(settings);
      BelowCache below = new BelowCache(driver, serdes);
      StoreClusterState.Stores stores =
          name -> belowCache ? below.store(name) : store(driver, name);
      EventClusterer[] fill = {
        new EventClusterer(
            StoreClusterState.over(stores, settings.clusterStores(), fillCaches(settings, o)),
            settings.cluster())
      };
      @SuppressWarnings("unchecked")
      KeyValueStore<String, EventSnapshot> snapshots =
          (KeyValueStore<String, EventSnapshot>) stores.named(settings.eventStore());
      java.time.Instant[] last = {java.time.Instant.EPOCH};
      Filler filler =
          o.scoredFill()
              ? (a, known) -> pipe(in, a)
              : (a, known) -> {
                last[0] = a.getArticle().getIngestedAt();
                String id = fill[0].file(ArticleProfile.of(a), known, last[0]).articleEventId();
                snapshots.put(id, EventSnapshots.withArticle(snapshots.get(id), id, a, last[0]));
                return id;
              };
      Runnable drain =
          () -> {
            below.flush(); // the fill's writes, before the processor reads the stores
            // The driver collects what the stores' changelogs produced only when it processes a
            // record:
            // a progress marker (nothing to cluster) makes it, then everything produced is read and
            // dropped.
            in.pipeInput(
                new TestRecord<String, EnrichedArticle>(
                    PublicationOrder.PROGRESS_KEY,
                    null,
                    PublicationOrder.from(new RecordHeaders(), 0),
                    last[0]));
            driver
                .producedTopicNames()
                .forEach(
                    topic ->
                        driver
                            .createOutputTopic(
                                topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                            .readRecordsToList());
          };
      StateReads[] before = new StateReads[1];
      Result r =
          run(
              "stores",
              o,
              filler,
              () -> {
                fill[0] = null;
                filled.accept(driver);
              },
              () -> before[0] = StateReads.of(counts.clusterReads()),
              a -> pipe(in, a),
              drain);
      return r.withReads(
              StateReads.of(counts.clusterReads()).since(before[0]).describe(o.measured()))
          .withHeap(heapAfterGc());
    } finally {
      try (var files = Files.walk(stateDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The settings of the app's stores as the bench runs them: one raw partition. */
  static CopydeskConfig storesConfig() {
    return config().with("topic.raw.partitions", "1");
  }

  /** A store as the app's processor sees it: metered, cached, change-logged. */
  private static KeyValueStore<String, ?> store(TopologyTestDriver driver, String name) {
    return driver.getKeyValueStore(name);
  }

  /**
   * Heap in use after a full collection, in bytes: with the fill's caches let go, what the state
   * and the timed processor's bounded caches hold (and what the bench itself keeps).
   */
  static long heapAfterGc() {
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The fill's own view of the stores caches more than the app's processor does: the fill files a
   * million articles, each looking up its candidate events (to close the stale ones, as placing
   * would), and reading those from RocksDB instead of the heap took most of its time. It changes
   * how fast the state is built, not what it holds; the timed processor keeps the configured
   * caches, empty at the start as after a restart.
   */
  private static EnrichSettings.ClusterCaches fillCaches(EnrichSettings settings, Options o) {
    EnrichSettings.ClusterCaches app = settings.clusterCaches();
    int openEvents =
        Math.toIntExact(
            o.perDay() * settings.cluster().quietDays()); // at most one new event per article
    return new EnrichSettings.ClusterCaches(
        Math.max(app.counts(), FILL_COUNTS),
        Math.max(app.events(), Math.min(openEvents, FILL_EVENTS)),
        app.reports(),
        app.postings());
  }

  /**
   * The defaults, with COPYDESK_* overrides from the environment: settings such as cache sizes can
   * be compared.
   */
  private static CopydeskConfig config() {
    return CopydeskConfig.load(null, System.getenv());
  }

  /** Feeds one article to the app's clustering step; the event id is not needed for timing. */
  private static String pipe(TestInputTopic<String, EnrichedArticle> in, EnrichedArticle a) {
    in.pipeInput(
        new TestRecord<>(
            a.getArticle().getId(),
            a,
            PublicationOrder.from(new RecordHeaders(), 0),
            a.getArticle().getIngestedAt()));
    return null;
  }

  /**
   * Fills, calls {@code filled} (the fill's own objects can be let go), places the warm-up
   * articles, calls {@code warmedUp} (counters start there), then times the articles.
   */
  private static Result run(
      String state,
      Options o,
      Filler filler,
      Runnable filled,
      Runnable warmedUp,
      Consumer<EnrichedArticle> place,
      Runnable drain) {
    SyntheticNews news = new SyntheticNews(o.seed(), o.perDay());
    Random random = new Random(o.seed() + 1);
    Deque<SyntheticNews.Event> recent = new ArrayDeque<>();
    Map<Integer, String> eventIdOf = new HashMap<>();
    int[] opened = {0};
    int articles = 0;
    long start = System.nanoTime();
    long startCpu = THREAD.getCurrentThreadCpuTime();
    BiConsumer<SyntheticNews.Event, String> remember =
        (e, id) -> {
          if (id != null) {
            eventIdOf.put(e.id(), id);
          }
        };
    while (opened[0] < o.events()) {
      SyntheticNews.Event e = nextEvent(news, random, recent, opened, o.reportsPerEvent());
      remember.accept(e, filler.fill(news.report(e), eventIdOf.get(e.id())));
      forgetOld(recent, eventIdOf);
      if (++articles % DRAIN_EVERY == 0) {
        drain.run();
      }
      if (articles % PROGRESS_EVERY == 0) {
        System.err.printf(
            Locale.ROOT,
            "clusters: %s fill: %,d of %,d events, %,d articles, %.0f s (thread CPU %.0f s)%n",
            state,
            opened[0],
            o.events(),
            articles,
            (System.nanoTime() - start) / 1e9,
            (THREAD.getCurrentThreadCpuTime() - startCpu) / 1e9);
      }
    }
    drain.run();
    System.err.printf(
        Locale.ROOT,
        "clusters: %s fill done: %,d events, %,d articles, %.0f s (thread CPU %.0f s)%n",
        state,
        opened[0],
        articles,
        (System.nanoTime() - start) / 1e9,
        (THREAD.getCurrentThreadCpuTime() - startCpu) / 1e9);
    filled.run();
    // The warm-up and the timed articles come from the same stream, placed the same way.
    java.util.function.Supplier<EnrichedArticle> next =
        () -> news.report(nextEvent(news, random, recent, opened, o.reportsPerEvent()));
    for (int i = 0; i < o.warmUp(); i++) {
      place.accept(next.get());
      if (i % DRAIN_EVERY == 0) {
        drain.run();
      }
    }
    drain.run();
    warmedUp.run();
    double[] micros = new double[o.measured()];
    long cpu = 0;
    for (int i = 0; i < o.measured(); i++) {
      EnrichedArticle a = next.get();
      long c0 = THREAD.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      place.accept(a);
      micros[i] = (System.nanoTime() - t0) / 1_000.0;
      cpu += THREAD.getCurrentThreadCpuTime() - c0;
      if (i % DRAIN_EVERY == 0) {
        drain.run();
      }
    }
    return new Result(
        state,
        opened[0],
        articles + o.warmUp() + o.measured(),
        micros,
        cpu / 1_000.0 / o.measured(),
        null,
        null,
        0);
  }

  /**
   * A new event (one article in {@code reportsPerEvent}, once there are events), or one of the
   * recent ones again. Each event stays recent for as many new events as there are recent ones, and
   * gets as many follow-ups in that time, so its mean size is {@code reportsPerEvent}.
   */
  private static SyntheticNews.Event nextEvent(
      SyntheticNews news,
      Random random,
      Deque<SyntheticNews.Event> recent,
      int[] opened,
      int reportsPerEvent) {
    // nextInt(2) == 1 draws what nextBoolean() did, so the default keeps earlier runs' articles.
    if (recent.isEmpty() || random.nextInt(reportsPerEvent) == reportsPerEvent - 1) {
      SyntheticNews.Event e = news.event(opened[0]++);
      recent.addLast(e);
      return e;
    }
    int pick = random.nextInt(recent.size());
    return recent.stream().skip(pick).findFirst().orElseThrow();
  }

  /** Only recent events get follow-ups: older ones are dropped from the generator's memory. */
  private static void forgetOld(Deque<SyntheticNews.Event> recent, Map<Integer, String> eventIdOf) {
    while (recent.size() > RECENT) {
      eventIdOf.remove(recent.removeFirst().id());
    }
  }
}
