package io.copydesk.app.bench;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Topics;
import io.copydesk.enrich.EnrichCounts;
import io.copydesk.enrich.EnrichSettings;
import io.copydesk.enrich.EnrichTopology;
import io.copydesk.enrich.PublicationOrder;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterSettings;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.InMemoryClusterState;
import io.copydesk.schema.EnrichedArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The cost of placing one article as events pile up in state: fill the state with N events, then
 * time the next articles (half follow up a recent event, half report a new one). Two states: the
 * clusterer alone in memory, and the enrich app's real clustering step (state stores in RocksDB,
 * serdes, snapshots) driven through Kafka Streams' test driver.
 */
final class ClusterBench {
  private static final String IN = "bench-cluster-in";
  /** Follow-ups go to one of the latest events: news follows up what is recent. */
  private static final int RECENT = 1_000;

  record Result(String state, int events, int articles, double[] micros) {
    String line() {
      double[] sorted = micros.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0);
      return String.format(Locale.ROOT, "clusters: %-6s %8d events %8d articles in state | per article: mean %7.1f µs  p50 %7.1f  p95 %7.1f  p99 %7.1f",
          state, events, articles, mean, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99));
    }

    private static double pct(double[] sorted, double p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
  }

  private ClusterBench() {}

  static Result memory(int events, int measured, long seed) {
    ClusterSettings settings = ClusterSettings.from(CopydeskConfig.defaults());
    EventClusterer clusterer = new EventClusterer(new InMemoryClusterState(), settings);
    return run("memory", events, measured, seed,
        a -> clusterer.place(ArticleProfile.of(a), a.getArticle().getIngestedAt()).articleEventId());
  }

  static Result stores(int events, int measured, long seed) throws Exception {
    CopydeskConfig config = CopydeskConfig.defaults().with("topic.raw.partitions", "1");
    Topics topics = Topics.from(config);
    StreamsBuilder builder = new StreamsBuilder();
    EnrichTopology.assignEvents(builder, builder.stream(IN, Consumed.with(Serdes.String(), topics.enriched().valueSerde())), topics,
        EnrichSettings.from(config), new EnrichCounts());
    Path stateDir = Files.createTempDirectory("copydesk-bench-state");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "copydesk-bench");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<String, EnrichedArticle> in = driver.createInputTopic(IN, Serdes.String().serializer(), topics.enriched().valueSerde().serializer());
      TestOutputTopic<String, EnrichedArticle> out = driver.createOutputTopic(
          topics.enriched().name(), topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
      TestOutputTopic<String, ?> snapshots = driver.createOutputTopic(
          topics.events().name(), topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer());
      return run("stores", events, measured, seed, a -> {
        in.pipeInput(new TestRecord<>(a.getArticle().getId(), a, PublicationOrder.from(new RecordHeaders(), 0), a.getArticle().getIngestedAt()));
        snapshots.readRecordsToList(); // not kept: the driver would hold every snapshot in memory
        return out.readValue().getEventId();
      });
    } finally {
      try (var files = Files.walk(stateDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Result run(String state, int events, int measured, long seed, Function<EnrichedArticle, String> place) {
    SyntheticNews news = new SyntheticNews(seed);
    Random random = new Random(seed + 1);
    List<SyntheticNews.Event> generated = new ArrayList<>();
    Set<String> eventIds = new HashSet<>();
    int articles = 0;
    while (eventIds.size() < events) {
      eventIds.add(place.apply(next(news, random, generated)));
      articles++;
    }
    double[] micros = new double[measured];
    for (int i = 0; i < measured; i++) {
      EnrichedArticle a = next(news, random, generated);
      long t0 = System.nanoTime();
      eventIds.add(place.apply(a));
      micros[i] = (System.nanoTime() - t0) / 1_000.0;
    }
    return new Result(state, eventIds.size(), articles + measured, micros);
  }

  /** A report of a new event, or (half the time, once there are events) a follow-up of a recent one. */
  private static EnrichedArticle next(SyntheticNews news, Random random, List<SyntheticNews.Event> generated) {
    if (generated.isEmpty() || random.nextBoolean()) {
      generated.add(news.event(generated.size()));
      return news.report(generated.get(generated.size() - 1));
    }
    int from = Math.max(0, generated.size() - RECENT);
    return news.report(generated.get(from + random.nextInt(generated.size() - from)));
  }
}
