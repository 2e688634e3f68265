package io.copydesk.enrich.cluster;

import io.copydesk.contract.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Online event clustering. Each article joins the open event most likely to report the same
 * real-world event, or opens a new one. The parts, one concern each: {@link CandidateIndex} finds
 * candidate events through an inverted index of actors and distinctive terms (not a scan, so the
 * cost per article does not grow with the number of events); {@link JoinFeatures} measures the
 * article against each, over TF-IDF {@link Weighting} with document frequencies kept in state and
 * the {@link Contradictions} that tell look-alike incidents apart; a fitted {@link JoinModel} turns
 * that into a probability; {@link EventSplitter} splits an event whose latest reports fall apart
 * into two groups, and {@link EventMerger} merges two events an article bridges (copy out of
 * order). This class places, files and takes out articles and keeps the state in step. Events close
 * after a quiet period of publication time.
 *
 * <p>Deterministic: the same articles in the same order give the same events and ids. A new version
 * of an article is taken out of its event and placed again; a retraction takes it out; an event
 * left without articles is deleted.
 */
public final class EventClusterer {
  private final ClusterState state;
  private final ClusterSettings settings;
  private final JoinModel model;
  private final ClusterWork work;
  private final Weighting weighting;
  private final CandidateIndex index;
  private final JoinFeatures features;
  private final EventSplitter splitter;
  private final EventMerger merger;

  /**
   * What placing articles has cost so far, counted in comparisons rather than time (see {@link
   * ClusterWork}).
   *
   * @param reportPairsGrouped pairs of an event's latest reports compared to decide whether it
   *     splits
   * @param mergeReportsMeasured reports of a smaller event measured against a larger one to decide
   *     whether they merge
   */
  public record Work(
      long placements,
      long eventsScored,
      long reportsCompared,
      long eventsClosed,
      long reportPairsGrouped,
      long mergeReportsMeasured) {}

  /**
   * The events an operation changed (a null profile means the event was deleted), and the merges
   * and then the splits it made: articles that moved to another event without being placed again.
   */
  public record Change(
      String articleEventId,
      Map<String, EventProfile> events,
      List<Merge> merges,
      List<Split> splits) {
    public Change(String articleEventId, Map<String, EventProfile> events) {
      this(articleEventId, events, List.of(), List.of());
    }
  }

  /**
   * The event {@code from} merged into the event {@code into}, which now also holds its articles
   * (in their order there, after its own); {@code from} is deleted.
   */
  public record Merge(String from, String into, List<String> articleIds) {}

  /** Articles that left event {@code from} for the new event {@code to}, in their order there. */
  public record Split(String from, String to, List<String> articleIds) {}

  /**
   * A candidate event and what was measured of the article against it ({@link JoinModel#FEATURES}).
   */
  public record Measured(String eventId, double[] features) {}

  public EventClusterer(ClusterState state, ClusterSettings settings) {
    this(state, settings, JoinModel.builtIn());
  }

  /** With a join model other than the built-in one: for fitting and evaluating models. */
  public EventClusterer(ClusterState state, ClusterSettings settings, JoinModel model) {
    this(state, settings, model, new ClusterWork());
  }

  private EventClusterer(
      ClusterState state, ClusterSettings settings, JoinModel model, ClusterWork work) {
    this.state = state;
    this.settings = settings;
    this.model = model;
    this.work = work;
    this.weighting = new Weighting(state, settings);
    this.index = new CandidateIndex(state, settings, weighting);
    this.features = new JoinFeatures(state, settings, weighting, work);
    this.splitter =
        new EventSplitter(state, settings.split(), weighting, index, work, this::freshEventId);
    this.merger = new EventMerger(state, settings.merge(), model, features, index, splitter, work);
  }

  /**
   * Places an article (or a new version of one); returns its event and every event that changed.
   */
  public Change place(ArticleProfile article, Instant now) {
    work.placements++;
    Map<String, EventProfile> changed = new TreeMap<>();
    if (state.eventOf(article.id()) != null) {
      takeOut(article.id(), now, changed);
    }
    String best = null;
    double bestScore = 0;
    List<Measured> measured = measure(article, now);
    double[] probability = new double[measured.size()];
    for (int i = 0; i < measured.size(); i++) {
      double p = Weighting.rounded(model.probability(measured.get(i).features()));
      probability[i] = p;
      // Only a higher probability displaces, over candidates in a fixed order: deterministic.
      if (p > bestScore) {
        best = measured.get(i).eventId();
        bestScore = p;
      }
    }
    String joined = best != null && bestScore >= settings.threshold() ? best : null;
    return join(article, joined, bridged(measured, probability, joined), now, changed, true);
  }

  /**
   * The candidates other than the one joined that the article reaches well enough to test a merge,
   * most probable first (ties in candidate order).
   */
  private List<String> bridged(List<Measured> measured, double[] probability, String joined) {
    if (joined == null) {
      return List.of();
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < measured.size(); i++) {
      if (!measured.get(i).eventId().equals(joined) && merger.bridges(probability[i])) {
        order.add(i);
      }
    }
    order.sort((x, y) -> Double.compare(probability[y], probability[x]));
    return order.stream().map(i -> measured.get(i).eventId()).toList();
  }

  /**
   * What the join model sees of the article against each open candidate event, without placing it:
   * for fitting a model on labelled articles (which are then filed under their known events).
   */
  public List<Measured> measure(ArticleProfile article, Instant now) {
    weighting.forget();
    return features.measure(article, openCandidates(article, now));
  }

