package io.copydesk.enrich;

import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterState;
import io.copydesk.enrich.cluster.EventProfile;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueStore;

/** The clustering state in Kafka Streams state stores (changelogged, so it survives a restart or a move). */
final class StoreClusterState implements ClusterState {
  private static final String SEPARATOR = "\n"; // event ids are hex with a prefix: never a line break
  private final KeyValueStore<String, Long> counts;
  private final KeyValueStore<String, EventProfile> events;
  private final KeyValueStore<String, String> postings;
  private final KeyValueStore<String, String> placements;
  private final KeyValueStore<String, ArticleProfile> profiles;

  StoreClusterState(ProcessingContext context, EnrichSettings.ClusterStores stores) {
    this.counts = context.getStateStore(stores.counts());
    this.events = context.getStateStore(stores.events());
    this.postings = context.getStateStore(stores.postings());
    this.placements = context.getStateStore(stores.placements());
    this.profiles = context.getStateStore(stores.profiles());
  }

  @Override
  public long count(String key) {
    Long n = counts.get(key);
    return n == null ? 0 : n;
  }

  @Override
  public void putCount(String key, long value) {
    if (value == 0) {
      counts.delete(key);
    } else {
      counts.put(key, value);
    }
  }

  @Override
  public EventProfile event(String eventId) {
    return events.get(eventId);
  }

  @Override
  public void putEvent(EventProfile event) {
    events.put(event.eventId(), event);
  }

  @Override
  public void deleteEvent(String eventId) {
    events.delete(eventId);
  }

  @Override
  public List<String> postings(String key) {
    String ids = postings.get(key);
    return ids == null || ids.isEmpty() ? List.of() : List.of(ids.split(SEPARATOR));
  }

  @Override
  public void putPostings(String key, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      postings.delete(key);
    } else {
      postings.put(key, String.join(SEPARATOR, eventIds));
    }
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
  }

  @Override
  public ArticleProfile profile(String articleId) {
    return profiles.get(articleId);
  }

  @Override
  public void putProfile(ArticleProfile profile) {
    profiles.put(profile.id(), profile);
  }
}
