package io.copydesk.enrich.cluster;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.EnrichedArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What clustering compares of an article: its content terms (headline counted twice), its actors
 * weighted by salience, and its publication time when the input gave one.
 */
public record ArticleProfile(String id, Map<String, Integer> terms, Map<String, Double> actors, Instant publishedAt,
    java.util.Set<String> years) {
  static final int HEADLINE_WEIGHT = 2;

  public ArticleProfile {
    terms = Map.copyOf(terms);
    actors = Map.copyOf(actors);
    years = java.util.Set.copyOf(years);
  }

  public static ArticleProfile of(EnrichedArticle e) {
    Map<String, Integer> terms = new HashMap<>(Terms.of(e.getArticle().getBody(), 1));
    Terms.of(e.getArticle().getHeadline(), HEADLINE_WEIGHT).forEach((t, n) -> terms.merge(t, n, Integer::sum));
    return new ArticleProfile(e.getArticle().getId(), terms, actors(e.getActors()), e.getArticle().getPublishedAt(),
        years(e.getArticle().getHeadline() + " " + e.getArticle().getBody()));
  }

  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

  /** Years the text names: two reports naming only different years are about different events. */
  static java.util.Set<String> years(String text) {
    java.util.Set<String> years = new java.util.TreeSet<>();
    java.util.regex.Matcher m = YEAR.matcher(text);
    while (m.find()) {
      years.add(m.group(1));
    }
    return years;
  }

  /** Actors that identify an event: who and where, by salience; generic places count less. */
  static Map<String, Double> actors(List<Actor> actors) {
    Map<String, Double> weights = new HashMap<>();
    for (Actor a : actors) {
      double w = Math.max(0.05, a.getSalience());
      if (a.getType() == ActorType.GPE) {
        w *= 0.5; // countries recur across unrelated events
      }
      weights.merge(a.getType() + ":" + a.getName().toLowerCase(Locale.ROOT), w, Double::sum);
    }
    return weights;
  }
}
