package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedFormatTest {
  private final FeedFormat rss = FeedFormat.rss();
  private final FeedFormat atom = FeedFormat.atom();

  private static List<ParsedStory> parseSample(FeedFormat format, String path)
      throws InputRejectedException {
    String text = Samples.text(path);
    assertTrue(format.recognises(text), path);
    return format.parse(Samples.input(path), text);
  }

  private static String payload(ParsedStory story) {
    return new String(story.payload(), StandardCharsets.UTF_8);
  }

  /** An RSS 2.0 feed with this many numbered items. */
  private static String rssWithItems(int count) {
    StringBuilder feed =
        new StringBuilder(
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Bulk</title>"
                + "<link>https://bulk.example/</link><description>Many items</description>");
    for (int i = 1; i <= count; i++) {
      feed.append("<item><title>Item ")
          .append(i)
          .append("</title><guid>bulk-")
          .append(i)
          .append("</guid><description>&lt;p&gt;Paragraph of item ")
          .append(i)
          .append(".&lt;/p&gt;</description></item>");
    }
    return feed.append("</channel></rss>").toString();
  }

  @Test
  void rss2ItemsWithContentEncodedDescriptionsAndCreators() throws Exception {
    List<ParsedStory> stories = parseSample(rss, "feeds/rss2.xml");
    assertEquals(3, stories.size(), "the photo item has no text and is skipped");

    ParsedStory ferry = stories.get(0);
    assertEquals("gazette-2024-05-14-0001", ferry.id());
    assertEquals("https://gazette.example/news/ferry-timetable-cut", ferry.uri());
    assertEquals("Ferry timetable cut as strike bites", ferry.headline());
    assertEquals("Ann Lee", ferry.byline());
    assertEquals(
        "Ferries to the islands will run every two hours from Wednesday, the operator said.\n\n"
            + "Commuters were told to allow extra time & to check the website.",
        ferry.body(),
        "content:encoded before description");
    assertEquals(Instant.parse("2024-05-14T08:30:00Z"), ferry.publishedAt());
    assertEquals(
        Instant.parse("2024-05-14T08:30:00Z").getEpochSecond(),
        ferry.version(),
        "the item's time is its version");
    assertEquals(PubStatus.usable, ferry.pubstatus());
    assertEquals("en-gb", ferry.language());
    assertEquals("Harbour Gazette - Local news", ferry.provider());
    assertTrue(
        payload(ferry).startsWith("<item") && payload(ferry).contains("gazette-2024-05-14-0001"),
        payload(ferry));
    assertFalse(payload(ferry).contains("Harbour master"), "the payload is the item, not the feed");

    ParsedStory retires = stories.get(1);
    assertEquals(
        "https://gazette.example/news/harbour-master-retires",
        retires.id(),
        "the link when there is no guid");
    assertEquals("Bob Ray", retires.byline(), "the name from an RSS author e-mail");
    assertEquals(
        "Captain Eva Strand steps down on Friday.\n\nA party is planned at the quay.",
        retires.body());
    assertEquals(Instant.parse("2024-05-13T17:05:00Z"), retires.publishedAt());

    ParsedStory storm = stories.get(2);
    assertNull(storm.id());
    assertNull(storm.uri());
    assertNull(storm.byline());
    assertNull(storm.publishedAt());
    assertEquals(
        "The met office warned of gales overnight.\n\nBoats should stay in port.", storm.body());
  }

  @Test
  void atomEntriesAndTombstones() throws Exception {
    List<ParsedStory> stories = parseSample(atom, "feeds/atom.xml");
    assertEquals(3, stories.size());

    ParsedStory strike = stories.get(0);
    assertEquals("tag:fil.example,2024-05-14:/depeches/1042", strike.id());
    assertEquals("https://fil.example/depeches/1042", strike.uri());
    assertEquals(
        "Grève & ferries : le trafic perturbé", strike.headline(), "an html title read as HTML");
    assertEquals("Marie Lefèvre, Luc Martin", strike.byline());
    assertEquals(
        "Le trafic des ferries est fortement perturbé mardi.\n\nLa grève pourrait durer jusqu'à vendredi.",
        strike.body(),
        "xhtml content before the summary");
    assertEquals(Instant.parse("2024-05-14T06:00:00Z"), strike.publishedAt());
    assertEquals("fr", strike.language(), "the feed's xml:lang");
    assertEquals("Le Fil du Port", strike.provider());

    ParsedStory weather = stories.get(1);
    assertEquals(
        "Des rafales à 100 km/h sont attendues sur la côte.",
        weather.body(),
        "the summary when there is no content");
    assertEquals(
        Instant.parse("2024-05-14T11:00:00Z"),
        weather.publishedAt(),
        "updated when there is no published");
    assertNull(weather.uri());

    ParsedStory deleted = stories.get(2);
    assertEquals("tag:fil.example,2024-05-13:/depeches/0999", deleted.id());
    assertEquals(PubStatus.canceled, deleted.pubstatus());
    assertEquals("Dépêche retirée : erreur sur l'identité.", deleted.body());
    assertEquals(Instant.parse("2024-05-14T07:15:00Z"), deleted.publishedAt());
    assertTrue(payload(deleted).contains("deleted-entry"), payload(deleted));
  }

  @Test
  void rss1RdfFeed() throws Exception {
    List<ParsedStory> stories = parseSample(rss, "feeds/rss1-rdf.xml");
    assertEquals(1, stories.size());
    ParsedStory crane = stories.get(0);
    assertEquals("https://quay.example/notes/7", crane.id());
    assertEquals("New crane arrives", crane.headline());
    assertEquals("Sam Holt", crane.byline());
    assertEquals("A 60-tonne crane was delivered by barge on Monday.", crane.body());
    assertEquals(Instant.parse("2024-05-13T15:00:00Z"), crane.publishedAt());
    assertEquals("Quay Notes", crane.provider());
  }

  @Test
  void eachFamilyRecognisesItsOwnRoots() {
    assertTrue(rss.recognises(Samples.text("feeds/rss2.xml")));
    assertFalse(rss.recognises(Samples.text("feeds/atom.xml")));
    assertTrue(atom.recognises(Samples.text("feeds/atom.xml")));
    assertFalse(atom.recognises(Samples.text("feeds/rss2.xml")));
    assertFalse(atom.recognises("<feed><title>not Atom: no namespace</title></feed>"));
    assertFalse(rss.recognises(Samples.text("g2/nitf-item.xml")));
    assertEquals("rss", rss.name());
    assertEquals("atom", atom.name());
  }

  @Test
  void aFeedWithoutTextIsRefused() {
    String noText =
        "<rss version='2.0'><channel><title>T</title><link>https://t.example/</link><description>d</description>"
            + "<item><title>Only a title</title><link>https://t.example/1</link></item></channel></rss>";
    InputRejectedException e =
        assertThrows(
            InputRejectedException.class, () -> rss.parse(Samples.input("f.xml", noText), noText));
    assertEquals("NO_BODY", e.code());
    String empty =
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title><id>urn:x</id><updated>2024-05-14T00:00:00Z</updated></feed>";
    assertEquals(
        "NO_BODY",
        assertThrows(
                InputRejectedException.class,
                () -> atom.parse(Samples.input("f.xml", empty), empty))
            .code());
  }

  @Test
  void theItemLimitIsConfigurable() {
    String text = Samples.text("feeds/rss2.xml");
    InputRejectedException e =
        assertThrows(
            InputRejectedException.class,
            () -> rss.withMaxItems(3).parse(Samples.input("rss2.xml", text), text));
    assertEquals("TOO_MANY_ITEMS", e.code());
    assertTrue(
        e.getMessage().contains("4 items") && e.getMessage().contains("limit is 3"),
        e.getMessage());
  }

  @Test
  void aFeedAtTheLimitIsReadWhole() throws Exception {
    String feed = rssWithItems(FeedFormat.MAX_ITEMS);
    List<RawArticle> articles = new ArticleReader(64 << 20).read(Samples.input("bulk.xml", feed));
    assertEquals(FeedFormat.MAX_ITEMS, articles.size());
    Set<String> ids = new HashSet<>();
    articles.forEach(a -> ids.add(a.getId()));
    assertEquals(FeedFormat.MAX_ITEMS, ids.size());
    assertEquals("Paragraph of item 1000.", articles.get(999).getBody());
    assertEquals("rss", articles.get(0).getSource().getFormat());
  }

  @Test
  void aTenThousandItemFeedIsRefusedQuickly() {
    String feed = rssWithItems(10_000);
    InputRejectedException e =
        assertTimeout(
            Duration.ofSeconds(30),
            () ->
                assertThrows(
                    InputRejectedException.class,
                    () -> new ArticleReader(64 << 20).read(Samples.input("bulk.xml", feed))));
    assertEquals("TOO_MANY_ITEMS", e.code());
    assertTrue(e.getMessage().contains("10000 items"), e.getMessage());
  }

  @Test
  void truncatedFeedIsMalformed() {
    String whole = Samples.text("feeds/rss2.xml");
    String truncated = whole.substring(0, whole.indexOf("Harbour master"));
    assertEquals(
        "MALFORMED_XML",
        assertThrows(
                InputRejectedException.class,
                () -> rss.parse(Samples.input("t.xml", truncated), truncated))
            .code());
  }
}
