package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NitfFormatTest {
  private final NitfFormat format = new NitfFormat();

  private ParsedStory parseSample(String path) throws InputRejectedException {
    String text = Samples.text(path);
    assertTrue(format.recognises(text), path);
    return format.parse(Samples.input(path), text).get(0);
  }

  @Test
  void nitf35WithItsDoctype() throws Exception {
    ParsedStory s = parseSample("nitf/doctype-35.xml");
    assertEquals("fjp-20240514-ferry-fares", s.id(), "doc-id@id-string");
    assertEquals(3, s.version(), "du-key@version");
    assertEquals(PubStatus.usable, s.pubstatus());
    assertEquals(
        "Ferry fares to rise 8 percent on coastal routes",
        s.headline(),
        "hl1, not hl2 or the title");
    assertEquals("Marit Holm", s.byline(), "the person, not the byline title");
    assertEquals(
        "ÅLESUND, Norway, May 14 - Ferry operators on the west coast will raise fares by 8 percent from June 1, "
            + "the transport ministry said on Tuesday.\n\n"
            + "The increase follows a rise in fuel costs — the third in two years.\n\n"
            + "Route | Old fare | New fare\n\nÅlesund-Molde | 120 | 130\n\n"
            + "Passenger groups said they would appeal to parliament.",
        s.body(),
        "dateline as the lead, named entities as characters, the table as rows, media and notes left out");
    assertEquals("en", s.language());
    assertEquals(Instant.parse("2024-05-14T09:15:00Z"), s.publishedAt());
    assertNull(s.embargoedUntil(), "a release time equal to the issue time is no embargo");
    assertEquals("Fjord Press", s.provider());
    assertFalse(
        s.body().contains("chart is available") || s.body().contains("Corrects fare"),
        "editorial notes stay out");
  }

  @Test
  void namespacedNitf36WithAnEmbargo() throws Exception {
    ParsedStory s = parseSample("nitf/namespaced-36.xml");
    assertEquals("bahn-streik", s.id(), "du-key@key when there is no doc-id");
    assertEquals(1, s.version());
    assertEquals(PubStatus.usable, s.pubstatus(), "embargoed is usable once the embargo passes");
    assertEquals(Instant.parse("2024-05-14T22:00:00Z"), s.embargoedUntil());
    assertEquals("Jana Kurz", s.byline(), "'Von' removed like 'By'");
    assertEquals(
        "Hamburg - Die Gewerkschaft hat für Donnerstag einen Streik im Güterverkehr angekündigt.",
        s.body());
    assertEquals("de", s.language());
    assertEquals("Nordpresse", s.provider());
  }

  @Test
  void aFlashIsAnArticleWithAnEmptyBody() throws Exception {
    RawArticle a = new ArticleReader(1 << 20).read(Samples.input("nitf/flash.xml")).get(0);
    assertEquals("FLASH: Strong earthquake shakes northern coast", a.getHeadline());
    assertEquals("", a.getBody());
    assertEquals("fjp-20240514-quake-flash", a.getId());
    assertEquals("nitf", a.getSource().getFormat());
  }

  @Test
  void statusAndVersionAreCheckedAndNothingAtAllIsRefused() {
    String canceled =
        "<nitf><head><docdata management-status=\"canceled\"><doc-id id-string=\"k\"/></docdata></head><body/></nitf>";
    assertEquals(PubStatus.canceled, assertDoesNotThrow(canceled).pubstatus());
    assertEquals(
        "UNKNOWN_PUBSTATUS",
        code(
            "<nitf><head><docdata management-status=\"draft\"/></head>"
                + "<body><body.content><p>T.</p></body.content></body></nitf>"));
    assertEquals(
        "BAD_VERSION",
        code(
            "<nitf><head><docdata><du-key key=\"k\" version=\"two\"/></docdata></head>"
                + "<body><body.content><p>T.</p></body.content></body></nitf>"));
    assertEquals(
        "NO_BODY", code("<nitf><head/><body><body.content><p> </p></body.content></body></nitf>"));
  }

  @Test
  void recognisesNitfRootsOnly() {
    assertTrue(format.recognises("<nitf xmlns='http://iptc.org/std/NITF/2006-10-18/'/>"));
    assertFalse(format.recognises("<nitf xmlns='urn:other'/>"));
    assertFalse(format.recognises(Samples.text("g2/nitf-item.xml")), "NITF inside G2 is G2's");
    assertFalse(format.recognises("nitf: a plain line"));
  }

  private ParsedStory assertDoesNotThrow(String xml) {
    try {
      return format.parse(Samples.input("n.xml", xml), xml).get(0);
    } catch (InputRejectedException e) {
      throw new AssertionError(e);
    }
  }

  private String code(String xml) {
    return assertThrows(
            InputRejectedException.class, () -> format.parse(Samples.input("n.xml", xml), xml))
        .code();
  }
}
