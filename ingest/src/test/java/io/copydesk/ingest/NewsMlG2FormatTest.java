package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class NewsMlG2FormatTest {
  private final NewsMlG2Format format = new NewsMlG2Format();

  private List<ParsedStory> parseSample(String path) throws InputRejectedException {
    String text = Samples.text(path);
    assertTrue(format.recognises(text), path);
    return format.parse(Samples.input(path), text);
  }

  private List<ParsedStory> parse(String xml) throws InputRejectedException {
    return format.parse(Samples.input("inline.xml", xml), xml);
  }

  private String rejectCode(String xml) {
    return assertThrows(InputRejectedException.class, () -> parse(xml)).code();
  }

  /** A newsItem with the given itemMeta and contentSet content, in the G2 namespace. */
  private static String item(String guid, String itemMeta, String contentSet) {
    return "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='"
        + guid
        + "' standard='NewsML-G2' standardversion='2.35'>"
        + "<itemMeta>"
        + itemMeta
        + "</itemMeta><contentSet>"
        + contentSet
        + "</contentSet></newsItem>";
  }

  private static String nitf(String paragraph) {
    return "<inlineXML contenttype='application/nitf+xml'><nitf><body><body.content><p>"
        + paragraph
        + "</p></body.content></body></nitf></inlineXML>";
  }

  private static String message(String... items) {
    return "<newsMessage xmlns='http://iptc.org/std/nar/2006-10-01/'><header><sent>2024-05-14T11:00:00Z</sent></header>"
        + "<itemSet>"
        + String.join("", items)
        + "</itemSet></newsMessage>";
  }

  @Test
  void newsItemWithNitfBody() throws Exception {
    List<ParsedStory> stories = parseSample("g2/nitf-item.xml");
    assertEquals(1, stories.size());
    ParsedStory s = stories.get(0);
    assertEquals("urn:newsml:harbourwire.example:20240514:bergen-port-strike", s.id());
    assertEquals(s.id(), s.uri());
    assertEquals(2, s.version());
    assertEquals(PubStatus.usable, s.pubstatus());
    assertEquals(
        "Dock workers walk out at Bergen port over pay",
        s.headline(),
        "contentMeta headline before NITF hl1");
    assertEquals("Ingrid Solberg", s.byline(), "NITF byline without its 'By '");
    assertEquals(
        "BERGEN, Norway (Harbour Wire) - About 400 dock workers walked off the job at Bergen port on Tuesday "
            + "after talks on a new pay deal broke down overnight, their union said.\n\n"
            + "The strike halted container traffic and forced the cancellation of ferries to Stavanger & Haugesund.\n\n"
            + "\"We are ready to talk again as soon as the employers are,\" union leader Kari Dahl told reporters.",
        s.body());
    assertEquals("en-GB", s.language());
    assertEquals(
        Instant.parse("2024-05-14T08:30:00Z"), s.publishedAt(), "firstCreated, not versionCreated");
    assertNull(s.embargoedUntil());
    assertEquals("Harbour Wire", s.provider(), "provider literal before qcode");
    assertArrayEquals(Samples.bytes("g2/nitf-item.xml"), s.payload());
  }

  @Test
  void newsItemWithXhtmlBody() throws Exception {
    ParsedStory s = parseSample("g2/xhtml-item.xml").get(0);
    assertEquals("tag:harbourwire.example,2024:newsml_L8N3HX0AB", s.id());
    assertEquals(1, s.version());
    assertEquals("Hafenstreik legt Fährverkehr lahm", s.headline());
    assertEquals("Jonas Weber, Anna Roth", s.byline(), "creators by name, else by literal");
    assertEquals(
        "Hafenstreik legt Fährverkehr lahm\n\n"
            + "Rund 400 Hafenarbeiter in Bergen haben am Dienstag die Arbeit niedergelegt.\n\n"
            + "Fähren nach Stavanger fallen aus.\n\nContainerverkehr steht still.",
        s.body(),
        "figure and caption dropped");
    assertEquals("de", s.language(), "xml:lang when contentMeta has no language");
    assertEquals(
        Instant.parse("2024-05-14T12:00:00Z"),
        s.publishedAt(),
        "versionCreated when there is no firstCreated");
    assertEquals("nprov:HARBOURWIRE", s.provider());
  }

  @Test
  void newsMessageGivesOneStoryPerItem() throws Exception {
    List<ParsedStory> stories = parseSample("g2/message-two-items.xml");
    assertEquals(2, stories.size());
    ParsedStory budget = stories.get(0);
    assertEquals("urn:newsml:harbourwire.example:20240514:oslo-budget", budget.id());
    assertEquals(
        "Norway trims oil fund spending in revised budget",
        budget.headline(),
        "NITF hl1 when contentMeta has no headline");
    assertEquals("Per Nilsen", budget.byline());
    assertEquals(
        "OSLO (Harbour Wire) - Norway's government will spend less from its oil fund this year, it said on Tuesday.\n\n"
            + "The finance ministry cited higher interest rates.",
        budget.body());
    assertEquals("en", budget.language());
    ParsedStory aurora = stories.get(1);
    assertEquals("urn:newsml:harbourwire.example:20240514:tromso-aurora", aurora.id());
    assertEquals(3, aurora.version());
    assertEquals("Nordlys trekker turister til Tromsø", aurora.headline());
    assertNull(aurora.byline());
    assertEquals("nb", aurora.language());
    assertEquals(
        "TROMSØ (Harbour Wire) - Rekordmange turister kom for å se nordlyset i vinter.",
        aurora.body());
    assertEquals(Instant.parse("2024-05-14T10:55:00Z"), aurora.publishedAt());
  }

  @Test
  void aCanceledItemNeedsNoText() throws Exception {
    ParsedStory s = parseSample("g2/canceled-item.xml").get(0);
    assertEquals(PubStatus.canceled, s.pubstatus());
    assertEquals("urn:newsml:harbourwire.example:20240514:bergen-port-strike", s.id());
    assertEquals(3, s.version());
    assertEquals("KILL - Dock workers walk out at Bergen port over pay", s.headline());
    assertEquals("", s.body());
    assertEquals(Instant.parse("2024-05-14T08:30:00Z"), s.publishedAt());
  }

  @Test
  void embargoedItem() throws Exception {
    ParsedStory s = parseSample("g2/embargoed-item.xml").get(0);
    assertEquals(Instant.parse("2024-05-15T06:00:00Z"), s.embargoedUntil());
    assertEquals(Instant.parse("2024-05-14T16:00:00Z"), s.publishedAt());
    assertEquals(PubStatus.usable, s.pubstatus());
    assertEquals("Central bank sees slower growth in 2025", s.headline());
    assertEquals(
        "The central bank expects growth to slow to 1.1 percent next year, its quarterly report said.",
        s.body(),
        "NITF without a namespace, itemClass given as a full URI");
  }

  @Test
  void missingVersionAndStatusDefaultAndWithheldIsKept() throws Exception {
    ParsedStory plain =
        parse(item("urn:x:1", "<itemClass qcode='ninat:text'/>", nitf("Text."))).get(0);
    assertEquals(1, plain.version());
    assertEquals(PubStatus.usable, plain.pubstatus());
    ParsedStory held = parse(item("urn:x:2", "<pubStatus qcode='stat:withheld'/>", "")).get(0);
    assertEquals(PubStatus.withheld, held.pubstatus());
  }

  @Test
  void aSingleItemWithoutTextIsRefused() {
    assertEquals("NO_BODY", rejectCode(item("urn:x:1", "<itemClass qcode='ninat:text'/>", "")));
    assertEquals(
        "NO_BODY", rejectCode(item("urn:x:2", "<itemClass qcode='ninat:text'/>", nitf(" "))));
    assertEquals(
        "NO_BODY",
        rejectCode(
            item(
                "urn:x:3",
                "<itemClass qcode='ninat:picture'/>",
                "<remoteContent href='https://img.example/1.jpg' contenttype='image/jpeg'/>")));
  }

  @Test
  void unknownStatusOrBadVersionIsRefused() {
    assertEquals(
        "UNKNOWN_PUBSTATUS",
        rejectCode(item("urn:x:1", "<pubStatus qcode='stat:draft'/>", nitf("Text."))));
    assertEquals(
        "BAD_VERSION",
        rejectCode(item("urn:x:1", "", nitf("Text.")).replace("guid=", "version='two' guid=")));
  }

  @Test
  void aMessageSkipsItemsWithoutTextAndKeepsTheRest() throws Exception {
    List<ParsedStory> stories =
        parse(
            message(
                item(
                    "urn:x:picture",
                    "<itemClass qcode='ninat:picture'/>",
                    "<remoteContent href='https://img.example/1.jpg'/>"),
                item("urn:x:empty", "<itemClass qcode='ninat:text'/>", ""),
                item("urn:x:good", "<itemClass qcode='ninat:text'/>", nitf("The good one.")),
                "<packageItem guid='urn:x:package'/>"));
    assertEquals(1, stories.size());
    assertEquals("urn:x:good", stories.get(0).id());
    assertEquals("The good one.", stories.get(0).body());
  }

  @Test
  void aMessageWithNoTextItemIsRefused() {
    InputRejectedException e =
        assertThrows(
            InputRejectedException.class,
            () ->
                parse(
                    message(
                        item("urn:x:picture", "<itemClass qcode='ninat:picture'/>", ""),
                        item("urn:x:empty", "", ""))));
    assertEquals("NO_BODY", e.code());
    assertTrue(
        e.getMessage().contains("urn:x:picture") && e.getMessage().contains("urn:x:empty"),
        e.getMessage());
    assertEquals("NO_BODY", rejectCode(message()));
  }

  @Test
  void truncatedXmlIsMalformed() {
    String whole = Samples.text("g2/nitf-item.xml");
    String truncated = whole.substring(0, whole.indexOf("<body.content>") + 40);
    assertTrue(format.recognises(truncated), "the root is still there to recognise");
    assertEquals("MALFORMED_XML", rejectCode(truncated));
    String message = Samples.text("g2/message-two-items.xml");
    assertEquals(
        "MALFORMED_XML", rejectCode(message.substring(0, message.indexOf("tromso-aurora"))));
    assertEquals("MALFORMED_XML", rejectCode(whole + "<trailing/>"));
  }

  @Test
  void recognisesOnlyG2Roots() {
    assertTrue(format.recognises(Samples.text("g2/message-two-items.xml")));
    assertFalse(format.recognises("<newsItem xmlns='urn:other' guid='x'/>"));
    assertFalse(format.recognises("<newsItem guid='x'/>"));
    assertFalse(format.recognises(Samples.text("feeds/rss2.xml")));
    assertFalse(format.recognises("newsItem: Quake hits coast\nA quake hit the coast."));
  }

  @Test
  void theReaderRecordsTheFormat() throws Exception {
    List<RawArticle> articles =
        new ArticleReader(1 << 20).read(Samples.input("g2/message-two-items.xml"));
    assertEquals(2, articles.size());
    assertEquals("newsml-g2", articles.get(0).getSource().getFormat());
    assertEquals("urn:newsml:harbourwire.example:20240514:oslo-budget", articles.get(0).getId());
    assertEquals("message-two-items.xml", articles.get(1).getSource().getFile());
  }
}
