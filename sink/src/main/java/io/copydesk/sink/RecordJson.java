package io.copydesk.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copydesk.schema.Actor;
import io.copydesk.schema.Claim;
import io.copydesk.schema.DisputedFigure;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventActor;
import io.copydesk.schema.EventArticle;
import io.copydesk.schema.EventClaim;
import io.copydesk.schema.EventFigure;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.Figure;
import io.copydesk.schema.Mention;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.SpeakerClaims;
import java.time.Instant;
import java.util.List;

/**
 * The output contract: how an article version and an event snapshot look in the files analysts
 * read. Field names here are relied on by analysts and evaluation tools; add fields, never rename.
 */
public final class RecordJson {
  private final ObjectMapper mapper;

  public RecordJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** One line of {@code articles/**}{@code /*.jsonl}. */
  public ObjectNode article(EnrichedArticle enriched) {
    RawArticle a = enriched.getArticle();
    ObjectNode n = mapper.createObjectNode();
    n.put("id", a.getId());
    n.put("version", a.getVersion());
    n.put("pubstatus", a.getPubstatus().name());
    ObjectNode source = n.putObject("source");
    source.put("name", a.getSource().getName());
    source.put("file", a.getSource().getFile());
    source.put("uri", a.getSource().getUri());
    source.put("format", a.getSource().getFormat());
    n.put("headline", a.getHeadline());
    n.put("byline", a.getByline());
    n.put("body", a.getBody());
    n.put("language", a.getLanguage());
    n.put("published_at", iso(a.getPublishedAt()));
    n.put("ingested_at", iso(a.getIngestedAt()));
    n.put("embargoed_until", iso(a.getEmbargoedUntil()));
    n.put("enriched_at", iso(enriched.getEnrichedAt()));
    actors(n.putArray("actors"), enriched.getActors());
    claims(n.putArray("claims"), enriched.getClaims());
    figures(n.putArray("figures"), enriched.getFigures());
    n.put("event_id", enriched.getEventId());
    n.put("content_sha256", a.getContentSha256());
    n.put("payload_sha256", a.getPayloadSha256());
    return n;
  }

  /** The content of {@code events/<event_id>.json}. */
  public ObjectNode event(EventSnapshot e) {
    ObjectNode n = mapper.createObjectNode();
    n.put("event_id", e.getEventId());
    n.put("title", e.getTitle());
    strings(n.putArray("article_ids"), e.getArticleIds());
    ArrayNode articles = n.putArray("articles");
    for (EventArticle a : e.getArticles()) {
      articles
          .addObject()
          .put("article_id", a.getArticleId())
          .put("headline", a.getHeadline())
          .put("source", a.getSource())
          .put("seen", iso(a.getSeen()));
    }
    strings(n.putArray("sources"), e.getSources());
    n.put("first_seen", iso(e.getFirstSeen()));
    n.put("last_seen", iso(e.getLastSeen()));
    n.put("updated_at", iso(e.getUpdatedAt()));
    ArrayNode actors = n.putArray("actors");
    for (EventActor a : e.getActors()) {
      ObjectNode x =
          actors
              .addObject()
              .put("name", a.getName())
              .put("type", a.getType().name())
              .put("article_count", a.getArticleIds().size());
      strings(x.putArray("article_ids"), a.getArticleIds());
    }
    ArrayNode claims = n.putArray("claims");
    for (SpeakerClaims g : e.getClaims()) {
      ArrayNode said = claims.addObject().put("speaker", g.getSpeaker()).putArray("claims");
      for (EventClaim c : g.getClaims()) {
        said.addObject()
            .put("article_id", c.getArticleId())
            .put("text", c.getText())
            .put("kind", c.getKind().name())
            .put("cue", c.getCue())
            .put("attribution", c.getAttribution().name());
      }
    }
    eventFigures(n.putArray("figures"), e.getFigures());
    ArrayNode disputed = n.putArray("disputed_figures");
    for (DisputedFigure d : e.getDisputedFigures()) {
      ObjectNode x = disputed.addObject().put("what", d.getWhat()).put("whom", d.getWhom());
      eventFigures(x.putArray("values"), d.getValues());
    }
    return n;
  }

  private static void eventFigures(ArrayNode out, List<EventFigure> figures) {
    for (EventFigure f : figures) {
      ObjectNode x = out.addObject().put("what", f.getWhat()).put("whom", f.getWhom());
      number(x, f.getValue());
      x.put("qualifier", f.getQualifier())
          .put("speaker", f.getSpeaker())
          .put("background", f.getBackground())
          .put("article_id", f.getArticleId());
    }
  }

  /** Counts are whole numbers: write 4, not 4.0. */
  private static void number(ObjectNode n, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      n.put("value", (long) v);
    } else {
      n.put("value", v);
    }
  }

  private static void actors(ArrayNode out, List<Actor> actors) {
    for (Actor actor : actors) {
      ObjectNode n = out.addObject();
      n.put("name", actor.getName());
      n.put("type", actor.getType().name());
      strings(n.putArray("aliases"), actor.getAliases());
      ArrayNode mentions = n.putArray("mentions");
      for (Mention m : actor.getMentions()) {
        mentions
            .addObject()
            .put("field", m.getField().name())
            .put("start", m.getStart())
            .put("end", m.getEnd());
      }
      n.put("role", actor.getRole());
      n.put("salience", actor.getSalience());
    }
  }

  private static void claims(ArrayNode out, List<Claim> claims) {
    for (Claim c : claims) {
      out.addObject()
          .put("speaker", c.getSpeaker())
          .put("speaker_surface", c.getSpeakerSurface())
          .put("source", c.getSource())
          .put("cue", c.getCue())
          .put("text", c.getText())
          .put("kind", c.getKind().name())
          .put("attribution", c.getAttribution().name())
          .put("field", c.getField().name())
          .put("start", c.getStart())
          .put("end", c.getEnd());
    }
  }

  private static void figures(ArrayNode out, List<Figure> figures) {
    for (Figure f : figures) {
      ObjectNode n = out.addObject();
      n.put("what", f.getWhat());
      n.put("whom", f.getWhom());
      number(n, f.getValue());
      n.put("qualifier", f.getQualifier());
      n.put("speaker", f.getSpeaker());
      n.put("background", f.getBackground());
    }
  }

  private static void strings(ArrayNode out, List<String> values) {
    values.forEach(out::add);
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
