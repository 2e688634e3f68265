package io.copydesk.enrich.cluster;

import io.copydesk.contract.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;

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
 * event left without articles is deleted; an event whose latest reports fall apart into two groups
 * (two similar incidents that met early) is split in two.
 */
public final class EventClusterer {
  /** Document-frequency keys of actors start with this; terms never do. */
  private static final String ACTOR_KEY = "@";
  private static final String PERSON = "PERSON:";
  private static final List<String> PLACES = List.of("GPE:", "LOC:");
  /** The counter of documents; terms and actor keys never start with '#'. */
  private static final String DOCUMENTS = "#documents";
  private final ClusterState state;
  /** An event is indexed under at most this many of its actors, the most salient: enough to be found. */
  private static final int INDEX_ACTORS = 24;
  private final Map<String, Double> idf = new HashMap<>();
  /** The document count behind {@link #idf}: read once per operation, not once per term. */
  private long documents;
  private final ClusterSettings settings;
  private final JoinModel model;

  /**
   * What placing articles has cost so far, counted in comparisons rather than time: it shows whether
   * the cost per article stays flat as events pile up, whatever else the machine is doing.
   *
   * @param reportPairsGrouped pairs of an event's latest reports compared to decide whether it splits
   */
  public record Work(long placements, long eventsScored, long reportsCompared, long eventsClosed, long reportPairsGrouped) {}

  private long placements;
  private long eventsScored;
  private long reportsCompared;
  /** Candidates found past their quiet period and taken out of the index (by placing or filing). */
  private long eventsClosed;
  /** Pairs of an event's reports compared to see whether it should split. */
  private long reportPairsGrouped;

  /**
   * The events an operation changed (a null profile means the event was deleted), and the splits it
   * made: articles that moved to a new event without being placed again.
   */
  public record Change(String articleEventId, Map<String, EventProfile> events, List<Split> splits) {
    public Change(String articleEventId, Map<String, EventProfile> events) {
      this(articleEventId, events, List.of());
    }
  }

  /** Articles that left event {@code from} for the new event {@code to}, in their order there. */
  public record Split(String from, String to, List<String> articleIds) {}

  public EventClusterer(ClusterState state, ClusterSettings settings) {
    this(state, settings, JoinModel.builtIn());
  }

  /** With a join model other than the built-in one: for fitting and evaluating models. */
  public EventClusterer(ClusterState state, ClusterSettings settings, JoinModel model) {
    this.state = state;
    this.settings = settings;
    this.model = model;
  }

  /** A candidate event and what was measured of the article against it ({@link JoinModel#FEATURES}). */
  public record Measured(String eventId, double[] features) {}

  /** Places an article (or a new version of one); returns its event and every event that changed. */
  public Change place(ArticleProfile article, Instant now) {
    placements++;
    Map<String, EventProfile> changed = new TreeMap<>();
    if (state.eventOf(article.id()) != null) {
      takeOut(article.id(), now, changed);
    }
    forgetIdf();
    String best = null;
    double bestScore = 0;
    for (Measured m : measureOpen(article, now)) {
      double p = rounded(model.probability(m.features()));
      // Only a higher probability displaces, over candidates in a fixed order: deterministic.
      if (p > bestScore) {
        best = m.eventId();
        bestScore = p;
      }
    }
    return join(article, best != null && bestScore >= settings.threshold() ? best : null, now, changed, true);
  }

  /**
   * What the join model sees of the article against each open candidate event, without placing it:
   * for fitting a model on labelled articles (which are then filed under their known events).
   */
  public List<Measured> measure(ArticleProfile article, Instant now) {
    forgetIdf();
    return measureOpen(article, now);
  }