  /**
   * Files an article under an event known beforehand, without scoring: for loading a state whose
   * events are already decided. A null or unknown event id opens a new event. The pipeline never
   * files; this is public for one reason across modules: the tools module's {@code eval
   * fit-clusters} files each labelled article under its gold event, and {@code bench clusters}
   * fills its state so (scoring a million fill articles would take hours). Only the clusterer keeps
   * its index, weights and state in step, so the filing cannot live in the tools themselves.
   */
  public Change file(ArticleProfile article, String eventId, Instant now) {
    Map<String, EventProfile> changed = new TreeMap<>();
    if (state.eventOf(article.id()) != null) {
      takeOut(article.id(), now, changed);
    }
    weighting.forget();
    // The lookup is not needed to decide, but it closes the stale events it meets, as placing
    // would:
    // a filled state then holds what a running clusterer leaves behind, not a backlog of closings.
    openCandidates(article, now);
    return join(
        article,
        eventId != null && state.event(eventId) != null ? eventId : null,
        List.of(),
        now,
        changed,
        false);
  }

  /**
   * Takes a retracted article out of its event; returns the changed events (empty if it was in
   * none).
   */
  public Change retract(String articleId, Instant now) {
    Map<String, EventProfile> changed = new TreeMap<>();
    weighting.forget();
    String eventId = state.eventOf(articleId);
    if (eventId != null) {
      takeOut(articleId, now, changed);
    }
    return new Change(eventId, changed);
  }

  public Work work() {
    return work.snapshot();
  }

  /**
   * The event id of an entry in a key's postings ({@link ClusterState#postings}): for tools that
   * check a state's index against its events.
   */
  public static String eventOfPosting(String posting) {
    return CandidateIndex.eventIdOf(posting);
  }

  /** A deterministic event id: from the id of the article that opened it. */
  public static String eventIdFor(String openingArticleId) {
    return "ev-" + Sha256.hex(openingArticleId).substring(0, 20);
  }

  /**
   * Adds the article to an event (a new one when null) and records it everywhere; when placing (not
   * filing), the event it joined may then merge with others it bridges, and then split.
   */
  private Change join(
      ArticleProfile article,
      String eventId,
      List<String> bridged,
      Instant now,
      Map<String, EventProfile> changed,
      boolean refine) {
    weighting.countDocument(article, 1);
    EventProfile event =
        eventId != null
            ? state.event(eventId).plus(article, now)
            : EventProfile.open(freshEventId(article.id()), article, now);
    index.reindex(event);
    state.placeArticle(article.id(), event.eventId());
    state.putProfile(article);
    changed.put(event.eventId(), state.event(event.eventId()));
    List<Merge> merges =
        refine && !bridged.isEmpty()
            ? merger.mergeBridged(article, event.eventId(), bridged, now, changed)
            : List.of();
    String placedIn = event.eventId();
    for (Merge merge : merges) {
      if (merge.from().equals(placedIn)) {
        placedIn = merge.into();
      }
    }
    List<Split> splits =
        refine && eventId != null
            ? splitter.splitIfApart(state.event(placedIn), now, changed)
            : List.of();
    for (Split split : splits) {
      if (split.articleIds().contains(article.id())) {
        placedIn = split.to();
      }
    }
    return new Change(placedIn, changed, merges, splits);
  }

  private void takeOut(String articleId, Instant now, Map<String, EventProfile> changed) {
    String eventId = state.eventOf(articleId);
    ArticleProfile old = state.profile(articleId);
    EventProfile event = state.event(eventId);
    state.forgetArticle(articleId);
    if (old != null) {
      weighting.countDocument(old, -1);
    }
    if (event == null) {
      return;
    }
    EventProfile after = old == null ? event : event.minus(old, now);
    if (after.articleIds().isEmpty()) {
      index.unindex(eventId, event.indexKeys());
      state.deleteEvent(eventId);
      changed.put(eventId, null);
    } else {
      index.reindex(after);
      changed.put(eventId, state.event(eventId));
    }
  }

  /**
   * The candidates open at the article's publication time. An event out of that window is passed
   * over but stays in the index: copy can arrive out of publication order (a live desk mixing
   * backfill and new copy), and a report published before a later one arrives must still find its
   * event. Old events leave the index as newer ones fill the postings of their keys.
   */
  private List<EventProfile> openCandidates(ArticleProfile article, Instant now) {
    List<EventProfile> open = new ArrayList<>();
    for (String candidate : index.candidates(article)) {
      EventProfile event = state.event(candidate);
      if (event == null) {
        continue;
      }
      if (open(event, article, now)) {
        open.add(event);
      } else {
        work.eventsClosed++;
      }
    }
    return open;
  }

  /**
   * Events stay open while articles keep coming; publication times far apart are different events:
   * an article published more than the quiet period after an event's latest report, or before its
   * earliest, is not one of its reports.
   */
  private boolean open(EventProfile e, ArticleProfile a, Instant now) {
    Duration quiet = Duration.ofDays(settings.quietDays());
    Instant reference = a.publishedAt() != null ? a.publishedAt() : now;
    boolean afterIt = e.lastActive() != null && reference.isAfter(e.lastActive().plus(quiet));
    boolean beforeIt = e.firstActive() != null && reference.isBefore(e.firstActive().minus(quiet));
    return !afterIt && !beforeIt;
  }

  /**
   * The id of a new event: from its opening article, and unique even if that article opened one
   * before.
   */
  private String freshEventId(String openingArticleId) {
    String id = eventIdFor(openingArticleId);
    for (int n = 2; state.event(id) != null; n++) {
      id = eventIdFor(openingArticleId + "#" + n);
    }
    return id;
  }
}
