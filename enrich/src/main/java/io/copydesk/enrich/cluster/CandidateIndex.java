package io.copydesk.enrich.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The inverted index that finds candidate events: each open event is filed under its leading actors
 * and its most distinctive terms, and an article looks up its own. Postings keep the latest events
 * and lookups return a bounded number of candidates, so the cost of placing an article does not
 * grow with the number of events in state.
 */
final class CandidateIndex {
  /**
   * An event is indexed under at most this many of its actors, the most salient: enough to be
   * found.
   */
  private static final int INDEX_ACTORS = 24;

  /** Between an event id and when it was filed, in a posting; event ids hold no space. */
  private static final char FILED = ' ';

  /** Most shared keys first, then the most recently filed, then by event id. */
  private static final Comparator<Map.Entry<String, Shared>> BEST_FIRST =
      Comparator.<Map.Entry<String, Shared>>comparingInt(e -> -e.getValue().keys)
          .thenComparingLong(e -> -e.getValue().filed)
          .thenComparing(Map.Entry::getKey);

  private final ClusterState state;
  private final ClusterSettings settings;
  private final Weighting weighting;

  CandidateIndex(ClusterState state, ClusterSettings settings, Weighting weighting) {
    this.state = state;
    this.settings = settings;
    this.weighting = weighting;
  }

  /**
   * Events sharing keys with the article, most shared keys first, at most {@code
   * cluster.candidates}. Among events sharing as many keys, the most recently filed first (then by
   * id): many more events share a common word or name with the article than are taken, and the
   * recent ones are what the articles just before read too, so their profiles are still parsed in
   * memory whatever the number of events in state, where events taken from all over the index would
   * be read and decoded from the store, more of them the larger it is. For the same reason an event
   * filed under none of the shared keys within the last {@code cluster.candidates.recent.documents}
   * placements is a candidate only when it shares at least {@code cluster.candidates.strong.keys}
   * keys: the larger the state, the more old events share two keys with an article by chance.
   */
  List<String> candidates(ArticleProfile article) {
    Map<String, Shared> hits = new HashMap<>();
    for (String key : keys(article)) {
      for (String posting : state.postings(key)) {
        int at = posting.indexOf(FILED); // once per posting: about two thousand per article
        hits.computeIfAbsent(eventIdOf(posting, at), id -> new Shared()).add(filedAt(posting, at));
      }
    }
    ClusterSettings.Recency recency = settings.recency();
    long recentFrom = weighting.documents() - recency.documents();
    // The best few of about fifteen hundred hits: kept in a heap with the worst on top, not sorted.
    int wanted = settings.candidates();
    PriorityQueue<Map.Entry<String, Shared>> best =
        new PriorityQueue<>(wanted + 1, BEST_FIRST.reversed());
    for (Map.Entry<String, Shared> hit : hits.entrySet()) {
      if (hit.getValue().eligible(recentFrom, recency.strongKeys())) {
        best.add(hit);
        if (best.size() > wanted) {
          best.poll();
        }
      }
    }
    List<Map.Entry<String, Shared>> taken = new ArrayList<>(best);
    taken.sort(BEST_FIRST);
    return taken.stream().map(Map.Entry::getKey).toList();
  }

  /**
   * What an event shares with the article: how many keys, and when it was last filed under one of
   * them (-1: unknown).
   */
  private static final class Shared {
    int keys;
    long filed = -1;

    void add(long filedAt) {
      keys++;
      filed = Math.max(filed, filedAt);
    }

    /**
     * Filed under a shared key since {@code recentFrom} (or when is unknown: a posting from before
     * the clock was kept), or sharing at least {@code strongKeys} keys.
     */
    boolean eligible(long recentFrom, int strongKeys) {
      return keys >= strongKeys || filed < 0 || filed >= recentFrom;
    }
  }

  /**
   * A posting: the event id, a space, and the number of documents counted when it was filed under
   * the key, a clock of placements that orders events by recency without reading them. Postings
   * written before the clock was kept are the event id alone.
   */
  private static String posting(String eventId, long filedAt) {
    return eventId + FILED + filedAt;
  }

  static String eventIdOf(String posting) {
    return eventIdOf(posting, posting.indexOf(FILED));
  }

  /** The event id of a posting whose separator is at {@code at} (-1: none, an older posting). */
  private static String eventIdOf(String posting, int at) {
    return at < 0 ? posting : posting.substring(0, at);
  }

  /** When the posting was filed, its separator at {@code at} (-1: none, an older posting). */
  private static long filedAt(String posting, int at) {
    if (at < 0) {
      return -1;
    }
    try {
      return Long.parseLong(posting, at + 1, posting.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The event ids of a key's postings, in their order. */
  static List<String> eventIds(List<String> postings) {
    return postings.stream().map(CandidateIndex::eventIdOf).toList();
  }

  /** Stores the event and moves its index entries to the keys it has now. */
  void reindex(EventProfile event) {
    List<String> before = event.indexKeys();
    List<String> now = indexKeys(event);
    Set<String> keep = new HashSet<>(now);
    unindex(event.eventId(), before.stream().filter(k -> !keep.contains(k)).toList());
    Set<String> had = new HashSet<>(before);
    for (String key : now) {
      if (!had.contains(key)) {
        List<String> ids = new ArrayList<>(state.postings(key));
        ids.removeIf(p -> eventIdOf(p).equals(event.eventId()));
        ids.add(posting(event.eventId(), weighting.documents()));
        // Postings keep the latest events: a name in every report must not make lookups grow
        // without end.
        state.putPostings(
            key,
            ids.size() > settings.postings()
                ? ids.subList(ids.size() - settings.postings(), ids.size())
                : ids);
      }
    }
    // Lengths as of this change: scoring the event as a candidate then needs no frequency of its
    // terms.
    state.putEvent(
        event.indexedUnder(now).withNorms(weighting.normsOf(event.terms(), event.actors())));
  }

  /** Takes the event out of these keys' postings. */
  void unindex(String eventId, List<String> keys) {
    for (String key : keys) {
      List<String> ids = state.postings(key);
      if (ids.stream().anyMatch(p -> eventIdOf(p).equals(eventId))) {
        List<String> rest = new ArrayList<>(ids);
        rest.removeIf(p -> eventIdOf(p).equals(eventId));
        state.putPostings(key, rest);
      }
    }
  }

  /** Lookup keys for an article: its actors and its most distinctive terms. */
  private List<String> keys(ArticleProfile a) {
    List<String> keys = new ArrayList<>();
    a.actors().keySet().forEach(k -> keys.add("a:" + k));
    topTerms(a.terms()).forEach(t -> keys.add("t:" + t));
    return keys;
  }

  /**
   * Index keys of an event: its leading actors and the most distinctive of its terms, in a fixed
   * order.
   */
  private List<String> indexKeys(EventProfile e) {
    List<String> keys = new ArrayList<>();
    e.actors().entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(INDEX_ACTORS)
        .forEach(a -> keys.add("a:" + a.getKey()));
    topTerms(e.terms()).forEach(t -> keys.add("t:" + t));
    return keys;
  }

  private List<String> topTerms(Map<String, Integer> counts) {
    Map<String, Double> weights = weighting.tfidf(counts);
    return weights.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.indexTerms())
        .map(Map.Entry::getKey)
        .toList();
  }
}
