package io.copydesk.enrich;

import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterState;
import io.copydesk.enrich.cluster.EventProfile;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The clustering state in Kafka Streams state stores (changelogged, so it survives a restart or a
 * move). Placing one article reads dozens of profiles; decoding each from its stored form ({@link
 * ProfileCodec}) every time would cost more than the comparison, so recently used profiles are also
 * kept parsed, in a bounded cache written through with the store. The cache belongs to one
 * processor instance, which Kafka Streams replaces when it restores a task's state, so it never
 * outlives the state it mirrors.
 */
public final class StoreClusterState implements ClusterState {
  private static final String SEPARATOR =
      "\n"; // event ids are hex with a prefix: never a line break
  private final KeyValueStore<String, Long> counts;
  private final KeyValueStore<String, byte[]> events;
  private final KeyValueStore<String, String> postings;
  private final KeyValueStore<String, String> placements;
  private final KeyValueStore<String, byte[]> profiles;

  /**
   * Kept parsed: an article is compared with up to 32 events and 16 reports of each, mostly the
   * recently active ones. Bounded so the heap stays small next to the NLP models (~10 KB a
   * profile).
   */
  private final RecentlyUsed<EventProfile> eventCache;

  /** Document frequencies: thousands are read per article, most of them the same common words. */
  private final RecentlyUsed<Long> countCache;

  private final RecentlyUsed<ArticleProfile> profileCache;

  /**
   * Postings kept split, written through: each article looks up about thirty keys, the common ones
   * again and again, and a key's list grows to {@code cluster.index.postings} events, so reading
   * and splitting it from the store grew with the state.
   */
  private final RecentlyUsed<List<String>> postingsCache;

  /** This instance's reads since they were last added to {@link #totals}. */
  private final ClusterReads.Tally reads = new ClusterReads.Tally();

  private final ClusterReads totals;

  StoreClusterState(
      ProcessingContext context,
      EnrichSettings.ClusterStores stores,
      EnrichSettings.ClusterCaches caches,
      ClusterReads totals) {
    this(context::getStateStore, stores, caches, totals);
  }

  /** Finds a key-value store by name: a processor's context, or a test driver's stores. */
  @FunctionalInterface
  public interface Stores {
    KeyValueStore<String, ?> named(String name);
  }

  /**
   * The clustering state over stores found by name. The app never needs it; it is public for one
   * reason across modules: the tools module's {@code bench clusters} fills the enrich app's real
   * stores this way, through the test driver, before it times the app's own processor.
   */
  public static ClusterState over(
      Stores found, EnrichSettings.ClusterStores stores, EnrichSettings.ClusterCaches caches) {
    return new StoreClusterState(found, stores, caches, new ClusterReads());
  }

  @SuppressWarnings("unchecked")
  private StoreClusterState(
      Stores found,
      EnrichSettings.ClusterStores stores,
      EnrichSettings.ClusterCaches caches,
      ClusterReads totals) {
    this.totals = totals;
    this.eventCache = new RecentlyUsed<>(caches.events());
    this.countCache = new RecentlyUsed<>(caches.counts());
    this.profileCache = new RecentlyUsed<>(caches.reports());
    this.postingsCache = new RecentlyUsed<>(caches.postings());
    this.counts = (KeyValueStore<String, Long>) found.named(stores.counts());
    this.events = (KeyValueStore<String, byte[]>) found.named(stores.events());
    this.postings = (KeyValueStore<String, String>) found.named(stores.postings());
    this.placements = (KeyValueStore<String, String>) found.named(stores.placements());
    this.profiles = (KeyValueStore<String, byte[]>) found.named(stores.profiles());
  }

  /** Adds the reads counted since the last call to the shared totals (once per article). */
  void addReads() {
    reads.addTo(totals);
  }

  @Override
  public long count(String key) {
    Long n = countCache.get(key);
    if (n == null) {
      n = counts.get(key);
      reads.miss(ClusterReads.Kind.COUNTS, n == null ? 0 : Long.BYTES);
      countCache.put(key, n == null ? 0L : n);
    } else {
      reads.hit(ClusterReads.Kind.COUNTS);
    }
    return n == null ? 0 : n;
  }

  @Override
  public void putCount(String key, long value) {
    if (value == 0) {
      counts.delete(key);
    } else {
      counts.put(key, value);
    }
    countCache.put(key, value);
  }

  @Override
  public EventProfile event(String eventId) {
    return readThrough(eventCache, events, eventId, ClusterReads.Kind.EVENTS, ProfileCodec::event);
  }

  @Override
  public void putEvent(EventProfile event) {
    events.put(event.eventId(), ProfileCodec.event(event));
    eventCache.put(event.eventId(), event);
  }

  @Override
  public void deleteEvent(String eventId) {
    events.delete(eventId);
    eventCache.remove(eventId);
  }

  @Override
  public List<String> postings(String key) {
    List<String> ids = postingsCache.get(key);
    if (ids != null) {
      reads.hit(ClusterReads.Kind.POSTINGS);
      return ids;
    }
    String stored = postings.get(key);
    reads.miss(ClusterReads.Kind.POSTINGS, stored == null ? 0 : stored.length());
    ids = stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(SEPARATOR));
    postingsCache.put(key, ids);
    return ids;
  }

  @Override
  public void putPostings(String key, List<String> eventIds) {
    List<String> ids = List.copyOf(eventIds);
    if (ids.isEmpty()) {
      postings.delete(key);
    } else {
      postings.put(key, String.join(SEPARATOR, ids));
    }
    postingsCache.put(key, ids);
  }

  @Override
  public String eventOf(String articleId) {
    return placements.get(articleId);
  }

  @Override
  public void placeArticle(String articleId, String eventId) {
    placements.put(articleId, eventId);
  }

  @Override
  public void forgetArticle(String articleId) {
    placements.delete(articleId);
    profiles.delete(articleId);
    profileCache.remove(articleId);
  }

  @Override
  public ArticleProfile profile(String articleId) {
    return readThrough(
        profileCache, profiles, articleId, ClusterReads.Kind.REPORTS, ProfileCodec::article);
  }

  private <V> V readThrough(
      RecentlyUsed<V> cache,
      KeyValueStore<String, byte[]> store,
      String key,
      ClusterReads.Kind kind,
      Function<byte[], V> decode) {
    V value = cache.get(key);
    if (value != null) {
      reads.hit(kind);
    } else {
      byte[] stored = store.get(key);
      reads.miss(kind, stored == null ? 0 : stored.length);
      if (stored != null) {
        value = decode.apply(stored);
        cache.put(key, value);
      }
    }
    return value;
  }

  @Override
  public void putProfile(ArticleProfile profile) {
    profiles.put(profile.id(), ProfileCodec.article(profile));
    profileCache.put(profile.id(), profile);
  }
}
