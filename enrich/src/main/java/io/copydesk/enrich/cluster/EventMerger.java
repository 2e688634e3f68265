package io.copydesk.enrich.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inverse of {@link EventSplitter}. Copy out of order (a backfill in file-name order, a desk
 * mixing archive and new copy) can bring two reports of one event far apart, and each opens an
 * event before the report that bridges them arrives. When an article placed in one event also
 * reaches the merge threshold with another candidate, the smaller of the two is measured against
 * the larger, its latest reports one by one, by the same join model that places articles; when
 * every one of them reaches the threshold, the smaller event's articles move into the larger one
 * and the smaller event is deleted.
 *
 * <p>Guards against chaining look-alike incidents: the bridging article alone never merges (each of
 * the smaller event's reports must join the larger on its own evidence, with its own contradictions
 * weighed); and a merge whose latest reports the split check would pull apart again is not made, so
 * the two never undo each other. Deterministic: candidates in order of probability, the larger
 * event survives (the one the article joined on a tie). The cost is a few measurements, and only
 * for an article that reaches two events.
 */
final class EventMerger {
  private final ClusterState state;
  private final ClusterSettings.Merge rule;
  private final JoinModel model;
  private final JoinFeatures features;
  private final CandidateIndex index;
  private final EventSplitter splitter;
  private final ClusterWork work;

  EventMerger(
      ClusterState state,
      ClusterSettings.Merge rule,
      JoinModel model,
      JoinFeatures features,
      CandidateIndex index,
      EventSplitter splitter,
      ClusterWork work) {
    this.state = state;
    this.rule = rule;
    this.model = model;
    this.features = features;
    this.index = index;
    this.splitter = splitter;
    this.work = work;
  }

  /** Whether an article's probability with a second event makes that event worth testing. */
  boolean bridges(double probability) {
    return rule.threshold() < 1 && probability >= rule.threshold();
  }

  /**
   * Merges into the event {@code joined} (which the article has just joined) each of {@code
   * bridged} (the other candidates it reached, most probable first) that passes the test; records
   * the changed events (a merged-away event as null) and returns the merges in the order made.
   */
  List<EventClusterer.Merge> mergeBridged(
      ArticleProfile article,
      String joined,
      List<String> bridged,
      Instant now,
      Map<String, EventProfile> changed) {
    List<EventClusterer.Merge> merges = new ArrayList<>();
    String survivor = joined;
    for (String other : bridged) {
      EventProfile a = state.event(survivor);
      EventProfile b = state.event(other);
      if (a == null || b == null || other.equals(survivor)) {
        continue;
      }
      boolean keepA = a.articleIds().size() >= b.articleIds().size();
      EventProfile larger = keepA ? a : b;
      EventProfile smaller = keepA ? b : a;
      EventProfile merged = mergedIfOne(larger, smaller, article, now);
      if (merged == null) {
        continue;
      }
      index.unindex(smaller.eventId(), smaller.indexKeys());
      state.deleteEvent(smaller.eventId());
      index.reindex(merged);
      for (String id : smaller.articleIds()) {
        state.placeArticle(id, larger.eventId());
      }
      changed.put(smaller.eventId(), null);
      changed.put(larger.eventId(), state.event(larger.eventId()));
      merges.add(
          new EventClusterer.Merge(smaller.eventId(), larger.eventId(), smaller.articleIds()));
      survivor = larger.eventId();
    }
    return merges;
  }

  /**
   * The larger event with the smaller one's articles, when they report one event; else null. The
   * smaller one's latest reports other than the bridging article must each reach the threshold
   * against the larger without it: the bridge only triggers the test (a roundup naming two
   * look-alike incidents must not chain them). And the merged event's latest reports must not fall
   * apart as the split check sees them.
   */
  private EventProfile mergedIfOne(
      EventProfile larger, EventProfile smaller, ArticleProfile bridge, Instant now) {
    List<ArticleProfile> reports = new ArrayList<>();
    for (String id : smaller.articleIds()) {
      ArticleProfile p = state.profile(id);
      if (p == null) {
        return null; // state from before profiles were kept: not enough to judge
      }
      reports.add(p);
    }
    List<ArticleProfile> own = reports.stream().filter(p -> !p.id().equals(bridge.id())).toList();
    EventProfile without =
        larger.articleIds().contains(bridge.id()) ? larger.minus(bridge, now) : larger;
    if (own.isEmpty() || without.articleIds().isEmpty()) {
      return null;
    }
    for (ArticleProfile p : own.subList(Math.max(0, own.size() - rule.reports()), own.size())) {
      work.mergeReportsMeasured++;
      List<EventClusterer.Measured> m = features.measure(p, List.of(without));
      if (m.isEmpty()
          || Weighting.rounded(model.probability(m.get(0).features())) < rule.threshold()) {
        return null;
      }
    }
    EventProfile merged = larger;
    for (ArticleProfile p : reports) {
      merged = merged.plus(p, now);
    }
    List<ArticleProfile> latest = new ArrayList<>();
    for (String id : splitter.window(merged.articleIds())) {
      ArticleProfile p = state.profile(id);
      if (p == null) {
        return null;
      }
      latest.add(p);
    }
    return splitter.apart(latest) == null ? merged : null;
  }
}
