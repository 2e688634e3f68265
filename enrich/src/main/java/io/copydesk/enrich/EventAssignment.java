package io.copydesk.enrich;

import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.EventProfile;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts each enriched article in an event (online clustering, {@link EventClusterer}) and emits the
 * article with its event id and the new snapshot of every event that changed: the one it joined or
 * opened, the one a new version left, and a tombstone for an event left empty.
 *
 * <p>Articles reach this single-partition step in the order the parallel enrich tasks finish
 * them, which depends on timing. To cluster in the order ingest published them (record time, then
 * article id), each article first waits in a store until articles published up to the reorder
 * window later have arrived, or until nothing arrived for a window of wall-clock time.
 */
final class EventAssignment implements Processor<String, EnrichedArticle, String, EnrichTopology.Output> {
  private final EnrichSettings settings;
  private ProcessorContext<String, EnrichTopology.Output> context;
  private KeyValueStore<String, EnrichedArticle> pending;
  private KeyValueStore<String, EventSnapshot> snapshots;
  private EventClusterer clusterer;
  /** The latest record time seen: what has been published up to, as far as this step knows. */
  private long watermark = Long.MIN_VALUE;
  private long lastArrivalWallMs;

  EventAssignment(EnrichSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<String, EnrichTopology.Output> context) {
    this.context = context;
    this.pending = context.getStateStore(settings.clusterStores().pending());
    this.snapshots = context.getStateStore(settings.eventStore());
    this.clusterer = new EventClusterer(new StoreClusterState(context, settings.clusterStores()), settings.cluster());
    this.lastArrivalWallMs = context.currentSystemTimeMs();
    Duration window = settings.reorderWindow();
    Duration tick = Duration.ofMillis(Math.max(20, window.toMillis() / 4));
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, now -> {
      if (now - lastArrivalWallMs >= window.toMillis()) {
        releaseThrough(Long.MAX_VALUE); // quiet: nothing earlier is still on its way
      }
    });
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    pending.put(orderKey(record.timestamp(), record.value().getArticle().getId()), record.value());
    watermark = Math.max(watermark, record.timestamp());
    lastArrivalWallMs = context.currentSystemTimeMs();
    releaseThrough(watermark - settings.reorderWindow().toMillis());
  }

  /** Sorts by record time, then article id: fixed-width hex keeps byte order equal to time order. */
  static String orderKey(long timestamp, String articleId) {
    return String.format(Locale.ROOT, "%016x/%s", Math.max(0, timestamp), articleId);
  }

  private void releaseThrough(long timestamp) {
    List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
    try (KeyValueIterator<String, EnrichedArticle> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, EnrichedArticle> next = it.next();
        if (Long.parseUnsignedLong(next.key.substring(0, 16), 16) > timestamp) {
          break;
        }
        due.add(next);
      }
    }
    for (KeyValue<String, EnrichedArticle> entry : due) {
      pending.delete(entry.key);
      assign(entry.value, Long.parseUnsignedLong(entry.key.substring(0, 16), 16));
    }
  }

  private void assign(EnrichedArticle article, long timestamp) {
    String articleId = article.getArticle().getId();
    // Record time, not the wall clock: a replay of the same input closes the same events.
    Instant at = Instant.ofEpochMilli(timestamp);
    Instant updated = Instant.ofEpochMilli(context.currentSystemTimeMs());
    boolean retraction = VersionGate.isRetraction(article.getArticle());
    EventClusterer.Change change = retraction
        ? clusterer.retract(articleId, at)
        : clusterer.place(ArticleProfile.of(article), at);
    String eventId = change.articleEventId();
    forward(articleId, new EnrichTopology.Output(EnrichedArticle.newBuilder(article).setEventId(eventId).build(), null, null), timestamp);
    for (Map.Entry<String, EventProfile> changed : change.events().entrySet()) {
      String id = changed.getKey();
      EventSnapshot snapshot;
      if (changed.getValue() == null) {
        snapshot = null;
      } else if (!retraction && id.equals(eventId)) {
        snapshot = EventSnapshots.withArticle(snapshots.get(id), id, article, updated);
      } else {
        snapshot = EventSnapshots.withoutArticle(snapshots.get(id), articleId, updated);
      }
      if (snapshot == null) {
        snapshots.delete(id);
      } else {
        snapshots.put(id, snapshot);
      }
      forward(articleId, new EnrichTopology.Output(null, id, snapshot), timestamp);
    }
  }

  private void forward(String articleId, EnrichTopology.Output output, long timestamp) {
    context.forward(new Record<>(articleId, output, timestamp));
  }
}
