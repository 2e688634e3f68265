package io.copydesk.enrich.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Cluster state in memory: for evaluation, benchmarks and tests. */
public final class InMemoryClusterState implements ClusterState {
  private long documents;
  private final Map<String, Long> df = new HashMap<>();
  private final Map<String, EventProfile> events = new HashMap<>();
  private final Map<String, Set<String>> index = new HashMap<>();
  private final Map<String, String> eventOf = new HashMap<>();
  private final Map<String, ArticleProfile> profiles = new HashMap<>();

  @Override
  public long documents() {
    return documents;
  }

  @Override
  public long documentFrequency(String term) {
    return df.getOrDefault(term, 0L);
  }

  @Override
  public void countDocument(Collection<String> terms, int delta) {
    documents += delta;
    for (String t : terms) {
      df.merge(t, (long) delta, (a, b) -> a + b > 0 ? a + b : null);
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
  public Set<String> eventsIndexedUnder(Collection<String> keys) {
    Set<String> found = new TreeSet<>();
    for (String k : keys) {
      found.addAll(index.getOrDefault(k, Set.of()));
    }
    return found;
  }

  @Override
  public void index(String eventId, Collection<String> keys) {
    keys.forEach(k -> index.computeIfAbsent(k, x -> new HashSet<>()).add(eventId));
  }

  @Override
  public void unindex(String eventId, Collection<String> keys) {
    keys.forEach(k -> {
      Set<String> ids = index.get(k);
      if (ids != null) {
        ids.remove(eventId);
        if (ids.isEmpty()) {
          index.remove(k);
        }
      }
    });
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
