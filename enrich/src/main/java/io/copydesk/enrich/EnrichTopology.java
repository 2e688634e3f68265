package io.copydesk.enrich;

import io.copydesk.contract.AvroSerde;
import io.copydesk.contract.Topics;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.StoryState;
import java.time.Instant;
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
import org.apache.kafka.streams.state.KeyValueStore;
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
 *   -> event assignment    [store: events]
 *   -> enriched-articles (key: story id) and events (key: event id)
 * </pre>
 */
public final class EnrichTopology {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class);

  private EnrichTopology() {}

  /** An enriched article and its event's new snapshot; a null snapshot deletes the event. */
  record Assignment(EnrichedArticle article, String eventId, EventSnapshot event) {}

  public static void build(StreamsBuilder builder, Topics topics, EnrichSettings settings, ArticleEnricher enricher) {
    build(builder, topics, settings, enricher, new EnrichCounts());
  }

  /** As above, counting what the processors do into {@code counts}. */
  public static void build(
      StreamsBuilder builder, Topics topics, EnrichSettings settings, ArticleEnricher enricher, EnrichCounts counts) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(settings.versionStore()), Serdes.String(), new AvroSerde<>(StoryState.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(settings.embargoStore()), Serdes.String(), new AvroSerde<>(RawArticle.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(settings.eventStore()), Serdes.String(), new AvroSerde<>(EventSnapshot.class)));

    KStream<String, RawArticle> raw = builder.stream(
        topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde()).withName("raw-articles"));

    KStream<String, EnrichedArticle> enriched = raw
        .filter((id, article) -> id != null && article != null, Named.as("skip-empty-records"))
        .processValues(() -> new VersionGateProcessor(settings.versionStore()), Named.as("version-gate"), settings.versionStore())
        .process(() -> new EmbargoHold(settings.embargoStore(), settings.embargoCheckInterval()), Named.as("embargo-hold"),
            settings.embargoStore())
        .processValues(() -> new EnrichProcessor(enricher, counts), Named.as("enrich"));

    KStream<String, Assignment> assigned = enriched
        .repartition(Repartitioned.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
            .withName(settings.clusterRepartition())
            .withNumberOfPartitions(1))
        .processValues(() -> new EventAssignmentProcessor(settings.eventStore(), counts), Named.as("assign-event"), settings.eventStore());

    assigned
        .mapValues(Assignment::article, Named.as("article-of-assignment"))
        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde()).withName("enriched-articles"));
    assigned
        .map((id, a) -> KeyValue.pair(a.eventId(), a.event()), Named.as("event-of-assignment"))
        .to(topics.events().name(), Produced.with(topics.events().keySerde(), topics.events().valueSerde()).withName("events"));
  }

  /** Forwards a delivery only if it is a new version of its story. */
  static final class VersionGateProcessor implements FixedKeyProcessor<String, RawArticle, RawArticle> {
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
      VersionGate.Verdict verdict = VersionGate.judge(versions.get(record.key()), article);
      if (verdict != VersionGate.Verdict.ACCEPT) {
        LOG.debug("dropped {} version {}: {}", record.key(), article.getVersion(), verdict);
        return;
      }
      versions.put(record.key(), VersionGate.stateOf(article));
      context.forward(record);
    }
  }

  /** Runs the enricher; wall-clock time comes from the context so tests control it. */
  static final class EnrichProcessor implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
    private final ArticleEnricher enricher;
    private final EnrichCounts counts;
    private FixedKeyProcessorContext<String, EnrichedArticle> context;

    EnrichProcessor(ArticleEnricher enricher, EnrichCounts counts) {
      this.enricher = enricher;
      this.counts = counts;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, RawArticle> record) {
      RawArticle article = record.value();
      Enrichment found;
      if (VersionGate.isRetraction(article)) {
        // A killed story's text must not travel further: the record only says it was retracted.
        article = RawArticle.newBuilder(article).setBody("").build();
        found = Enrichment.NONE;
      } else {
        found = enricher.enrich(article);
      }
      EnrichedArticle enriched = EnrichedArticle.newBuilder()
          .setArticle(article)
          .setActors(found.actors())
          .setClaims(found.claims())
          .setFigures(found.figures())
          .setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
          .build();
      counts.enriched.incrementAndGet();
      context.forward(record.withValue(enriched));
    }
  }

  /**
   * Puts each story in an event and emits the event's new snapshot. For now every story is its own
   * event (clustering comes later); a new version of a story updates the same event, a retraction
   * takes the story out, and an event left without articles is deleted (a tombstone).
   */
  static final class EventAssignmentProcessor implements FixedKeyProcessor<String, EnrichedArticle, Assignment> {
    private final String storeName;
    private final EnrichCounts counts;
    private FixedKeyProcessorContext<String, Assignment> context;
    private KeyValueStore<String, EventSnapshot> events;

    EventAssignmentProcessor(String storeName, EnrichCounts counts) {
      this.storeName = storeName;
      this.counts = counts;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Assignment> context) {
      this.context = context;
      this.events = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
      EnrichedArticle article = record.value();
      String articleId = article.getArticle().getId();
      String eventId = EventSnapshots.eventIdFor(articleId);
      Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
      EventSnapshot snapshot = VersionGate.isRetraction(article.getArticle())
          ? EventSnapshots.withoutArticle(events.get(eventId), articleId, now)
          : EventSnapshots.withArticle(events.get(eventId), eventId, article, now);
      if (snapshot == null) {
        events.delete(eventId);
      } else {
        events.put(eventId, snapshot);
      }
      EnrichedArticle placed = EnrichedArticle.newBuilder(article).setEventId(eventId).build();
      counts.assigned.incrementAndGet();
      context.forward(record.withValue(new Assignment(placed, eventId, snapshot)));
    }
  }
}
