package io.copydesk.enrich;

import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds and updates event snapshots from the articles assigned to them. */
public final class EventSnapshots {
  private static final int TITLE_FALLBACK_WORDS = 12;

  private EventSnapshots() {}

  /**
   * The snapshot after {@code article} joined (or was updated in) the event; {@code previous} may
   * be null.
   */
  public static EventSnapshot withArticle(
      EventSnapshot previous, String eventId, EnrichedArticle article, Instant now) {
    RawArticle a = article.getArticle();
    Instant seen = a.getPublishedAt() != null ? a.getPublishedAt() : a.getIngestedAt();
    List<String> ids =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.getArticleIds());
    if (!ids.contains(a.getId())) {
      ids.add(a.getId());
    }
    List<String> sources =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.getSources());
    String source = sourceName(a);
    if (!sources.contains(source)) {
      sources.add(source);
    }
    List<EventArticle> entries =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.getArticles());
    entries.removeIf(e -> e.getArticleId().equals(a.getId()));
    if (entries.size() == ids.size() - 1) {
      // Kept in the order of article_ids; snapshots from before entries were kept stay without
      // them.
      entries.add(
          ids.indexOf(a.getId()),
          EventArticle.newBuilder()
              .setArticleId(a.getId())
              .setHeadline(titleOf(a))
              .setSource(source)
              .setSeen(seen)
              .build());
    }
    EventSnapshot base =
        EventSnapshot.newBuilder()
            .setEventId(eventId)
            .setTitle(previous == null ? titleOf(a) : previous.getTitle())
            .setArticleIds(ids)
            .setSources(sources)
            .setFirstSeen(
                previous == null || seen.isBefore(previous.getFirstSeen())
                    ? seen
                    : previous.getFirstSeen())
            .setLastSeen(
                previous == null || seen.isAfter(previous.getLastSeen())
                    ? seen
                    : previous.getLastSeen())
            .setUpdatedAt(now)
            .setActors(previous == null ? List.of() : previous.getActors())
            .setClaims(previous == null ? List.of() : previous.getClaims())
            .setFigures(previous == null ? List.of() : previous.getFigures())
            .setArticles(entries)
            .build();
    // A new version of an article replaces what its old version contributed.
    return EventContents.withArticle(EventContents.withoutArticle(base, a.getId()), article);
  }

  /**
   * The snapshot after a story left the event, or null when no article is left (the event is
   * deleted).
   */
  public static EventSnapshot withoutArticle(
      EventSnapshot previous, String articleId, Instant now) {
    if (previous == null) {
      return null;
    }
    List<String> ids = new ArrayList<>(previous.getArticleIds());
    ids.remove(articleId);
    return ids.isEmpty() ? null : only(previous, previous.getEventId(), ids, now);
  }

  /**
   * The part of an event made of some of its articles, under {@code eventId}: what is left after a
   * story leaves, or one side of a split. Title, sources and times follow the articles kept, when
   * the snapshot lists them (snapshots written before it did keep their own).
   */
  public static EventSnapshot only(
      EventSnapshot previous, String eventId, Collection<String> articleIds, Instant now) {
    Set<String> keep = new HashSet<>(articleIds);
    List<String> ids = previous.getArticleIds().stream().filter(keep::contains).toList();
    List<EventArticle> entries =
        previous.getArticles().stream().filter(e -> keep.contains(e.getArticleId())).toList();
    EventSnapshot.Builder part =
        EventSnapshot.newBuilder(previous)
            .setEventId(eventId)
            .setArticleIds(new ArrayList<>(ids))
            .setArticles(new ArrayList<>(entries))
            .setUpdatedAt(now);
    if (!entries.isEmpty() && entries.size() == ids.size()) {
      part.setTitle(entries.get(0).getHeadline())
          .setSources(
              new ArrayList<>(entries.stream().map(EventArticle::getSource).distinct().toList()))
          .setFirstSeen(
              entries.stream()
                  .map(EventArticle::getSeen)
                  .min(Comparator.naturalOrder())
                  .orElseThrow())
          .setLastSeen(
              entries.stream()
                  .map(EventArticle::getSeen)
                  .max(Comparator.naturalOrder())
                  .orElseThrow());
    }
    return EventContents.keeping(part.build(), keep::contains);
  }

  /**
   * Event {@code into} after event {@code from} merged into it, under {@code eventId}: its articles
   * then the other's (those not already in it), sources, the span of both, and what both say
   * ({@link EventContents#merged}). The title stays the surviving event's. Either may be null
   * (absent from the store): then the other alone.
   */
  public static EventSnapshot merged(
      EventSnapshot into, EventSnapshot from, String eventId, Instant now) {
    if (into == null || from == null) {
      EventSnapshot only = into != null ? into : from;
      return only == null
          ? null
          : EventSnapshot.newBuilder(only).setEventId(eventId).setUpdatedAt(now).build();
    }
    List<String> ids = new ArrayList<>(into.getArticleIds());
    List<EventArticle> entries = new ArrayList<>(into.getArticles());
    boolean listed =
        entries.size() == ids.size() && from.getArticles().size() == from.getArticleIds().size();
    Set<String> had = new HashSet<>(ids);
    for (String id : from.getArticleIds()) {
      if (had.add(id)) {
        ids.add(id);
      }
    }
    if (listed) {
      Set<String> entered = new HashSet<>(into.getArticleIds());
      from.getArticles().stream().filter(e -> entered.add(e.getArticleId())).forEach(entries::add);
    } else {
      entries = new ArrayList<>(); // snapshots from before entries were kept stay without them
    }
    List<String> sources = new ArrayList<>(into.getSources());
    from.getSources().stream().filter(x -> !sources.contains(x)).forEach(sources::add);
    EventSnapshot base =
        EventSnapshot.newBuilder(into)
            .setEventId(eventId)
            .setArticleIds(ids)
            .setArticles(entries)
            .setSources(sources)
            .setFirstSeen(
                from.getFirstSeen().isBefore(into.getFirstSeen())
                    ? from.getFirstSeen()
                    : into.getFirstSeen())
            .setLastSeen(
                from.getLastSeen().isAfter(into.getLastSeen())
                    ? from.getLastSeen()
                    : into.getLastSeen())
            .setUpdatedAt(now)
            .build();
    return EventContents.merged(base, from);
  }

  /** The headline, or the body's first words when the article has none. */
  static String titleOf(RawArticle a) {
    if (a.getHeadline() != null && !a.getHeadline().isBlank()) {
      return a.getHeadline();
    }
    String[] words = a.getBody().strip().split("\\s+");
    if (words.length <= TITLE_FALLBACK_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", List.of(words).subList(0, TITLE_FALLBACK_WORDS)) + " …";
  }

  /** The provider's name, else the input it came from. */
  static String sourceName(RawArticle a) {
    if (a.getSource().getName() != null) {
      return a.getSource().getName();
    }
    if (a.getSource().getUri() != null) {
      return a.getSource().getUri();
    }
    return a.getSource().getFile() != null ? a.getSource().getFile() : a.getSource().getFormat();
  }
}
