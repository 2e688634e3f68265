package io.copydesk.enrich;

import io.copydesk.contract.AvroSerde;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.StoryState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich topology, as a pure function of a {@link StreamsBuilder}:
 *
 * <pre>
 * raw-articles (key: story id, N partitions)
 *   -> version gate        [store: article versions, per story id: drops stale and duplicate deliveries]
 *   -> embargo hold        [store: embargoed articles, released by a wall-clock punctuator when due]
 *   -> enrich              [actors, claims, figures: stateless, runs on every raw partition in parallel]
 *   -> cluster repartition [one partition: event assignment sees every article, in one order]
 *   -> event assignment    [stores: pending (waiting for their turn), cluster counts, events, postings,
 *                           placements, profiles; event snapshots]
 *   -> enriched-articles (key: story id) and events (key: event id)
 * </pre>
 */
public final class EnrichTopology {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class);

  private EnrichTopology() {}

  /**
   * What event assignment emits: an enriched article (with its event id), or an event's new
   * snapshot (null deletes the event).
   */
  record Output(EnrichedArticle article, String eventId, EventSnapshot event) {
    boolean isArticle() {
      return article != null;
    }
  }

  public static void build(
      StreamsBuilder builder, Topics topics, EnrichSettings settings, ArticleEnricher enricher) {
    build(builder, topics, settings, enricher, new EnrichCounts());
  }

  /** As above, counting what the processors do into {@code counts}. */
  public static void build(
      StreamsBuilder builder,
      Topics topics,
      EnrichSettings settings,
      ArticleEnricher enricher,
      EnrichCounts counts) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(settings.versionStore()),
            Serdes.String(),
            new AvroSerde<>(StoryState.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(settings.embargoStore()),
            Serdes.String(),
            new AvroSerde<>(RawArticle.class)));

    KStream<String, RawArticle> raw =
        builder.stream(
            topics.raw().name(),
            Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
                .withName("raw-articles"));

    KStream<String, EnrichedArticle> enriched =
        raw
            // Progress markers from ingest (no key, no value) pass every step in order; other empty
            // records go.
            .filter(
                (id, article) -> article != null ? id != null : PublicationOrder.isProgress(id),
                Named.as("skip-empty-records"))
            .processValues(
                () -> new VersionGateProcessor(settings.versionStore()),
                Named.as("version-gate"),
                settings.versionStore())
            .process(
                () -> new EmbargoHold(settings.embargoStore(), settings.embargoCheckInterval()),
                Named.as("embargo-hold"),
                settings.embargoStore())
            .process(() -> new EnrichProcessor(enricher, counts), Named.as("enrich"));

    assignEvents(
        builder,
        enriched.repartition(
            Repartitioned.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                .withName(settings.clusterRepartition())
                .withNumberOfPartitions(1)),
        topics,
        settings,
        counts);
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> cached(
      String name, Serde<String> keys, Serde<V> values) {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
        .withCachingEnabled();
  }

  /**
   * The clustering step's stores, each with the serde of its values (keys are strings), in the
   * order the topology adds them. Public for one reason across modules: {@code bench clusters}
   * fills these stores in the same encoding before it times the app's own processor on them.
   */
  public static Map<String, Serde<?>> assignmentStores(EnrichSettings settings) {
    EnrichSettings.ClusterStores cluster = settings.clusterStores();
    Map<String, Serde<?>> stores = new LinkedHashMap<>();
    stores.put(settings.eventStore(), new AvroSerde<>(EventSnapshot.class));
    stores.put(cluster.counts(), Serdes.Long());
    stores.put(cluster.events(), Serdes.ByteArray()); // ProfileCodec
    stores.put(cluster.postings(), Serdes.String());
    stores.put(cluster.placements(), Serdes.String());
    stores.put(cluster.profiles(), Serdes.ByteArray()); // ProfileCodec
    stores.put(cluster.pending(), new AvroSerde<>(EnrichedArticle.class));
    return stores;
  }

  /**
   * The clustering half: articles from one partition, each marked with the raw partition it came
   * from ({@link PublicationOrder}), into events; enriched articles and event snapshots out.
   */
  public static void assignEvents(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> inOnePartition,
      Topics topics,
      EnrichSettings settings,
      EnrichCounts counts) {
    // Cached: placing one article rewrites the counts of its common words, its events and their
    // postings; the record cache folds repeated writes of a key into one write (and one changelog
    // record) per commit, and serves rereads without RocksDB.
    Map<String, Serde<?>> stores = assignmentStores(settings);
    stores.forEach((name, values) -> builder.addStateStore(cached(name, Serdes.String(), values)));

    KStream<String, Output> assigned =
        inOnePartition.process(
            () -> new EventAssignment(settings, counts),
            Named.as("assign-event"),
            stores.keySet().toArray(String[]::new));
    assigned
        .filter((id, out) -> out.isArticle(), Named.as("articles-assigned"))
        .mapValues(Output::article, Named.as("article-of-assignment"))
        .to(
            topics.enriched().name(),
            Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
                .withName("enriched-articles"));
    assigned
        .filter((id, out) -> !out.isArticle(), Named.as("events-changed"))
        .map(
            (id, out) -> KeyValue.pair(out.eventId(), out.event()), Named.as("event-of-assignment"))
        .to(
            topics.events().name(),
            Produced.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName("events"));
  }

  /** Forwards a delivery only if it is a new version of its story. */
  static final class VersionGateProcessor
      implements FixedKeyProcessor<String, RawArticle, RawArticle> {
    private final String storeName;
    private FixedKeyProcessorContext<String, RawArticle> context;
    private KeyValueStore<String, StoryState> versions;

    VersionGateProcessor(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, RawArticle> context) {
      this.context = context;
      this.versions = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
      RawArticle article = record.value();
      if (article == null) {
        context.forward(record); // ingest's progress marker
        return;
      }
      VersionGate.Verdict verdict = VersionGate.judge(versions.get(record.key()), article);
      if (verdict != VersionGate.Verdict.ACCEPT) {
        LOG.debug("dropped {} version {}: {}", record.key(), article.getVersion(), verdict);
        return;
      }
      versions.put(record.key(), VersionGate.stateOf(article));
      context.forward(record);
    }
  }

  /**
   * Runs the enricher; wall-clock time comes from the context so tests control it. Marks each
   * article, and passes each of ingest's progress markers, with its raw partition, for the
   * clustering step's ordering ({@link PublicationOrder}).
   */
  static final class EnrichProcessor
      implements Processor<String, RawArticle, String, EnrichedArticle> {
    private final ArticleEnricher enricher;
    private final EnrichCounts counts;
    private ProcessorContext<String, EnrichedArticle> context;

    EnrichProcessor(ArticleEnricher enricher, EnrichCounts counts) {
      this.enricher = enricher;
      this.counts = counts;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, RawArticle> record) {
      int partition = context.taskId().partition();
      RawArticle article = record.value();
      if (article == null) {
        context.forward(
            new Record<String, EnrichedArticle>(
                PublicationOrder.PROGRESS_KEY,
                null,
                record.timestamp(),
                PublicationOrder.from(record.headers(), partition)));
        return;
      }
      Enrichment found;
      if (VersionGate.isRetraction(article)) {
        // A killed story's text must not travel further: the record only says it was retracted.
        article = RawArticle.newBuilder(article).setBody("").build();
        found = Enrichment.NONE;
      } else {
        found = enricher.enrich(article);
      }
      EnrichedArticle enriched =
          EnrichedArticle.newBuilder()
              .setArticle(article)
              .setActors(found.actors())
              .setClaims(found.claims())
              .setFigures(found.figures())
              .setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
              .build();
      counts.enriched.incrementAndGet();
      context.forward(
          record
              .withValue(enriched)
              .withHeaders(PublicationOrder.from(record.headers(), partition)));
    }
  }
}
