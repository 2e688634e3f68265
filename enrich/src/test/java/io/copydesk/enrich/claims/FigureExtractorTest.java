package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.Figure;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures in sentences written for this test: numbers as words and digits, qualifiers, speakers. */
class FigureExtractorTest {
  private static final NlpEnricher ENRICHER = new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load());

  private static List<Figure> figures(String body) {
    RawArticle a = RawArticle.newBuilder().setId("t").setSource(Source.newBuilder().setFormat("text").build())
        .setPubstatus(PubStatus.usable).setBody(body).setIngestedAt(Instant.EPOCH).setContentSha256("c").setPayloadSha256("p").build();
    return ENRICHER.enrich(a).figures();
  }

  private static Figure only(List<Figure> figures, String what, double value) {
    return figures.stream().filter(f -> f.getWhat().equals(what) && f.getValue() == value).findFirst()
        .orElseThrow(() -> new AssertionError("no " + what + " " + value + " in " + figures));
  }

  @Test
  void casualtiesWithQualifiersAndTheirSpeakers() {
    List<Figure> f = figures("Police chief Anna Berg said at least 12 people were killed and more than 40 were wounded. "
        + "Hospital officials said nine children were injured.");
    Figure killed = only(f, "killed", 12);
    assertEquals("at least", killed.getQualifier());
    assertEquals("Anna Berg", killed.getSpeaker());
    assertEquals("wounded", only(f, "wounded", 9).getWhat(), "injured counts as wounded");
    assertEquals("Hospital officials", only(f, "wounded", 9).getSpeaker());
  }

  @Test
  void verbFirstAndSingularCasualties() {
    List<Figure> f = figures("The blast killed four soldiers and wounded about 20 others. A civilian was killed in a second blast.");
    assertEquals(null, only(f, "killed", 4).getSpeaker(), "the reporter's own words have no speaker");
    assertEquals("about", only(f, "wounded", 20).getQualifier());
    only(f, "killed", 1);
  }

  @Test
  void countsOfWhatWasTargetedOrCarriedOut() {
    List<Figure> f = figures("Army spokesman Karl Weiss said the jets struck five fuel and ammunition depots on Tuesday. "
        + "He said rebels had conducted at least 30 drone attacks since May.");
    assertEquals("Karl Weiss", only(f, "depots struck", 5).getSpeaker());
    assertEquals("at least", only(f, "attacks", 30).getQualifier());
  }

  @Test
  void yearsAndBareNumbersAreNotFigures() {
    List<Figure> f = figures("The 2015 agreement expired. The meeting lasted 3 hours and 2 of the delegates left early.");
    assertTrue(f.isEmpty(), f.toString());
  }
}
