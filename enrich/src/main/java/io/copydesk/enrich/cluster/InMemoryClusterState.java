package io.copydesk.enrich.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cluster state in memory: for evaluation, benchmarks and tests. */
public final class InMemoryClusterState implements ClusterState {
  private final Map<String, Long> counts = new HashMap<>();
  private final Map<String, EventProfile> events = new HashMap<>();
  private final Map<String, List<String>> postings = new HashMap<>();
  private final Map<String, String> eventOf = new HashMap<>();
  private final Map<String, ArticleProfile> profiles = new HashMap<>();

  @Override
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  @Override
  public void putCount(String key, long value) {
    if (value == 0) {
      counts.remove(key);
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
    events.remove(eventId);
  }

  @Override
  public List<String> postings(String key) {
    return postings.getOrDefault(key, List.of());
  }

  @Override
  public void putPostings(String key, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      postings.remove(key);
    } else {
      postings.put(key, List.copyOf(eventIds));
    }
  }

  @Override
  public String eventOf(String articleId) {
    return eventOf.get(articleId);
  }

  @Override
  public void placeArticle(String articleId, String eventId) {
    eventOf.put(articleId, eventId);
  }

  @Override
  public void forgetArticle(String articleId) {
    eventOf.remove(articleId);
    profiles.remove(articleId);
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
