package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsMl1FormatTest {
  private final NewsMl1Format format = new NewsMl1Format();

  private List<ParsedStory> parseSample(String path) throws InputRejectedException {
    String text = Samples.text(path);
    assertTrue(format.recognises(text), path);
    return format.parse(Samples.input(path), text);
  }

  @Test
  void newsItemWithDoctypeAndNitfContent() throws Exception {
    List<ParsedStory> stories = parseSample("newsml1/doctype-nitf-item.xml");
    assertEquals(1, stories.size(), "the photo component is no story");
    ParsedStory s = stories.get(0);
    assertEquals(
        "urn:newsml:lacdepresse.example:20240514:TX-GEN-LKP42",
        s.id(),
        "PublicIdentifier without the revision");
    assertEquals("urn:newsml:lacdepresse.example:20240514:TX-GEN-LKP42:2U", s.uri());
    assertEquals(2, s.version(), "RevisionId");
    assertEquals(PubStatus.usable, s.pubstatus());
    assertEquals(
        "Genève accueille un sommet sur l'eau", s.headline(), "NewsLines before the NITF hl1");
    assertEquals("Claire Dubois", s.byline(), "'Par' removed");
    assertEquals(
        "GENÈVE, 14 mai - Des délégués de quarante pays se réunissent mardi à Genève pour un sommet sur l'accès à l'eau."
            + "\n\nLes discussions doivent durer trois jours — une première.",
        s.body(),
        "DateLine as the lead; &mdash; read");
    assertEquals("fr", s.language());
    assertEquals(
        Instant.parse("2024-05-14T09:40:00Z"),
        s.publishedAt(),
        "FirstCreated in the basic ISO format");
    assertEquals("Lac de Presse", s.provider());
    assertNull(s.embargoedUntil());
  }

  @Test
  void plainTextItemsEmbargoAndCancel() throws Exception {
    List<ParsedStory> stories = parseSample("newsml1/plain-text-two-items.xml");
    assertEquals(2, stories.size());
    ParsedStory trains = stories.get(0);
    assertEquals("urn:newsml:eastwire.example:20240514:EW-0041", trains.id());
    assertEquals(1, trains.version());
    assertEquals(PubStatus.usable, trains.pubstatus());
    assertEquals(
        Instant.parse("2024-05-14T15:00:00Z"),
        trains.embargoedUntil(),
        "StatusWillChange/DateAndTime");
    assertEquals(
        "OSAKA (East Wire) - A rail operator will run night trains between Osaka and Sapporo from July.\n\n"
            + "The trains will take about 14 hours.",
        trains.body(),
        "each line of text/plain a paragraph");
    assertEquals("en", trains.language(), "xml:lang of the component");
    assertEquals(
        "eastwire.example", trains.provider(), "ProviderId when no Provider party is named");
    ParsedStory kill = stories.get(1);
    assertEquals(PubStatus.canceled, kill.pubstatus());
    assertEquals(3, kill.version());
    assertEquals("", kill.body());
  }

  @Test
  void theReaderRecordsTheFormat() throws Exception {
    List<RawArticle> articles =
        new ArticleReader(1 << 20).read(Samples.input("newsml1/doctype-nitf-item.xml"));
    assertEquals("newsml-1", articles.get(0).getSource().getFormat());
  }

  @Test
  void itemsWithoutTextOrHeadlineAreSkippedAndNoneIsRefused() throws Exception {
    String item =
        "<NewsItem><Identification><NewsIdentifier><ProviderId>p</ProviderId><DateId>1</DateId><NewsItemId>%s</NewsItemId>"
            + "<RevisionId>1</RevisionId></NewsIdentifier></Identification><NewsComponent>%s</NewsComponent></NewsItem>";
    String photo =
        "<ContentItem><MediaType FormalName='Photo'/><DataContent>AAAA</DataContent></ContentItem>";
    String text =
        "<ContentItem><MediaType FormalName='Text'/><DataContent>The text.</DataContent></ContentItem>";
    String both = "<NewsML>" + item.formatted("a", photo) + item.formatted("b", text) + "</NewsML>";
    List<ParsedStory> stories = format.parse(Samples.input("m.xml", both), both);
    assertEquals(1, stories.size());
    assertEquals("urn:newsml:p:1:b", stories.get(0).id(), "built from the identifier's parts");
    assertEquals("The text.", stories.get(0).body());
    String none = "<NewsML>" + item.formatted("a", photo) + "</NewsML>";
    assertEquals(
        "NO_BODY",
        assertThrows(
                InputRejectedException.class,
                () -> format.parse(Samples.input("m.xml", none), none))
            .code());
    assertFalse(format.recognises("<NewsMLx/>"));
  }
}