  /**
   * Measures the article against the open candidates. The events as wholes first (one comparison
   * each), then the recent reports of the closest few as wholes: most candidates share only a common
   * name or word, and reading their reports would cost most.
   */
  private List<Measured> measureOpen(ArticleProfile article, Instant now) {
    Vector terms = new Vector(tfidf(article.terms()));
    Vector actors = new Vector(actorWeights(article.actors()));
    List<Scored> wholes = new ArrayList<>();
    for (EventProfile event : openCandidates(article, now)) {
      eventsScored++;
      wholes.add(new Scored(event, rounded(centroidSimilarity(article, terms, actors, event))));
    }
    // Stable sort over candidates in a fixed order: deterministic.
    wholes.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<Measured> measured = new ArrayList<>(wholes.size());
    for (int i = 0; i < wholes.size(); i++) {
      EventProfile e = wholes.get(i).event();
      double[] whole = cosines(terms, actors, e.terms(), e.actors(), e.norms());
      boolean person = personConflict(article, e.actors());
      boolean year = yearConflict(article, e.years().keySet());
      boolean day = dayConflict(article, mainDays(e.days()));
      int wholeConflicts = (person ? 1 : 0) + (year ? 1 : 0) + (day ? 1 : 0);
      Member member = i < settings.closestEvents() ? closestMember(article, terms, actors, e)
          : new Member(whole[0], whole[1], wholeConflicts, false);
      boolean agreeing = wholeConflicts == 0 && member.conflicts() == 0;
      double[] f = {
          whole[0], whole[1], member.terms(), member.actors(),
          person ? 1 : 0, year ? 1 : 0, day ? 1 : 0, member.conflicts(),
          member.sharedNumber() ? 1 : 0, logGapDays(article, e), undated(article, e) ? 1 : 0,
          agreeing ? whole[0] : 0, agreeing ? whole[1] : 0, Math.log1p(e.articleIds().size()),
          placeConflict(article, e.actors()) ? 1 : 0};
      for (int k = 0; k < f.length; k++) {
        f[k] = rounded(f[k]);
      }
      measured.add(new Measured(e.eventId(), f));
    }
    return measured;
  }

  /** The recent report most like the article (as the hand-made pair score sees it), and whether any gives the same number. */
  private record Member(double terms, double actors, int conflicts, boolean sharedNumber) {}

  /** An event's reports drift as it develops: the article against its recent reports one by one. */
  private Member closestMember(ArticleProfile a, Vector terms, Vector actors, EventProfile e) {
    Member best = new Member(0, 0, 0, false);
    double bestScore = -1;
    boolean shared = false;
    List<String> members = e.articleIds();
    for (int i = Math.max(0, members.size() - settings.recentMembers()); i < members.size(); i++) {
      ArticleProfile m = state.profile(members.get(i));
      if (m == null) {
        continue;
      }
      reportsCompared++;
      // A report's lengths are computed afresh: the frequencies of a developing story's words move
      // fastest while it is being reported, and lengths from its placement would score it as of then.
      double[] c = cosines(terms, actors, m.terms(), m.actors(), Norms.UNKNOWN);
      int conflicts = (personConflict(a, m.actors()) ? 1 : 0) + (yearConflict(a, m.years()) ? 1 : 0)
          + (dayConflict(a, m.days()) ? 1 : 0);
      boolean sameNumber = !disjoint(a.numbers(), m.numbers());
      shared |= sameNumber;
      double one = (settings.termWeight() * c[0] + settings.actorWeight() * c[1]) * Math.pow(settings.conflictFactor(), conflicts)
          * (sameNumber ? settings.sharedNumberBoost() : 1);
      if (rounded(one) > bestScore) {
        bestScore = rounded(one);
        best = new Member(c[0], c[1], conflicts, false);
      }
    }
    return new Member(best.terms(), best.actors(), best.conflicts(), shared);
  }

  private static boolean undated(ArticleProfile a, EventProfile e) {
    return a.publishedAt() == null || e.lastActive() == null;
  }

  /** Days between the article's publication and the event's latest report, as log(1 + days); 0 when undated. */
  private static double logGapDays(ArticleProfile a, EventProfile e) {
    if (undated(a, e)) {
      return 0;
    }
    double days = Math.abs(Duration.between(e.lastActive(), a.publishedAt()).toSeconds()) / 86400.0;
    return Math.log1p(days);
  }

