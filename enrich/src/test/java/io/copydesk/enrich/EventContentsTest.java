package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.EnrichedArticle;
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
        .setActors(List.of(Actor.newBuilder().setName("Port Authority").setType(ActorType.ORG).build()))
        .setClaims(List.of(Claim.newBuilder().setSpeaker(speaker).setCue("said").setText(killed + " were killed")
            .setKind(ClaimKind.indirect).setField(TextField.body).setStart(0).setEnd(5).build()))
        .setFigures(List.of(Figure.newBuilder().setWhat("killed").setValue(killed).setSpeaker(speaker).build()))
        .setEnrichedAt(Instant.EPOCH)
        .build();
  }

  @Test
  void differentTollsFromDifferentSourcesAreDisputedAndLeaveWithTheirArticle() {
    EventSnapshot e = EventSnapshots.withArticle(null, "ev-1", article("a", "police", 4), Instant.EPOCH);
    assertTrue(e.getDisputedFigures().isEmpty(), "one source is no dispute");
    e = EventSnapshots.withArticle(e, "ev-1", article("b", "Red Crescent", 7), Instant.EPOCH);

    assertEquals(1, e.getDisputedFigures().size());
    assertEquals(List.of(4.0, 7.0), e.getDisputedFigures().get(0).getValues().stream().map(EventFigure::getValue).toList());
    assertEquals(2, e.getClaims().size(), "claims grouped by speaker");
    assertEquals(List.of("a", "b"), e.getActors().get(0).getArticleIds(), "an actor with the articles naming it");

    EventSnapshot after = EventSnapshots.withoutArticle(e, "b", Instant.EPOCH);
    assertTrue(after.getDisputedFigures().isEmpty(), "the retracted article's figure goes with it");
    assertEquals(List.of("a"), after.getActors().get(0).getArticleIds());
    assertEquals(1, after.getClaims().size());
  }

  @Test
  void aNewVersionReplacesItsOldContribution() {
    EventSnapshot e = EventSnapshots.withArticle(null, "ev-1", article("a", "police", 4), Instant.EPOCH);
    e = EventSnapshots.withArticle(e, "ev-1", article("a", "police", 5), Instant.EPOCH);
    assertEquals(List.of(5.0), e.getFigures().stream().map(EventFigure::getValue).toList());
    assertEquals(1, e.getClaims().get(0).getClaims().size());
  }
}
