package io.copydesk.enrich.cluster;

import io.copydesk.contract.CopydeskConfig;

/**
 * Tunables of event clustering (configuration keys {@code cluster.*}).
 *
 * @param threshold an article joins the best event at least this similar, else opens a new one
 * @param termWeight weight of content-term similarity (TF-IDF cosine)
 * @param actorWeight weight of actor similarity (salience-weighted cosine)
 * @param indexTerms how many of an article's most distinctive terms index its event for candidate
 *     lookup
 * @param quietDays an event whose latest report is this long before an article's publication is
 *     closed to it
 * @param conflictFactor similarity is multiplied by this for each contradiction: leading people,
 *     years, event days
 * @param recentMembers how many of an event's latest articles an article is also compared with
 * @param sharedNumberBoost similarity to a report is multiplied by this when both give the same
 *     specific number
 * @param candidates at most this many events, those sharing most index keys with the article, are
 *     scored
 * @param postings an index key lists at most this many events, the latest: lookups stay flat as
 *     events pile up
 * @param recency which candidates the index may return: those filed lately, or sharing enough keys
 * @param closestEvents the reports of only this many candidates, the closest as wholes, are
 *     compared one by one
 * @param split when an event's latest reports fall apart into two groups, it is split in two
 * @param merge when an article bridges two events, they are merged into one
 */
public record ClusterSettings(
    double threshold,
    double termWeight,
    double actorWeight,
    int indexTerms,
    long quietDays,
    double conflictFactor,
    int recentMembers,
    double sharedNumberBoost,
    int candidates,
    int postings,
    Recency recency,
    int closestEvents,
    Split split,
    Merge merge) {

  /**
   * When an event is split: its latest {@code window} reports, grouped in two by average-link
   * similarity, are split when the mean similarity between the groups is below {@code ratio} times
   * the mean within the less cohesive group, and each group has at least {@code minArticles}. A
   * ratio of 0 never splits.
   */
  public record Split(double ratio, int minArticles, int window) {}

  /**
   * Which events sharing keys with an article are candidates: an event last filed under a shared
   * key more than {@code documents} placements ago is one only if it shares at least {@code
   * strongKeys} keys. One or two names or words shared with an old event are mostly chance, and
   * reading such events from all over the state made the cost per article grow with the state; a
   * follow-up long after (a trial, an anniversary) shares the names, the place and the rare words.
   */
  public record Recency(long documents, int strongKeys) {}

  /**
   * When two events are merged ({@link EventMerger}): an article placed in one reaches {@code
   * threshold} (a join probability) with the other too, and each of the smaller event's latest
   * {@code reports} reaches it against the larger. A threshold of 1 never merges.
   */
  public record Merge(double threshold, int reports) {}

  /**
   * From the {@code cluster.*} keys, each checked: a probability, weights and factors not below 0,
   * counts of at least 1.
   */
  public static ClusterSettings from(CopydeskConfig config) {
    double any = Double.POSITIVE_INFINITY;
    int many = Integer.MAX_VALUE;
    return new ClusterSettings(
        config.decimal("cluster.threshold", 0, 1),
        config.decimal("cluster.weight.terms", 0, any),
        config.decimal("cluster.weight.actors", 0, any),
        config.integer("cluster.index.terms", 1, many),
        config.integer("cluster.quiet.days", 1, many),
        config.decimal("cluster.conflict.factor", 0, 1),
        config.integer("cluster.recent.members", 0, many),
        config.decimal("cluster.boost.shared.number", 0, any),
        config.integer("cluster.candidates", 1, many),
        config.integer("cluster.index.postings", 1, many),
        new Recency(
            config.integer("cluster.candidates.recent.documents", 1, many),
            config.integer("cluster.candidates.strong.keys", 1, many)),
        config.integer("cluster.closest.events", 0, many),
        new Split(
            config.decimal("cluster.split.ratio", 0, any),
            config.integer("cluster.split.min.articles", 1, many),
            config.integer("cluster.split.window", 2, many)),
        new Merge(
            config.decimal("cluster.merge.threshold", 0, 1),
            config.integer("cluster.merge.reports", 1, many)));
  }

  public ClusterSettings withThreshold(double t) {
    return with(t, candidates, recency, split, merge);
  }

  /** The same settings scoring another number of candidates per article. */
  public ClusterSettings withCandidates(int n) {
    return with(threshold, n, recency, split, merge);
  }

  /** The same settings merging at another threshold (1: never). */
  public ClusterSettings withMergeThreshold(double t) {
    return with(threshold, candidates, recency, split, new Merge(t, merge.reports()));
  }

  /** The same settings splitting by another rule. */
  public ClusterSettings withSplit(Split s) {
    return with(threshold, candidates, recency, s, merge);
  }

  private ClusterSettings with(double t, int c, Recency r, Split s, Merge m) {
    return new ClusterSettings(
        t,
        termWeight,
        actorWeight,
        indexTerms,
        quietDays,
        conflictFactor,
        recentMembers,
        sharedNumberBoost,
        c,
        postings,
        r,
        closestEvents,
        s,
        m);
  }
}
