package io.copydesk.enrich;

import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.EventProfile;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
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
 * <p>Articles reach this single-partition step in the order the parallel enrich tasks finish them,
 * which depends on timing. To cluster in the order ingest published them (record time, then article
 * id), each article waits in a store until every raw partition's task has passed its time ({@link
 * PublicationOrder}). An article arriving after its time was passed (published by a second ingest
 * instance with a slower clock) is clustered at once. So is an article released from an embargo:
 * its time is when the embargo passed, which no raw partition's progress reaches until ingest
 * publishes again, and on a quiet desk that may be much later.
 */
final class EventAssignment
    implements Processor<String, EnrichedArticle, String, EnrichTopology.Output> {
  private final EnrichSettings settings;
  private ProcessorContext<String, EnrichTopology.Output> context;
  private KeyValueStore<String, EnrichedArticle> pending;
  private KeyValueStore<String, EventSnapshot> snapshots;
  private EventClusterer clusterer;
  private StoreClusterState state;

  /**
   * Per raw partition: the publication time its enrich task is done up to. Learnt anew after a
   * restart, from the records replayed since the last commit and those that follow.
   */
  private long[] done;

  /**
   * Every pending article before this time has been released. Unknown (-1) after a restart: the
   * first release scans everything.
   */
  private long releasedBelow = -1;

  private final EnrichCounts counts;

  EventAssignment(EnrichSettings settings, EnrichCounts counts) {
    this.settings = settings;
    this.counts = counts;
  }

  @Override
  public void init(ProcessorContext<String, EnrichTopology.Output> context) {
    this.context = context;
    this.pending = context.getStateStore(settings.clusterStores().pending());
    this.snapshots = context.getStateStore(settings.eventStore());
    this.state =
        new StoreClusterState(
            context, settings.clusterStores(), settings.clusterCaches(), counts.clusterReads);
    this.clusterer = new EventClusterer(state, settings.cluster());
    this.done = new long[settings.rawPartitions()];
    java.util.Arrays.fill(done, Long.MIN_VALUE);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    if (record.value() != null && PublicationOrder.isReleased(record.headers())) {
      // Neither waits for the raw partitions nor says how far any of them has got.
      dropPending(record.value().getArticle().getId());
      assign(record.value(), record.timestamp());
      return;
    }
    int from = PublicationOrder.partitionOf(record.headers());
    if (from >= 0 && from < done.length) {
      done[from] = Math.max(done[from], record.timestamp());
    }
    if (record.value() != null) {
      pending.put(
          orderKey(record.timestamp(), record.value().getArticle().getId()), record.value());
      if (releasedBelow >= 0) {
        releasedBelow =
            Math.min(
                releasedBelow, Math.max(0, record.timestamp())); // a late article: scan from it
      }
    }
    releaseThrough(java.util.Arrays.stream(done).min().orElse(Long.MAX_VALUE));
  }

  /**
   * Drops an older version of a story still waiting for its turn: the version gate passed it before
   * the one now assigned out of turn, which must not be overwritten by it afterwards.
   */
  private void dropPending(String articleId) {
    List<String> older = new ArrayList<>();
    try (KeyValueIterator<String, EnrichedArticle> it = pending.range(unreleasedFrom(), null)) {
      it.forEachRemaining(
          kv -> {
            if (kv.key.substring(17).equals(articleId)) {
              older.add(kv.key);
            }
          });
    }
    older.forEach(pending::delete);
  }

  /** The first key that may still be pending, or null (all) when unknown. */
  private String unreleasedFrom() {
    return releasedBelow < 0 ? null : String.format(Locale.ROOT, "%016x", releasedBelow);
  }

  /**
   * Sorts by record time, then article id: fixed-width hex keeps byte order equal to time order.
   */
  static String orderKey(long timestamp, String articleId) {
    return String.format(Locale.ROOT, "%016x/%s", Math.max(0, timestamp), articleId);
  }

  private void releaseThrough(long timestamp) {
    if (timestamp < 0) {
      return; // some raw partition has not reported yet
    }
    List<KeyValue<String, EnrichedArticle>> due = new ArrayList<>();
    // From where the last release ended, not from the first key: every released article left a
    // tombstone, and a scan from the start would step over all of them, more with every article.
    String from = unreleasedFrom();
    String to =
        timestamp == Long.MAX_VALUE ? null : String.format(Locale.ROOT, "%016x", timestamp + 1);
    try (KeyValueIterator<String, EnrichedArticle> it = pending.range(from, to)) {
      while (it.hasNext()) {
        KeyValue<String, EnrichedArticle> next = it.next();
        if (Long.parseUnsignedLong(next.key.substring(0, 16), 16) > timestamp) {
          break;
        }
        due.add(next);
      }
    }
    releasedBelow = timestamp; // all before it is released; more may still come at this very time
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
    EventClusterer.Change change =
        retraction
            ? clusterer.retract(articleId, at)
            : clusterer.place(ArticleProfile.of(article), at);
    String eventId = change.articleEventId();
    counts.assigned.incrementAndGet();
    state.addReads();
    forward(
        articleId,
        new EnrichTopology.Output(
            EnrichedArticle.newBuilder(article).setEventId(eventId).build(), null, null),
        timestamp);
    // The event the article joined: a split right after may have moved it on with others, and a
    // merge before that may have moved it with its event into another.
    String joined = eventId;
    Set<String> splitOff = new HashSet<>();
    for (EventClusterer.Split split : change.splits()) {
      splitOff.add(split.to());
      if (split.articleIds().contains(articleId)) {
        joined = split.from();
      }
    }
    Set<String> mergedAway = new HashSet<>();
    for (EventClusterer.Merge merge : change.merges()) {
      mergedAway.add(merge.from());
    }
    for (int m = change.merges().size() - 1; m >= 0; m--) {
      EventClusterer.Merge merge = change.merges().get(m);
      if (merge.into().equals(joined) && merge.articleIds().contains(articleId)) {
        joined = merge.from();
      }
    }
    Map<String, EventSnapshot> after = new TreeMap<>();
    for (Map.Entry<String, EventProfile> changed : change.events().entrySet()) {
      String id = changed.getKey();
      if (splitOff.contains(id)) {
        continue; // made from the event it left, below
      }
      if (changed.getValue() == null && !mergedAway.contains(id)) {
        after.put(id, null);
      } else if (!retraction && id.equals(joined)) {
        after.put(id, EventSnapshots.withArticle(snapshots.get(id), id, article, updated));
      } else {
        after.put(id, EventSnapshots.withoutArticle(snapshots.get(id), articleId, updated));
      }
    }
    for (EventClusterer.Merge merge : change.merges()) {
      // The smaller event's articles, with what they say, join the larger one; its own file goes.
      EventSnapshot into = current(after, merge.into());
      EventSnapshot from = current(after, merge.from());
      after.put(merge.into(), EventSnapshots.merged(into, from, merge.into(), updated));
      after.put(merge.from(), null);
      counts.merges.incrementAndGet();
    }
    for (EventClusterer.Split split : change.splits()) {
      EventSnapshot whole = current(after, split.from());
      List<String> rest = new ArrayList<>(whole.getArticleIds());
      rest.removeAll(split.articleIds());
      after.put(split.to(), EventSnapshots.only(whole, split.to(), split.articleIds(), updated));
      after.put(split.from(), EventSnapshots.only(whole, split.from(), rest, updated));
      counts.splits.incrementAndGet();
    }
    after.forEach(
        (id, snapshot) -> {
          if (snapshot == null) {
            snapshots.delete(id);
          } else {
            snapshots.put(id, snapshot);
          }
          forward(articleId, new EnrichTopology.Output(null, id, snapshot), timestamp);
        });
  }

  /** An event's snapshot as this assignment has changed it so far, else as stored. */
  private EventSnapshot current(Map<String, EventSnapshot> after, String eventId) {
    return after.containsKey(eventId) ? after.get(eventId) : snapshots.get(eventId);
  }

  private void forward(String articleId, EnrichTopology.Output output, long timestamp) {
    context.forward(new Record<>(articleId, output, timestamp));
  }
}
