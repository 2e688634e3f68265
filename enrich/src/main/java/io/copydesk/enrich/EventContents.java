package io.copydesk.enrich;

import io.copydesk.schema.Actor;
import io.copydesk.schema.Claim;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventActor;
import io.copydesk.schema.EventClaim;
import io.copydesk.schema.EventFigure;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.Figure;
import io.copydesk.schema.SpeakerClaims;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an event's articles say, merged: actors with the articles naming them, claims grouped by
 * speaker, figures, and disputed figures (one quantity of this event that named sources give values
 * for that cannot all be true: the analyst's first question; {@link FigureDisputes}). Every entry
 * remembers its article, so an article's contribution can be taken out again when it is updated or
 * retracted.
 */
final class EventContents {
  private EventContents() {}

  static EventSnapshot withArticle(EventSnapshot event, EnrichedArticle article) {
    String id = article.getArticle().getId();
    Map<String, EventActor> actors = new LinkedHashMap<>();
    event.getActors().forEach(a -> actors.put(a.getName(), a));
    for (Actor a : article.getActors()) {
      EventActor existing = actors.get(a.getName());
      List<String> ids =
          existing == null ? new ArrayList<>() : new ArrayList<>(existing.getArticleIds());
      if (!ids.contains(id)) {
        ids.add(id);
      }
      actors.put(
          a.getName(),
          EventActor.newBuilder()
              .setName(a.getName())
              .setType(a.getType())
              .setArticleIds(ids)
              .build());
    }
    Map<String, List<EventClaim>> bySpeaker = new LinkedHashMap<>();
    event.getClaims().forEach(g -> bySpeaker.put(g.getSpeaker(), new ArrayList<>(g.getClaims())));
    for (Claim c : article.getClaims()) {
      bySpeaker
          .computeIfAbsent(c.getSpeaker(), k -> new ArrayList<>())
          .add(
              EventClaim.newBuilder()
                  .setArticleId(id)
                  .setText(c.getText())
                  .setKind(c.getKind())
                  .setCue(c.getCue())
                  .setAttribution(c.getAttribution())
                  .build());
    }
    List<EventFigure> figures = new ArrayList<>(event.getFigures());
    for (Figure f : article.getFigures()) {
      figures.add(
          EventFigure.newBuilder()
              .setArticleId(id)
              .setWhat(f.getWhat())
              .setWhom(f.getWhom())
              .setValue(f.getValue())
              .setQualifier(f.getQualifier())
              .setSpeaker(f.getSpeaker())
              .setBackground(f.getBackground())
              .build());
    }
    return rebuild(event, new ArrayList<>(actors.values()), bySpeaker, figures);
  }

  /**
   * What both events' articles say: {@code other}'s actors joined by name (its articles added to
   * each), its claims added under their speakers, its figures added; disputes found afresh over all
   * the figures.
   */
  static EventSnapshot merged(EventSnapshot event, EventSnapshot other) {
    Map<String, EventActor> actors = new LinkedHashMap<>();
    event.getActors().forEach(a -> actors.put(a.getName(), a));
    for (EventActor a : other.getActors()) {
      EventActor existing = actors.get(a.getName());
      if (existing == null) {
        actors.put(a.getName(), a);
        continue;
      }
      List<String> ids = new ArrayList<>(existing.getArticleIds());
      a.getArticleIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
      actors.put(a.getName(), EventActor.newBuilder(existing).setArticleIds(ids).build());
    }
    Map<String, List<EventClaim>> bySpeaker = new LinkedHashMap<>();
    event.getClaims().forEach(g -> bySpeaker.put(g.getSpeaker(), new ArrayList<>(g.getClaims())));
    for (SpeakerClaims g : other.getClaims()) {
      bySpeaker.computeIfAbsent(g.getSpeaker(), k -> new ArrayList<>()).addAll(g.getClaims());
    }
    List<EventFigure> figures = new ArrayList<>(event.getFigures());
    figures.addAll(other.getFigures());
    return rebuild(event, new ArrayList<>(actors.values()), bySpeaker, figures);
  }

  static EventSnapshot withoutArticle(EventSnapshot event, String articleId) {
    return keeping(event, id -> !id.equals(articleId));
  }

  /** Only what the articles {@code kept} accepts contributed. */
  static EventSnapshot keeping(EventSnapshot event, Predicate<String> kept) {
    List<EventActor> actors = new ArrayList<>();
    for (EventActor a : event.getActors()) {
      List<String> ids = a.getArticleIds().stream().filter(kept).toList();
      if (!ids.isEmpty()) {
        actors.add(EventActor.newBuilder(a).setArticleIds(new ArrayList<>(ids)).build());
      }
    }
    Map<String, List<EventClaim>> bySpeaker = new LinkedHashMap<>();
    for (SpeakerClaims g : event.getClaims()) {
      List<EventClaim> claims =
          g.getClaims().stream().filter(c -> kept.test(c.getArticleId())).toList();
      if (!claims.isEmpty()) {
        bySpeaker.put(g.getSpeaker(), new ArrayList<>(claims));
      }
    }
    List<EventFigure> figures =
        event.getFigures().stream().filter(f -> kept.test(f.getArticleId())).toList();
    return rebuild(event, actors, bySpeaker, figures);
  }

  private static EventSnapshot rebuild(
      EventSnapshot event,
      List<EventActor> actors,
      Map<String, List<EventClaim>> bySpeaker,
      List<EventFigure> figures) {
    // Most widely named first; ties keep the articles' own order, which is by salience.
    actors.sort(Comparator.comparingInt((EventActor a) -> a.getArticleIds().size()).reversed());
    List<SpeakerClaims> claims = new ArrayList<>();
    bySpeaker.forEach(
        (speaker, list) ->
            claims.add(SpeakerClaims.newBuilder().setSpeaker(speaker).setClaims(list).build()));
    return EventSnapshot.newBuilder(event)
        .setActors(actors)
        .setClaims(claims)
        .setFigures(figures)
        .setDisputedFigures(FigureDisputes.of(figures))
        .build();
  }
}
