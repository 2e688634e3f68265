package io.copydesk.enrich.cluster;

import io.copydesk.contract.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online event clustering. Each article joins the most similar open event, or opens a new one.
 * Similarity mixes what an event is about (TF-IDF cosine of content terms, with document
 * frequencies kept in state, so rare words such as names of places and weapons weigh most) with who
 * and where (cosine of salience-weighted actors), and is zero across a publication-time gap larger
 * than the quiet period. Candidates come from an inverted index of actors and distinctive terms,
 * not a scan, so the cost per article does not grow with the number of events.
 *
 * <p>Deterministic: the same articles in the same order give the same events and ids. A new
 * version of an article is taken out of its event and placed again; a retraction takes it out; an
 * event left without articles is deleted.
 */
public final class EventClusterer {
  /** How many of an event's latest articles an article is also compared with. */
  private static final int RECENT_MEMBERS = 8;
  private final ClusterState state;
  private final ClusterSettings settings;

  /** The events an operation changed: a null profile means the event was deleted. */
  public record Change(String articleEventId, Map<String, EventProfile> events) {}

  public EventClusterer(ClusterState state, ClusterSettings settings) {
    this.state = state;
    this.settings = settings;
  }

  /** Places an article (or a new version of one); returns its event and every event that changed. */
  public Change place(ArticleProfile article, Instant now) {
    Map<String, EventProfile> changed = new HashMap<>();
    if (state.eventOf(article.id()) != null) {
      takeOut(article.id(), now, changed);
    }
    String best = null;
    double bestScore = 0;
    for (String candidate : state.eventsIndexedUnder(keys(article))) {
      EventProfile event = state.event(candidate);
      if (event == null || !open(event, article, now)) {
        continue;
      }
      double score = similarity(article, event);
      // Ties go to the older (smaller id sorts first in the TreeSet): deterministic.
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    state.countDocument(article.terms().keySet(), 1);
    EventProfile event;
    if (best != null && bestScore >= settings.threshold()) {
      EventProfile before = state.event(best);
      state.unindex(best, before.indexKeys());
      event = before.plus(article, now);
    } else {
      event = EventProfile.open(eventIdFor(article.id()), article, now);
    }
    event = event.indexedUnder(indexKeys(event));
    state.putEvent(event);
    state.index(event.eventId(), event.indexKeys());
    state.placeArticle(article.id(), event.eventId());
    state.putProfile(article);
    changed.put(event.eventId(), event);
    return new Change(event.eventId(), changed);
  }

  /** Takes a retracted article out of its event; returns the changed events (empty if it was in none). */
  public Change retract(String articleId, Instant now) {
    Map<String, EventProfile> changed = new HashMap<>();
    String eventId = state.eventOf(articleId);
    if (eventId != null) {
      takeOut(articleId, now, changed);
    }
    return new Change(eventId, changed);
  }

  private void takeOut(String articleId, Instant now, Map<String, EventProfile> changed) {
    String eventId = state.eventOf(articleId);
    ArticleProfile old = state.profile(articleId);
    EventProfile event = state.event(eventId);
    state.forgetArticle(articleId);
    if (old != null) {
      state.countDocument(old.terms().keySet(), -1);
    }
    if (event == null) {
      return;
    }
    state.unindex(eventId, event.indexKeys());
    EventProfile after = old == null ? event : event.minus(old, now);
    if (after.articleIds().isEmpty()) {
      state.deleteEvent(eventId);
      changed.put(eventId, null);
    } else {
      after = after.indexedUnder(indexKeys(after));
      state.putEvent(after);
      state.index(eventId, after.indexKeys());
      changed.put(eventId, after);
    }
  }

  /** A deterministic event id: from the id of the article that opened it. */
  public static String eventIdFor(String openingArticleId) {
    return "ev-" + Sha256.hex(openingArticleId).substring(0, 20);
  }

  double similarity(ArticleProfile a, EventProfile e) {
    Map<String, Double> weighted = tfidf(a.terms());
    double score = settings.termWeight() * cosine(weighted, tfidf(e.terms())) + settings.actorWeight() * cosine(a.actors(), e.actors());
    // An event's reports drift as it develops: an article close to one recent report belongs as well.
    List<String> members = e.articleIds();
    for (int i = Math.max(0, members.size() - RECENT_MEMBERS); i < members.size(); i++) {
      ArticleProfile m = state.profile(members.get(i));
      if (m != null) {
        double one = settings.termWeight() * cosine(weighted, tfidf(m.terms())) + settings.actorWeight() * cosine(a.actors(), m.actors());
        score = Math.max(score, one);
      }
    }
    // Similar stories about different people, or naming different years, are different events.
    if (disjoint(leading(a.actors(), "PERSON:"), leading(e.actors(), "PERSON:"))) {
      score *= settings.conflictFactor();
    }
    if (!a.years().isEmpty() && !e.years().isEmpty() && a.years().stream().noneMatch(e.years()::containsKey)) {
      score *= settings.conflictFactor();
    }
    return score;
  }

  /** The most salient actors of a kind: the ones a report is about. */
  private static Set<String> leading(Map<String, Double> actors, String kind) {
    double top = actors.entrySet().stream().filter(x -> x.getKey().startsWith(kind)).mapToDouble(Map.Entry::getValue).max().orElse(0);
    Set<String> leading = new java.util.HashSet<>();
    actors.forEach((k, v) -> {
      if (k.startsWith(kind) && v >= 0.5 * top) {
        leading.add(k);
      }
    });
    return leading;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    return !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains);
  }

  /** Events stay open while articles keep coming; publication times far apart are different events. */
  private boolean open(EventProfile e, ArticleProfile a, Instant now) {
    Duration quiet = Duration.ofDays(settings.quietDays());
    Instant reference = a.publishedAt() != null ? a.publishedAt() : now;
    return e.lastActive() == null || !reference.isAfter(e.lastActive().plus(quiet));
  }

  private Map<String, Double> tfidf(Map<String, Integer> counts) {
    Map<String, Double> v = new HashMap<>();
    double n = state.documents() + 1;
    counts.forEach((term, tf) -> v.put(term, (1 + Math.log(tf)) * Math.log((n + 1) / (state.documentFrequency(term) + 1))));
    return v;
  }

  private static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double other = large.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
      }
    }
    return dot == 0 ? 0 : dot / (norm(a) * norm(b));
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** Lookup keys for an article: its actors and its most distinctive terms. */
  private List<String> keys(ArticleProfile a) {
    List<String> keys = new ArrayList<>();
    a.actors().keySet().forEach(k -> keys.add("a:" + k));
    topTerms(a.terms()).forEach(t -> keys.add("t:" + t));
    return keys;
  }

  /** Index keys of an event: its actors and the most distinctive of its terms. */
  private List<String> indexKeys(EventProfile e) {
    List<String> keys = new ArrayList<>();
    e.actors().keySet().forEach(k -> keys.add("a:" + k));
    topTerms(e.terms()).forEach(t -> keys.add("t:" + t));
    return keys;
  }

  private List<String> topTerms(Map<String, Integer> counts) {
    Map<String, Double> weights = tfidf(counts);
    return weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.indexTerms())
        .map(Map.Entry::getKey)
        .toList();
  }

}