  /**
   * Files an article under an event known beforehand, without scoring: for loading a state whose
   * events are already decided (the clustering benchmark fills its state this way, since scoring a
   * million fill articles would take hours). A null or unknown event id opens a new event.
   */
  public Change file(ArticleProfile article, String eventId, Instant now) {
    Map<String, EventProfile> changed = new TreeMap<>();
    if (state.eventOf(article.id()) != null) {
      takeOut(article.id(), now, changed);
    }
    forgetIdf();
    // The lookup is not needed to decide, but it closes the stale events it meets, as placing would:
    // a filled state then holds what a running clusterer leaves behind, not a backlog of closings.
    openCandidates(article, now);
    return join(article, eventId != null && state.event(eventId) != null ? eventId : null, now, changed, false);
  }

  /**
   * Adds the article to an event (a new one when null) and records it everywhere; when placing (not
   * filing), an event it joined may then split.
   */
  private Change join(ArticleProfile article, String eventId, Instant now, Map<String, EventProfile> changed, boolean refine) {
    countDocument(documentKeys(article), 1);
    EventProfile event = eventId != null
        ? state.event(eventId).plus(article, now)
        : EventProfile.open(freshEventId(article.id()), article, now);
    reindex(event);
    state.placeArticle(article.id(), event.eventId());
    state.putProfile(article);
    changed.put(event.eventId(), state.event(event.eventId()));
    List<Split> splits = refine && eventId != null ? splitIfApart(state.event(eventId), now, changed) : List.of();
    String placedIn = event.eventId();
    for (Split split : splits) {
      if (split.articleIds().contains(article.id())) {
        placedIn = split.to();
      }
    }
    return new Change(placedIn, changed, splits);
  }

  /**
   * Two similar incidents can meet in one event while one report of each is all there is; later
   * reports then join whichever they resemble, and the event holds two groups that resemble each
   * other much less than themselves. The newer group then leaves as an event of its own (its id from
   * its first report, so a replay splits alike). Only the latest reports are examined: the cost per
   * article stays bounded. Articles moved are not placed again.
   */
  private List<Split> splitIfApart(EventProfile event, Instant now, Map<String, EventProfile> changed) {
    ClusterSettings.Split rule = settings.split();
    List<String> ids = event.articleIds();
    if (rule.ratio() <= 0 || !checkedAt(ids.size(), Math.max(1, rule.minArticles()))) {
      return List.of();
    }
    List<String> window = ids.subList(Math.max(0, ids.size() - rule.window()), ids.size());
    List<ArticleProfile> reports = new ArrayList<>();
    for (String id : window) {
      ArticleProfile p = state.profile(id);
      if (p == null) {
        return List.of(); // state from before profiles were kept: not enough to judge
      }
      reports.add(p);
    }
    TwoGroups groups = TwoGroups.of(similarities(reports));
    if (groups.first().size() < rule.minArticles() || groups.second().size() < rule.minArticles()
        || groups.between() >= rule.ratio() * groups.within()) {
      return List.of();
    }
    EventProfile kept = event;
    EventProfile split = null;
    List<String> moved = new ArrayList<>();
    for (int i : groups.second()) {
      ArticleProfile p = reports.get(i);
      kept = kept.minus(p, now);
      split = split == null ? EventProfile.open(freshEventId(p.id()), p, now) : split.plus(p, now);
      moved.add(p.id());
    }
    reindex(kept);
    reindex(split);
    String to = split.eventId();
    moved.forEach(id -> state.placeArticle(id, to));
    changed.put(kept.eventId(), state.event(kept.eventId()));
    changed.put(to, state.event(to));
    return List.of(new Split(kept.eventId(), to, moved));
  }

  /**
   * Whether an event of this many reports is checked for a split: at 2, 3, 4, 6, 8, 12, 16, ... times
   * the smallest part (each size a half or a third more than the last). Mixed events are met early,
   * while one report of each incident is all there is, and a check every few joins of a long-running
   * story would cost the most where it is least needed; the checks per event grow with the log of
   * its size.
   */
  static boolean checkedAt(int size, int least) {
    if (size % least != 0 || size < 2 * least) {
      return false;
    }
    int k = size / least;
    int odd = k / Integer.lowestOneBit(k);
    return odd == 1 || odd == 3;
  }

