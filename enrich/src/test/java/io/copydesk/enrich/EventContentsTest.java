package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventArticle;
import io.copydesk.schema.EventFigure;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.Figure;
import io.copydesk.schema.TextField;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventContentsTest {
  private static EnrichedArticle article(String id, String speaker, double killed) {
    return EnrichedArticle.newBuilder()
        .setArticle(EnrichTopologyTest.article(id, 1, "Blast in port", "Text of " + id))
        .setActors(
            List.of(Actor.newBuilder().setName("Port Authority").setType(ActorType.ORG).build()))
        .setClaims(
            List.of(
                Claim.newBuilder()
                    .setSpeaker(speaker)
                    .setCue("said")
                    .setText(killed + " were killed")
                    .setKind(ClaimKind.indirect)
                    .setAttribution(AttributionType.finding)
                    .setField(TextField.body)
                    .setStart(0)
                    .setEnd(5)
                    .build()))
        .setFigures(
            List.of(
                Figure.newBuilder().setWhat("killed").setValue(killed).setSpeaker(speaker).build()))
        .setEnrichedAt(Instant.EPOCH)
        .build();
  }

  @Test
  void differentTollsFromDifferentSourcesAreDisputedAndLeaveWithTheirArticle() {
    EventSnapshot e =
        EventSnapshots.withArticle(null, "ev-1", article("a", "police", 4), Instant.EPOCH);
    assertTrue(e.getDisputedFigures().isEmpty(), "one source is no dispute");
    e = EventSnapshots.withArticle(e, "ev-1", article("b", "Red Crescent", 7), Instant.EPOCH);

    assertEquals(1, e.getDisputedFigures().size());
    assertEquals(
        List.of(4.0, 7.0),
        e.getDisputedFigures().get(0).getValues().stream().map(EventFigure::getValue).toList());
    assertEquals(2, e.getClaims().size(), "claims grouped by speaker");
    assertEquals(
        AttributionType.finding,
        e.getClaims().get(0).getClaims().get(0).getAttribution(),
        "an event's claim keeps what its cue attributes");
    assertEquals(
        List.of("a", "b"),
        e.getActors().get(0).getArticleIds(),
        "an actor with the articles naming it");

    EventSnapshot after = EventSnapshots.withoutArticle(e, "b", Instant.EPOCH);
    assertTrue(after.getDisputedFigures().isEmpty(), "the retracted article's figure goes with it");
    assertEquals(List.of("a"), after.getActors().get(0).getArticleIds());
    assertEquals(1, after.getClaims().size());
  }

  @Test
  void aNewVersionReplacesItsOldContribution() {
    EventSnapshot e =
        EventSnapshots.withArticle(null, "ev-1", article("a", "police", 4), Instant.EPOCH);
    e = EventSnapshots.withArticle(e, "ev-1", article("a", "police", 5), Instant.EPOCH);
    assertEquals(List.of(5.0), e.getFigures().stream().map(EventFigure::getValue).toList());
    assertEquals(1, e.getClaims().get(0).getClaims().size());
  }

  private static EnrichedArticle article(
      String id, String source, String headline, Instant published, String speaker, double killed) {
    EnrichedArticle a = article(id, speaker, killed);
    a.getArticle().setHeadline(headline);
    a.getArticle().setPublishedAt(published);
    a.getArticle().getSource().setName(source);
    return a;
  }

  @Test
  void aSplitGivesEachPartItsOwnArticlesContentsTitleSourcesAndTimes() {
    Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
    Instant t2 = Instant.parse("2026-03-01T11:00:00Z");
    Instant t3 = Instant.parse("2026-03-02T09:00:00Z");
    EventSnapshot e =
        EventSnapshots.withArticle(
            null, "ev-1", article("a", "Agency A", "Blast in port", t1, "police", 4), t1);
    e =
        EventSnapshots.withArticle(
            e, "ev-1", article("b", "Agency B", "Second blast inland", t2, "Red Crescent", 7), t2);
    e =
        EventSnapshots.withArticle(
            e, "ev-1", article("c", "Agency C", "Port blast toll rises", t3, "mayor", 5), t3);
    assertEquals(
        List.of("a", "b", "c"), e.getArticles().stream().map(EventArticle::getArticleId).toList());

    EventSnapshot moved = EventSnapshots.only(e, "ev-2", List.of("b"), t3);
    assertEquals("ev-2", moved.getEventId());
    assertEquals(List.of("b"), moved.getArticleIds());
    assertEquals("Second blast inland", moved.getTitle());
    assertEquals(List.of("Agency B"), moved.getSources());
    assertEquals(t2, moved.getFirstSeen());
    assertEquals(t2, moved.getLastSeen());
    assertEquals(List.of(7.0), moved.getFigures().stream().map(EventFigure::getValue).toList());
    assertEquals(
        List.of("Red Crescent"), moved.getClaims().stream().map(c -> c.getSpeaker()).toList());
    assertEquals(List.of("b"), moved.getActors().get(0).getArticleIds());

    EventSnapshot kept = EventSnapshots.only(e, "ev-1", List.of("a", "c"), t3);
    assertEquals("Blast in port", kept.getTitle());
    assertEquals(List.of("Agency A", "Agency C"), kept.getSources());
    assertEquals(t1, kept.getFirstSeen());
    assertEquals(t3, kept.getLastSeen());
    assertEquals(List.of("a", "c"), kept.getActors().get(0).getArticleIds());
    assertEquals(
        1, kept.getDisputedFigures().size(), "4 (police) against 5 (mayor) is still disputed");

    EventSnapshot left = EventSnapshots.withoutArticle(e, "a", t3);
    assertEquals(
        "Second blast inland",
        left.getTitle(),
        "a retracted first article takes its headline along");
    assertEquals(t2, left.getFirstSeen());
  }

  @Test
  void aSnapshotWrittenBeforeArticlesWereListedKeepsItsOwnTitleAndSources() {
    EventSnapshot e =
        EventSnapshots.withArticle(null, "ev-1", article("a", "police", 4), Instant.EPOCH);
    e = EventSnapshots.withArticle(e, "ev-1", article("b", "Red Crescent", 7), Instant.EPOCH);
    EventSnapshot old =
        EventSnapshot.newBuilder(e).setArticles(List.of()).setTitle("Old title").build();

    EventSnapshot after =
        EventSnapshots.withArticle(old, "ev-1", article("c", "mayor", 5), Instant.EPOCH);
    assertTrue(after.getArticles().isEmpty(), "no partial list that would pass for the whole");
    EventSnapshot part = EventSnapshots.only(after, "ev-2", List.of("c"), Instant.EPOCH);
    assertEquals("Old title", part.getTitle());
    assertEquals(List.of("c"), part.getArticleIds());
    assertEquals(List.of(5.0), part.getFigures().stream().map(EventFigure::getValue).toList());
  }

  @Test
  void aMergeListsBothEventsArticlesAndWhatTheySayUnderTheSurvivingId() {
    Instant t1 = Instant.parse("2026-03-01T10:00:00Z");
    Instant t2 = Instant.parse("2026-03-01T11:00:00Z");
    Instant t3 = Instant.parse("2026-03-02T09:00:00Z");
    EventSnapshot larger =
        EventSnapshots.withArticle(
            null, "ev-1", article("a", "Agency A", "Blast in port", t2, "police", 4), t2);
    larger =
        EventSnapshots.withArticle(
            larger, "ev-1", article("c", "Agency C", "Port blast toll rises", t3, "police", 4), t3);
    EventSnapshot smaller =
        EventSnapshots.withArticle(
            null, "ev-2", article("b", "Agency B", "Harbour explosion", t1, "Red Crescent", 7), t1);

    EventSnapshot merged = EventSnapshots.merged(larger, smaller, "ev-1", t3);
    assertEquals("ev-1", merged.getEventId());
    assertEquals(List.of("a", "c", "b"), merged.getArticleIds());
    assertEquals(
        List.of("a", "c", "b"),
        merged.getArticles().stream().map(EventArticle::getArticleId).toList());
    assertEquals("Blast in port", merged.getTitle(), "the surviving event keeps its title");
    assertEquals(List.of("Agency A", "Agency C", "Agency B"), merged.getSources());
    assertEquals(t1, merged.getFirstSeen());
    assertEquals(t3, merged.getLastSeen());
    assertEquals(List.of("a", "c", "b"), merged.getActors().get(0).getArticleIds());
    assertEquals(
        List.of("police", "Red Crescent"),
        merged.getClaims().stream().map(c -> c.getSpeaker()).toList());
    assertEquals(
        1, merged.getDisputedFigures().size(), "4 (police) against 7 (Red Crescent): disputed");
    assertEquals(
        List.of("a", "c"),
        EventSnapshots.only(merged, "ev-1", List.of("a", "c"), t3).getArticleIds(),
        "a merged event's articles can leave again");
  }
}
