package io.copydesk.enrich.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Two similar incidents can meet in one event while one report of each is all there is; later
 * reports then join whichever they resemble, and the event holds two groups that resemble each
 * other much less than themselves. The newer group then leaves as an event of its own (its id from
 * its first report, so a replay splits alike). Only the latest reports are examined, at a schedule
 * that grows with the log of the event's size: the cost per article stays bounded. Articles moved
 * are not placed again.
 */
final class EventSplitter {
  private final ClusterState state;
  private final ClusterSettings.Split rule;
  private final Weighting weighting;
  private final CandidateIndex index;
  private final ClusterWork work;
  private final UnaryOperator<String> freshEventId;

  EventSplitter(
      ClusterState state,
      ClusterSettings.Split rule,
      Weighting weighting,
      CandidateIndex index,
      ClusterWork work,
      UnaryOperator<String> freshEventId) {
    this.state = state;
    this.rule = rule;
    this.weighting = weighting;
    this.index = index;
    this.work = work;
    this.freshEventId = freshEventId;
  }

  /**
   * Splits the event if it is due for a check and its latest reports fall apart; records the
   * changed events.
   */
  List<EventClusterer.Split> splitIfApart(
      EventProfile event, Instant now, Map<String, EventProfile> changed) {
    List<String> ids = event.articleIds();
    if (rule.ratio() <= 0 || !checkedAt(ids.size(), Math.max(1, rule.minArticles()))) {
      return List.of();
    }
    List<String> window = window(ids);
    List<ArticleProfile> reports = new ArrayList<>();
    for (String id : window) {
      ArticleProfile p = state.profile(id);
      if (p == null) {
        return List.of(); // state from before profiles were kept: not enough to judge
      }
      reports.add(p);
    }
    TwoGroups groups = apart(reports);
    if (groups == null) {
      return List.of();
    }
    EventProfile kept = event;
    EventProfile split = null;
    List<String> moved = new ArrayList<>();
    for (int i : groups.second()) {
      ArticleProfile p = reports.get(i);
      kept = kept.minus(p, now);
      split =
          split == null
              ? EventProfile.open(freshEventId.apply(p.id()), p, now)
              : split.plus(p, now);
      moved.add(p.id());
    }
    index.reindex(kept);
    index.reindex(split);
    String to = split.eventId();
    moved.forEach(id -> state.placeArticle(id, to));
    changed.put(kept.eventId(), state.event(kept.eventId()));
    changed.put(to, state.event(to));
    return List.of(new EventClusterer.Split(kept.eventId(), to, moved));
  }

  /**
   * The two groups the reports fall apart into, or null when they hold together: the groups are
   * less than the split ratio as similar to each other as within, each of at least the smallest
   * part. Also what a merge must not produce ({@link EventMerger}).
   */
  TwoGroups apart(List<ArticleProfile> reports) {
    if (rule.ratio() <= 0 || reports.size() < 2) {
      return null;
    }
    TwoGroups groups = TwoGroups.of(similarities(reports));
    boolean apart =
        groups.first().size() >= rule.minArticles()
            && groups.second().size() >= rule.minArticles()
            && groups.between() < rule.ratio() * groups.within();
    return apart ? groups : null;
  }

  /** The latest reports the split check examines, out of an event's articles in order. */
  List<String> window(List<String> ids) {
    return ids.subList(Math.max(0, ids.size() - rule.window()), ids.size());
  }

  /**
   * Whether an event of this many reports is checked for a split: at 2, 3, 4, 6, 8, 12, 16, ...
   * times the smallest part (each size a half or a third more than the last). Mixed events are met
   * early, while one report of each incident is all there is, and a check every few joins of a
   * long-running story would cost the most where it is least needed; the checks per event grow with
   * the log of its size.
   */
  static boolean checkedAt(int size, int least) {
    if (size % least != 0 || size < 2 * least) {
      return false;
    }
    int k = size / least;
    int odd = k / Integer.lowestOneBit(k);
    return odd == 1 || odd == 3;
  }

  /**
   * Pairwise similarity of reports by the hand-set pair score (without the shared-number boost: a
   * number two incidents share is often what joined them).
   */
  private double[][] similarities(List<ArticleProfile> reports) {
    // The frequencies remembered since the article was counted are current: nothing counted since.
    int n = reports.size();
    List<Weighting.Vector> terms = new ArrayList<>();
    List<Weighting.Vector> actors = new ArrayList<>();
    List<Norms> norms = new ArrayList<>(); // each report's lengths once, not once per pair
    for (ArticleProfile p : reports) {
      terms.add(weighting.terms(p));
      actors.add(weighting.actors(p));
      norms.add(weighting.normsOf(p.terms(), p.actors()));
    }
    double[][] similarity = new double[n][n];
    work.reportPairsGrouped += n * (n - 1L) / 2;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        ArticleProfile other = reports.get(j);
        double one =
            weighting.cut(
                weighting.pair(
                    terms.get(i), actors.get(i), other.terms(), other.actors(), norms.get(j)),
                Contradictions.count(reports.get(i), other.actors(), other.years(), other.days()));
        similarity[i][j] = Weighting.rounded(one);
        similarity[j][i] = similarity[i][j];
      }
    }
    return similarity;
  }
}
