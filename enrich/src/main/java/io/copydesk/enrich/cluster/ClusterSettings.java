package io.copydesk.enrich.cluster;

import io.copydesk.contract.CopydeskConfig;

/**
 * Tunables of event clustering (configuration keys {@code cluster.*}).
 *
 * @param threshold an article joins the best event at least this similar, else opens a new one
 * @param termWeight weight of content-term similarity (TF-IDF cosine)
 * @param actorWeight weight of actor similarity (salience-weighted cosine)
 * @param indexTerms how many of an article's most distinctive terms index its event for candidate lookup
 * @param quietDays an event whose latest report is this long before an article's publication is closed to it
 * @param conflictFactor similarity is multiplied by this for each contradiction: leading people, years, event days
 * @param recentMembers how many of an event's latest articles an article is also compared with
 * @param sharedNumberBoost similarity to a report is multiplied by this when both give the same specific number
 * @param candidates at most this many events, those sharing most index keys with the article, are scored
 * @param postings an index key lists at most this many events, the latest: lookups stay flat as events pile up
 * @param closestEvents the reports of only this many candidates, the closest as wholes, are compared one by one
 * @param split when an event's latest reports fall apart into two groups, it is split in two
 */
public record ClusterSettings(double threshold, double termWeight, double actorWeight, int indexTerms, long quietDays,
    double conflictFactor, int recentMembers, double sharedNumberBoost,
    int candidates, int postings, int closestEvents, Split split) {

  /**
   * When an event is split: its latest {@code window} reports, grouped in two by average-link
   * similarity, are split when the mean similarity between the groups is below {@code ratio} times
   * the mean within the less cohesive group, and each group has at least {@code minArticles}.
   * A ratio of 0 never splits.
   */
  public record Split(double ratio, int minArticles, int window) {}

  public static ClusterSettings from(CopydeskConfig config) {
    return new ClusterSettings(
        Double.parseDouble(config.string("cluster.threshold")),
        Double.parseDouble(config.string("cluster.weight.terms")),
        Double.parseDouble(config.string("cluster.weight.actors")),
        config.integer("cluster.index.terms"),
        config.integer("cluster.quiet.days"),
        Double.parseDouble(config.string("cluster.conflict.factor")),
        config.integer("cluster.recent.members"),
        Double.parseDouble(config.string("cluster.boost.shared.number")),
        config.integer("cluster.candidates"),
        config.integer("cluster.index.postings"),
        config.integer("cluster.closest.events"),
        new Split(Double.parseDouble(config.string("cluster.split.ratio")), config.integer("cluster.split.min.articles"),
            config.integer("cluster.split.window")));
  }

  public ClusterSettings withThreshold(double t) {
    return new ClusterSettings(t, termWeight, actorWeight, indexTerms, quietDays, conflictFactor, recentMembers, sharedNumberBoost, candidates, postings, closestEvents, split);
  }
}
