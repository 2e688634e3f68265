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
import java.util.TreeMap;
import java.util.TreeSet;

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
  /** Document-frequency keys of actors start with this; terms never do. */
  private static final String ACTOR_KEY = "@";
  private static final String PERSON = "PERSON:";
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
    state.countDocument(documentKeys(article), 1);
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
      state.countDocument(documentKeys(old), -1);
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
    Map<String, Double> terms = tfidf(a.terms());
    Map<String, Double> actors = actorWeights(a.actors());
    double score = pair(terms, actors, tfidf(e.terms()), actorWeights(e.actors()))
        * conflicts(a, e.actors(), e.years().keySet(), mainDays(e.days()));
    // An event's reports drift as it develops: an article close to one recent report belongs as well.
    List<String> members = e.articleIds();
    for (int i = Math.max(0, members.size() - settings.recentMembers()); i < members.size(); i++) {
      ArticleProfile m = state.profile(members.get(i));
      if (m != null) {
        double one = pair(terms, actors, tfidf(m.terms()), actorWeights(m.actors())) * conflicts(a, m.actors(), m.years(), m.days());
        if (!disjoint(a.numbers(), m.numbers())) {
          one *= settings.sharedNumberBoost(); // two reports giving the same specific count or amount
        }
        score = Math.max(score, one);
      }
    }
    return score;
  }

  private double pair(Map<String, Double> termsA, Map<String, Double> actorsA, Map<String, Double> termsB, Map<String, Double> actorsB) {
    return settings.termWeight() * cosine(termsA, termsB) + settings.actorWeight() * cosine(actorsA, actorsB);
  }

  /**
   * Similar stories about different incidents: the person each report is most about is absent from
   * the other, they name only different years, or they put their event on different days. Each such
   * contradiction multiplies the similarity by the conflict factor.
   */
  private double conflicts(ArticleProfile a, Map<String, Double> otherActors, Set<String> otherYears, Set<String> otherDays) {
    double factor = 1;
    String mine = leadingPerson(a.actors());
    String theirs = leadingPerson(otherActors);
    if (mine != null && theirs != null && (!otherActors.containsKey(mine) || !a.actors().containsKey(theirs))) {
      factor *= settings.conflictFactor();
    }
    if (!a.years().isEmpty() && !otherYears.isEmpty() && disjoint(a.years(), otherYears)) {
      factor *= settings.conflictFactor();
    }
    if (!a.days().isEmpty() && !otherDays.isEmpty() && EventDays.conflict(a.days(), otherDays)) {
      factor *= settings.conflictFactor();
    }
    return factor;
  }

  /** The days most of an event's reports give: a stray mention does not make every day compatible. */
  private static Set<String> mainDays(Map<String, Integer> days) {
    int top = days.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Set<String> main = new TreeSet<>();
    days.forEach((d, n) -> {
      if (2 * n >= top) {
        main.add(d);
      }
    });
    return main;
  }

  /** The most salient person; ties go to the first name in order, so the choice is deterministic. */
  private static String leadingPerson(Map<String, Double> actors) {
    String best = null;
    double top = 0;
    for (Map.Entry<String, Double> x : new TreeMap<>(actors).entrySet()) {
      if (x.getKey().startsWith(PERSON) && x.getValue() > top) {
        best = x.getKey();
        top = x.getValue();
      }
    }
    return best;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    return small.stream().noneMatch(large::contains);
  }

  /** Events stay open while articles keep coming; publication times far apart are different events. */
  private boolean open(EventProfile e, ArticleProfile a, Instant now) {
    Duration quiet = Duration.ofDays(settings.quietDays());
    Instant reference = a.publishedAt() != null ? a.publishedAt() : now;
    return e.lastActive() == null || !reference.isAfter(e.lastActive().plus(quiet));
  }

  /** Actors weighted by salience and by rarity: a president in every report tells events apart less than a local mayor. */
  private Map<String, Double> actorWeights(Map<String, Double> actors) {
    Map<String, Double> v = new HashMap<>();
    double n = state.documents() + 1;
    actors.forEach((actor, salience) -> v.put(actor, salience * Math.log((n + 1) / (state.documentFrequency(ACTOR_KEY + actor) + 1))));
    return v;
  }

  /** What an article adds to the document frequencies: its terms and its actors (marked apart). */
  private static Set<String> documentKeys(ArticleProfile a) {
    Set<String> keys = new java.util.HashSet<>(a.terms().keySet());
    a.actors().keySet().forEach(actor -> keys.add(ACTOR_KEY + actor));
    return keys;
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
  List<String> keys(ArticleProfile a) {
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
