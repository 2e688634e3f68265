package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/**
 * Figures in sentences written for this test: numbers as words and digits, qualifiers, speakers.
 */
class FigureExtractorTest {
  private static final NlpEnricher ENRICHER =
      new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load());

  private static List<Figure> figures(String body) {
    return figures(body, null);
  }

  private static List<Figure> figures(String body, Instant published) {
    RawArticle a =
        RawArticle.newBuilder()
            .setId("t")
            .setSource(Source.newBuilder().setFormat("text").build())
            .setPubstatus(PubStatus.usable)
            .setBody(body)
            .setPublishedAt(published)
            .setIngestedAt(Instant.EPOCH)
            .setContentSha256("c")
            .setPayloadSha256("p")
            .build();
    return ENRICHER.enrich(a).figures();
  }

  private static Figure only(List<Figure> figures, String what, double value) {
    return figures.stream()
        .filter(f -> f.getWhat().equals(what) && f.getValue() == value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + what + " " + value + " in " + figures));
  }

  @Test
  void casualtiesWithQualifiersAndTheirSpeakers() {
    List<Figure> f =
        figures(
            "Police chief Anna Berg said at least 12 people were killed and more than 40 were wounded. "
                + "Hospital officials said nine children were injured.");
    Figure killed = only(f, "killed", 12);
    assertEquals("at least", killed.getQualifier());
    assertEquals("Anna Berg", killed.getSpeaker());
    assertEquals("wounded", only(f, "wounded", 9).getWhat(), "injured counts as wounded");
    assertEquals("Hospital officials", only(f, "wounded", 9).getSpeaker());
  }

  @Test
  void verbFirstAndSingularCasualties() {
    List<Figure> f =
        figures(
            "The blast killed four soldiers and wounded about 20 others. A civilian was killed in a second blast.");
    assertEquals(
        null, only(f, "killed", 4).getSpeaker(), "the reporter's own words have no speaker");
    assertEquals("about", only(f, "wounded", 20).getQualifier());
    only(f, "killed", 1);
  }

  @Test
  void countsOfWhatWasTargetedOrCarriedOut() {
    List<Figure> f =
        figures(
            "Army spokesman Karl Weiss said the jets struck five fuel and ammunition depots on Tuesday. "
                + "He said rebels had conducted at least 30 drone attacks since May.");
    assertEquals("Karl Weiss", only(f, "depots struck", 5).getSpeaker());
    assertEquals("at least", only(f, "attacks", 30).getQualifier());
  }

  @Test
  void casualtiesSayWhomTheyCount() {
    List<Figure> f =
        figures(
            "Two local officials said five soldiers were killed. The shelling killed at least 12 civilians "
                + "sheltering in a school and wounded 30 others. A journalist was wounded. Snipers killed 3 overnight.");
    assertEquals("soldiers", only(f, "killed", 5).getWhom());
    assertEquals(
        "civilians",
        only(f, "killed", 12).getWhom(),
        "a participle after the noun ends the counted phrase");
    assertEquals("others", only(f, "wounded", 30).getWhom());
    assertEquals("journalist", only(f, "wounded", 1).getWhom());
    assertNull(only(f, "killed", 3).getWhom(), "a bare count names nobody");
  }

  private record Background(double killed, boolean background, String why) {}

  @Test
  void figuresAboutEarlierIncidentsOrRunningTotalsAreBackgroundTheEventsOwnAreNot() {
    List<Figure> f =
        figures(
            "The flood killed 40 people on Monday, officials said. In 2011, a similar flood killed 300 people "
                + "in the valley. A storm two years ago left 25 people dead, and rebels have killed 90 villagers since January. "
                + "Officials said the raid answered a mortar strike earlier that month which killed one security guard. "
                + "An earlier ambush killed six drivers. "
                + "Unlike in 2004, when a tsunami killed 170,000 people, Tuesday's quake killed 24 people. "
                + "The storm, the deadliest since 1998, killed 11 fishermen. Rescuers have found 14 people dead since Tuesday's landslide. "
                + "The March 2019 floods killed 8 people. The tremor killed at least five villagers and injured dozens in a valley "
                + "devastated by a landslide in 2012. Unlike last year's mall attack in Leeds, England, that killed 19 shoppers, "
                + "no one was hurt.",
            Instant.parse("2019-05-01T00:00:00Z"));
    for (Background c :
        List.of(
            new Background(40, false, "the article's own toll"),
            new Background(300, true, "a year before the article's, heading the sentence"),
            new Background(25, true, "two years ago"),
            new Background(90, true, "a running total since January"),
            new Background(1, true, "earlier that month"),
            new Background(6, true, "an earlier ambush"),
            new Background(170_000, true, "a year heading the clause the figure continues"),
            new Background(24, false, "the year heads another clause"),
            new Background(11, false, "a superlative's since is no running total"),
            new Background(14, false, "since a day of this event"),
            new Background(8, false, "the article's own year"),
            new Background(
                5, false, "the year belongs to the valley's landslide, after another verb"),
            new Background(19, true, "last year's, through a place name between commas"))) {
      assertEquals(
          c.background(),
          only(f, "killed", c.killed()).getBackground(),
          c.killed() + ": " + c.why());
    }
    assertEquals("guard", only(f, "killed", 1).getWhom());
    assertTrue(
        figures("The March 2019 floods killed 8 people.").get(0).getBackground(),
        "an article without a date: a year named beside a figure is history");
  }

  @Test
  void dozensHundredsAndAddedCounts() {
    List<Figure> f =
        figures(
            "Medics said two hundred people were wounded. Several dozen people were hurt in the stampede. "
                + "Another four people died in hospital, and two dozen soldiers were injured. Three more soldiers were killed.");
    only(f, "wounded", 200);
    assertTrue(
        f.stream().noneMatch(x -> x.getValue() == 100 || x.getValue() == 12 || x.getValue() == 2),
        f.toString());
    assertEquals("another", only(f, "killed", 4).getQualifier());
    assertEquals("soldiers", only(f, "wounded", 24).getWhom());
    assertEquals("another", only(f, "killed", 3).getQualifier(), "three more: another three");
    assertEquals("soldiers", only(f, "killed", 3).getWhom());
    List<Figure> found =
        figures(
            "Two young children found dead in a car were shot, and police arrested a man who shot "
                + "four people in a bar last month. The gunman killed three city transit police officers.");
    assertEquals("children", only(found, "killed", 2).getWhom());
    assertFalse(
        only(found, "arrested", 1).getBackground(),
        "last month is the shooting's, in the relative clause");
    assertEquals("officers", only(found, "killed", 3).getWhom());
  }

  @Test
  void yearsAndBareNumbersAreNotFigures() {
    List<Figure> f =
        figures(
            "The 2015 agreement expired. The meeting lasted 3 hours and 2 of the delegates left early.");
    assertTrue(f.isEmpty(), f.toString());
    List<Figure> ages =
        figures(
            "A gunman killed 62-year-old Tom Reed. Police are looking for a missing 14 year old boy. "
                + "Shots were fired around 1 a.m. and three people were hurt. Her son died nearly 6 months ago. "
                + "Rebels launched two-pronged raids.");
    assertEquals(
        List.of(3.0),
        ages.stream().map(Figure::getValue).toList(),
        "ages and clock times are no counts: " + ages);
  }
}