  /** Pairwise similarity of reports, as one report is compared with another when placing. */
  private double[][] similarities(List<ArticleProfile> reports) {
    // The frequencies remembered since the article was counted are current: nothing counted since.
    int n = reports.size();
    List<Vector> terms = new ArrayList<>();
    List<Vector> actors = new ArrayList<>();
    List<Norms> norms = new ArrayList<>(); // each report's lengths once, not once per pair
    for (ArticleProfile p : reports) {
      terms.add(new Vector(tfidf(p.terms())));
      actors.add(new Vector(actorWeights(p.actors())));
      norms.add(normsOf(p.terms(), p.actors()));
    }
    double[][] similarity = new double[n][n];
    reportPairsGrouped += n * (n - 1L) / 2;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        ArticleProfile other = reports.get(j);
        double one = pair(terms.get(i), actors.get(i), other.terms(), other.actors(), norms.get(j))
            * conflicts(reports.get(i), other.actors(), other.years(), other.days());
        similarity[i][j] = rounded(one);
        similarity[j][i] = similarity[i][j];
      }
    }
    return similarity;
  }

  public Work work() {
    return new Work(placements, eventsScored, reportsCompared, eventsClosed, reportPairsGrouped);
  }

  /** Takes a retracted article out of its event; returns the changed events (empty if it was in none). */
  public Change retract(String articleId, Instant now) {
    Map<String, EventProfile> changed = new TreeMap<>();
    forgetIdf();
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
      countDocument(documentKeys(old), -1);
    }
    if (event == null) {
      return;
    }
    EventProfile after = old == null ? event : event.minus(old, now);
    if (after.articleIds().isEmpty()) {
      unindex(eventId, event.indexKeys());
      state.deleteEvent(eventId);
      changed.put(eventId, null);
    } else {
      reindex(after);
      changed.put(eventId, state.event(eventId));
    }
  }

  /**
   * The open events among the candidates. A closed one met here leaves the index (the hot state);
   * its profile stays for late versions and kills.
   */
  private List<EventProfile> openCandidates(ArticleProfile article, Instant now) {
    List<EventProfile> open = new ArrayList<>();
    for (String candidate : candidates(article)) {
      EventProfile event = state.event(candidate);
      if (event == null) {
        continue;
      }
      if (open(event, article, now)) {
        open.add(event);
      } else {
        eventsClosed++;
        unindex(candidate, event.indexKeys());
        state.putEvent(event.indexedUnder(List.of()));
      }
    }
    return open;
  }

  /**
   * Events sharing keys with the article, most shared keys first, at most {@code candidates}: the
   * cost of placing an article does not grow with the number of events in state.
   */
  private List<String> candidates(ArticleProfile article) {
    Map<String, Integer> hits = new HashMap<>();
    for (String key : keys(article)) {
      for (String eventId : state.postings(key)) {
        hits.merge(eventId, 1, Integer::sum);
      }
    }
    return hits.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(settings.candidates())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Stores the event and moves its index entries to the keys it has now. */
  private void reindex(EventProfile event) {
    List<String> before = event.indexKeys();
    List<String> now = indexKeys(event);
    Set<String> keep = new HashSet<>(now);
    unindex(event.eventId(), before.stream().filter(k -> !keep.contains(k)).toList());
    Set<String> had = new HashSet<>(before);
    for (String key : now) {
      if (!had.contains(key)) {
        List<String> ids = new ArrayList<>(state.postings(key));
        ids.remove(event.eventId());
        ids.add(event.eventId());
        // Postings keep the latest events: a name in every report must not make lookups grow without end.
        state.putPostings(key, ids.size() > settings.postings() ? ids.subList(ids.size() - settings.postings(), ids.size()) : ids);
      }
    }
    // Lengths as of this change: scoring the event as a candidate then needs no frequency of its terms.
    state.putEvent(event.indexedUnder(now).withNorms(normsOf(event.terms(), event.actors())));
  }

  private void unindex(String eventId, List<String> keys) {
    for (String key : keys) {
      List<String> ids = state.postings(key);
      if (ids.contains(eventId)) {
        List<String> rest = new ArrayList<>(ids);
        rest.remove(eventId);
        state.putPostings(key, rest);
      }
    }
  }

  private void countDocument(Set<String> keys, int delta) {
    state.putCount(DOCUMENTS, state.count(DOCUMENTS) + delta);
    for (String key : keys) {
      state.putCount(key, Math.max(0, state.count(key) + delta));
    }
    forgetIdf();
  }

  /** The id of a new event: from its opening article, and unique even if that article opened one before. */
  private String freshEventId(String openingArticleId) {
    String id = eventIdFor(openingArticleId);
    for (int n = 2; state.event(id) != null; n++) {
      id = eventIdFor(openingArticleId + "#" + n);
    }
    return id;
  }

  /** A deterministic event id: from the id of the article that opened it. */
  public static String eventIdFor(String openingArticleId) {
    return "ev-" + Sha256.hex(openingArticleId).substring(0, 20);
  }

  /** A candidate event and its score as a whole. */
  private record Scored(EventProfile event, double score) {}

  /**
   * Rounded: sums over hash maps add in an order that differs between JVMs, and near-identical
   * reports tie; the last bits must not decide, so a replay in another process decides alike.
   */
  private static double rounded(double score) {
    return Math.rint(score * 1e9) / 1e9;
  }

  /** The article against the event as a whole; its weighted vectors are computed once per placement. */
  private double centroidSimilarity(ArticleProfile a, Vector terms, Vector actors, EventProfile e) {
    return pair(terms, actors, e.terms(), e.actors(), e.norms()) * conflicts(a, e.actors(), e.years().keySet(), mainDays(e.days()));
  }

  private double pair(Vector terms, Vector actors, Map<String, Integer> otherTerms, Map<String, Double> otherActors, Norms other) {
    double[] c = cosines(terms, actors, otherTerms, otherActors, other);
    return settings.termWeight() * c[0] + settings.actorWeight() * c[1];
  }

  /** The TF-IDF cosine of terms and of actors, in that order. */
  private double[] cosines(Vector terms, Vector actors, Map<String, Integer> otherTerms, Map<String, Double> otherActors, Norms other) {
    Norms known = other.known() ? other : normsOf(otherTerms, otherActors);
    double logDocuments = Math.log(documents + 2.0);
    return new double[] {
        cosine(terms, otherTerms, this::termWeight, known.terms().lengthAt(logDocuments)),
        cosine(actors, otherActors, this::actorWeight, known.actors().lengthAt(logDocuments))};
  }

  /** What gives the lengths of a profile's weighted vectors, from today's document frequencies. */
  private Norms normsOf(Map<String, Integer> terms, Map<String, Double> actors) {
    double logDocuments = Math.log(documents + 2.0);
    Norms.Sums t = Norms.Sums.NONE;
    for (Map.Entry<String, Integer> x : terms.entrySet()) {
      t = t.plus(frequencyWeight(x.getValue()), logDocuments - idf(x.getKey()));
    }
    Norms.Sums a = Norms.Sums.NONE;
    for (Map.Entry<String, Double> x : actors.entrySet()) {
      a = a.plus(x.getValue(), logDocuments - idf(ACTOR_KEY + x.getKey()));
    }
    return new Norms(t, a);
  }

  /** A weighted vector with its norm, computed once. */
  private record Vector(Map<String, Double> weights, double norm) {
    Vector(Map<String, Double> weights) {
      this(weights, EventClusterer.norm(weights));
    }
  }

  /**
   * Cosine against raw values, weighting the other side on the fly (no map built: this is the hot
   * path); the other side's length is the one recorded with it.
   */
  private <V> double cosine(Vector a, Map<String, V> other, ToDoubleBiFunction<String, V> weight, double otherLength) {
    if (a.weights().isEmpty() || other.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (Map.Entry<String, Double> x : a.weights().entrySet()) {
      V value = other.get(x.getKey());
      if (value != null) {
        dot += x.getValue() * weight.applyAsDouble(x.getKey(), value);
      }
    }
    return dot == 0 ? 0 : dot / (a.norm() * otherLength);
  }

  private double termWeight(String term, int tf) {
    return frequencyWeight(tf) * idf(term);
  }

  /** How much repeating a term in a text adds: sublinear, so one word said ten times does not swamp the rest. */
  private static double frequencyWeight(int tf) {
    return 1 + Math.log(tf);
  }

  /** By salience and by rarity: a president in every report tells events apart less than a local mayor. */
  private double actorWeight(String actor, double salience) {
    return salience * idf(ACTOR_KEY + actor);
  }


  /**
   * Similar stories about different incidents: the person each report is most about is absent from
   * the other, they name only different years, or they put their event on different days. Each such
   * contradiction multiplies the similarity by the conflict factor.
   */
  private double conflicts(ArticleProfile a, Map<String, Double> otherActors, Set<String> otherYears, Set<String> otherDays) {
    double factor = 1;
    if (personConflict(a, otherActors)) {
      factor *= settings.conflictFactor();
    }
    if (yearConflict(a, otherYears)) {
      factor *= settings.conflictFactor();
    }
    if (dayConflict(a, otherDays)) {
      factor *= settings.conflictFactor();
    }
    return factor;
  }

  private static boolean personConflict(ArticleProfile a, Map<String, Double> otherActors) {
    String mine = leadingPerson(a.actors());
    String theirs = leadingPerson(otherActors);
    return mine != null && theirs != null && (!otherActors.containsKey(mine) || !a.actors().containsKey(theirs));
  }

  /** The place each is most about (the leading LOC or GPE actor) is absent from the other. */
  private static boolean placeConflict(ArticleProfile a, Map<String, Double> otherActors) {
    String mine = leading(a.actors(), PLACES);
    String theirs = leading(otherActors, PLACES);
    return mine != null && theirs != null && (!otherActors.containsKey(mine) || !a.actors().containsKey(theirs));
  }

  private static boolean yearConflict(ArticleProfile a, Set<String> otherYears) {
    return !a.years().isEmpty() && !otherYears.isEmpty() && disjoint(a.years(), otherYears);
  }

  private static boolean dayConflict(ArticleProfile a, Set<String> otherDays) {
    return !a.days().isEmpty() && !otherDays.isEmpty() && EventDays.conflict(a.days(), otherDays);
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
    return leading(actors, List.of(PERSON));
  }

  /** The most salient actor whose key has one of these type prefixes; ties go to the first in order. */
  private static String leading(Map<String, Double> actors, List<String> types) {
    String best = null;
    double top = 0;
    for (Map.Entry<String, Double> x : new TreeMap<>(actors).entrySet()) {
      if (types.stream().anyMatch(x.getKey()::startsWith) && x.getValue() > top) {
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

  private Map<String, Double> actorWeights(Map<String, Double> actors) {
    Map<String, Double> v = new HashMap<>();
    actors.forEach((actor, salience) -> v.put(actor, actorWeight(actor, salience)));
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
    counts.forEach((term, tf) -> v.put(term, termWeight(term, tf)));
    return v;
  }

  /** Inverse document frequency, remembered while one article is placed (the state does not change meanwhile). */
  private double idf(String key) {
    Double known = idf.get(key);
    if (known == null) {
      known = Math.log((documents + 2.0) / (state.count(key) + 1));
      idf.put(key, known);
    }
    return known;
  }

  /** The counts changed (or a new operation starts): frequencies are read afresh. */
  private void forgetIdf() {
    idf.clear();
    documents = state.count(DOCUMENTS);
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

  /** Index keys of an event: its leading actors and the most distinctive of its terms, in a fixed order. */
  private List<String> indexKeys(EventProfile e) {
    List<String> keys = new ArrayList<>();
    e.actors().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(INDEX_ACTORS)
        .forEach(a -> keys.add("a:" + a.getKey()));
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
