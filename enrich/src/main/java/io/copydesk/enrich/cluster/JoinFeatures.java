package io.copydesk.enrich.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures an article against its open candidate events, as the join model reads them ({@link
 * JoinModel#FEATURES}, in that order). The events as wholes first (one comparison each), then the
 * recent reports of the closest few as wholes: most candidates share only a common name or word,
 * and reading their reports would cost most.
 */
final class JoinFeatures {
  private final ClusterState state;
  private final ClusterSettings settings;
  private final Weighting weighting;
  private final ClusterWork work;

  JoinFeatures(
      ClusterState state, ClusterSettings settings, Weighting weighting, ClusterWork work) {
    this.state = state;
    this.settings = settings;
    this.weighting = weighting;
    this.work = work;
  }

  /**
   * A candidate event measured as a whole, once: its cosines, its contradictions, and the hand-set
   * pair score that chooses which candidates' reports are read.
   */
  private record Scored(
      EventProfile event,
      double[] cosines,
      boolean person,
      boolean year,
      boolean day,
      double score) {}

  /**
   * The recent report most like the article (as the hand-set pair score sees it), and whether any
   * gives the same number.
   */
  private record Member(double terms, double actors, int conflicts, boolean sharedNumber) {}

  List<EventClusterer.Measured> measure(ArticleProfile article, List<EventProfile> open) {
    Weighting.Vector terms = weighting.terms(article);
    Weighting.Vector actors = weighting.actors(article);
    List<Scored> wholes = new ArrayList<>();
    for (EventProfile event : open) {
      work.eventsScored++;
      double[] c = weighting.cosines(terms, actors, event.terms(), event.actors(), event.norms());
      boolean person = Contradictions.person(article, event.actors());
      boolean year = Contradictions.year(article, event.years().keySet());
      boolean day = Contradictions.day(article, Contradictions.mainDays(event.days()));
      double pair = weighting.pair(c);
      int contradictions = (person ? 1 : 0) + (year ? 1 : 0) + (day ? 1 : 0);
      wholes.add(
          new Scored(
              event, c, person, year, day, Weighting.rounded(weighting.cut(pair, contradictions))));
    }
    // Stable sort over candidates in a fixed order: deterministic.
    wholes.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<EventClusterer.Measured> measured = new ArrayList<>(wholes.size());
    for (int i = 0; i < wholes.size(); i++) {
      Scored scored = wholes.get(i);
      EventProfile e = scored.event();
      double[] whole = scored.cosines();
      boolean person = scored.person();
      boolean year = scored.year();
      boolean day = scored.day();
      int wholeConflicts = (person ? 1 : 0) + (year ? 1 : 0) + (day ? 1 : 0);
      Member member =
          i < settings.closestEvents()
              ? closestMember(article, terms, actors, e)
              : new Member(whole[0], whole[1], wholeConflicts, false);
      boolean agreeing = wholeConflicts == 0 && member.conflicts() == 0;
      double[] f = {
        whole[0],
        whole[1],
        member.terms(),
        member.actors(),
        person ? 1 : 0,
        year ? 1 : 0,
        day ? 1 : 0,
        member.conflicts(),
        member.sharedNumber() ? 1 : 0,
        logGapDays(article, e),
        undated(article, e) ? 1 : 0,
        agreeing ? whole[0] : 0,
        agreeing ? whole[1] : 0,
        Math.log1p(e.articleIds().size()),
        Contradictions.place(article, e.actors()) ? 1 : 0
      };
      for (int k = 0; k < f.length; k++) {
        f[k] = Weighting.rounded(f[k]);
      }
      measured.add(new EventClusterer.Measured(e.eventId(), f));
    }
    return measured;
  }

  /** An event's reports drift as it develops: the article against its recent reports one by one. */
  private Member closestMember(
      ArticleProfile a, Weighting.Vector terms, Weighting.Vector actors, EventProfile e) {
    Member best = new Member(0, 0, 0, false);
    double bestScore = -1;
    boolean shared = false;
    List<String> members = e.articleIds();
    for (int i = Math.max(0, members.size() - settings.recentMembers()); i < members.size(); i++) {
      ArticleProfile m = state.profile(members.get(i));
      if (m == null) {
        continue;
      }
      work.reportsCompared++;
      // A report's lengths are computed afresh: the frequencies of a developing story's words move
      // fastest while it is being reported, and lengths from its placement would score it as of
      // then.
      double[] c = weighting.cosines(terms, actors, m.terms(), m.actors(), Norms.UNKNOWN);
      int conflicts = Contradictions.count(a, m.actors(), m.years(), m.days());
      boolean sameNumber = !Contradictions.disjoint(a.numbers(), m.numbers());
      shared |= sameNumber;
      double one =
          weighting.cut(weighting.pair(c), conflicts)
              * (sameNumber ? settings.sharedNumberBoost() : 1);
      if (Weighting.rounded(one) > bestScore) {
        bestScore = Weighting.rounded(one);
        best = new Member(c[0], c[1], conflicts, false);
      }
    }
    return new Member(best.terms(), best.actors(), best.conflicts(), shared);
  }

  private static boolean undated(ArticleProfile a, EventProfile e) {
    return a.publishedAt() == null || e.lastActive() == null;
  }

  /**
   * Days between the article's publication and the event's latest report, as log(1 + days); 0 when
   * undated.
   */
  private static double logGapDays(ArticleProfile a, EventProfile e) {
    if (undated(a, e)) {
      return 0;
    }
    double days = Math.abs(Duration.between(e.lastActive(), a.publishedAt()).toSeconds()) / 86400.0;
    return Math.log1p(days);
  }
}
