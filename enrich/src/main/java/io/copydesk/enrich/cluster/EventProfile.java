package io.copydesk.enrich.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as clustering sees it: the summed terms and actors of its articles, who they are, and
 * when it was first and last active. Sums (not averages) so an article can be added or taken out
 * exactly.
 *
 * @param firstActive the earliest publication time among its reports; null in state written before
 *     it was kept (then the event has no lower bound in time)
 * @param norms the lengths of its weighted term and actor vectors, as of its last change; {@link
 *     Norms#UNKNOWN} until clustering records them (and in state written before they were kept)
 */
public record EventProfile(
    String eventId,
    List<String> articleIds,
    Map<String, Integer> terms,
    Map<String, Double> actors,
    Instant lastActive,
    List<String> indexKeys,
    Map<String, Integer> years,
    Map<String, Integer> days,
    Norms norms,
    Instant firstActive) {

  public EventProfile {
    norms = norms == null ? Norms.UNKNOWN : norms;
  }

  static EventProfile open(String eventId, ArticleProfile first, Instant now) {
    EventProfile empty =
        new EventProfile(
            eventId,
            List.of(),
            Map.of(),
            Map.of(),
            null,
            List.of(),
            Map.of(),
            Map.of(),
            Norms.UNKNOWN,
            null);
    return empty.plus(first, now);
  }

  /**
   * The same event, recorded as indexed under these keys (so exactly these can be removed later).
   */
  EventProfile indexedUnder(List<String> keys) {
    return new EventProfile(
        eventId,
        articleIds,
        terms,
        actors,
        lastActive,
        List.copyOf(keys),
        years,
        days,
        norms,
        firstActive);
  }

  EventProfile withNorms(Norms n) {
    return new EventProfile(
        eventId, articleIds, terms, actors, lastActive, indexKeys, years, days, n, firstActive);
  }

  EventProfile plus(ArticleProfile a, Instant now) {
    List<String> ids = new ArrayList<>(articleIds);
    if (!ids.contains(a.id())) {
      ids.add(a.id());
    }
    Map<String, Integer> t = new HashMap<>(terms);
    a.terms().forEach((k, v) -> t.merge(k, v, Integer::sum));
    Map<String, Double> act = new HashMap<>(actors);
    a.actors().forEach((k, v) -> act.merge(k, v, Double::sum));
    Instant active = a.publishedAt() != null ? a.publishedAt() : now;
    Map<String, Integer> y = new HashMap<>(years);
    a.years().forEach(year -> y.merge(year, 1, Integer::sum));
    Map<String, Integer> d = new HashMap<>(days);
    a.days().forEach(day -> d.merge(day, 1, Integer::sum));
    Instant last = lastActive == null || active.isAfter(lastActive) ? active : lastActive;
    // An event from state written before the first time was kept stays without one: its span is
    // unknown.
    Instant first =
        articleIds.isEmpty()
            ? active
            : firstActive == null ? null : active.isBefore(firstActive) ? active : firstActive;
    return new EventProfile(eventId, ids, t, act, last, indexKeys, y, d, Norms.UNKNOWN, first);
  }

  EventProfile minus(ArticleProfile a, Instant now) {
    List<String> ids = new ArrayList<>(articleIds);
    ids.remove(a.id());
    Map<String, Integer> t = new HashMap<>(terms);
    a.terms().forEach((k, v) -> t.computeIfPresent(k, (key, old) -> old - v > 0 ? old - v : null));
    Map<String, Double> act = new HashMap<>(actors);
    a.actors()
        .forEach((k, v) -> act.computeIfPresent(k, (key, old) -> old - v > 1e-9 ? old - v : null));
    Map<String, Integer> y = new HashMap<>(years);
    a.years().forEach(year -> y.computeIfPresent(year, (key, old) -> old > 1 ? old - 1 : null));
    Map<String, Integer> d = new HashMap<>(days);
    a.days().forEach(day -> d.computeIfPresent(day, (key, old) -> old > 1 ? old - 1 : null));
    return new EventProfile(
        eventId, ids, t, act, lastActive, indexKeys, y, d, Norms.UNKNOWN, firstActive);
  }
}
