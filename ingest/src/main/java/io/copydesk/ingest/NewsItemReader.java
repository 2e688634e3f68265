package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one NewsML-G2 {@code newsItem} into a story: metadata from {@code itemMeta} and {@code
 * contentMeta}, text from the first {@code contentSet/inlineXML} (NITF or XHTML) or {@code
 * inlineData} (plain text, or HTML in a text body) that has any. The whole element is read before
 * anything is refused, so that a caller reading a {@code newsMessage} can skip a bad item and carry
 * on with the next.
 */
final class NewsItemReader {
  private static final Logger LOG = LoggerFactory.getLogger(NewsItemReader.class);

  private final ElementCursor item;
  private String guid;
  private String version;
  private String itemClass;
  private String provider;
  private String pubStatus;
  private String firstCreated;
  private String versionCreated;
  private String embargoed;
  private String headline;
  private String otherHeadline;
  private String xmlLang;
  private String language;
  private final List<String> creators = new ArrayList<>();
  private String nitfHeadline;
  private String nitfByline;
  private String body;

  private NewsItemReader(ElementCursor item) {
    this.item = item;
  }

  /**
   * {@code item} stands on the newsItem's start tag; it is consumed whether or not a story comes of
   * it.
   */
  static ParsedStory read(ElementCursor item, byte[] payload)
      throws XMLStreamException, InputRejectedException {
    NewsItemReader reader = new NewsItemReader(item);
    reader.readItem();
    return reader.story(payload);
  }

  private void readItem() throws XMLStreamException {
    guid = item.attribute("guid");
    version = item.attribute("version");
    xmlLang = item.xmlLang();
    while (item.nextChild()) {
      switch (item.name()) {
        case "itemMeta" -> readItemMeta();
        case "contentMeta" -> readContentMeta();
        case "contentSet" -> readContentSet();
        default -> item.skip();
      }
    }
  }

  private void readItemMeta() throws XMLStreamException {
    while (item.nextChild()) {
      switch (item.name()) {
        case "itemClass" -> itemClass = item.attributeAndSkip("qcode");
        case "provider" -> provider = readParty(false);
        case "firstCreated" -> firstCreated = item.text();
        case "versionCreated" -> versionCreated = item.text();
        case "embargoed" -> embargoed = item.text();
        case "pubStatus" -> pubStatus = item.attributeAndSkip("qcode");
        default -> item.skip();
      }
    }
  }

  private void readContentMeta() throws XMLStreamException {
    while (item.nextChild()) {
      switch (item.name()) {
        case "headline" -> readHeadline();
        case "language" -> language = FirstText.of(language, item.attributeAndSkip("tag"));
        case "creator" -> {
          String creator = readParty(true);
          if (creator != null) {
            creators.add(creator);
          }
        }
        default -> item.skip();
      }
    }
  }

  /**
   * The main headline (role {@code hld:main} or none) wins; a headline of another role (short, sub,
   * alternative) stands in when the item has no main one.
   */
  private void readHeadline() throws XMLStreamException {
    String role = item.attribute("role");
    String text = item.text();
    if (role == null || WireFields.lastSegment(role).equalsIgnoreCase("main")) {
      headline = FirstText.of(headline, text);
    } else {
      otherHeadline = FirstText.of(otherHeadline, text);
    }
  }

  /**
   * A G2 party (provider, creator) as one string. A provider is named by its literal or qcode
   * ("nprov:REUTERS"); a person by the {@code name} child, since their qcode is an internal id.
   */
  private String readParty(boolean personal) throws XMLStreamException {
    String literal = item.attribute("literal");
    String qcode = item.attribute("qcode");
    String name = null;
    while (item.nextChild()) {
      if (item.name().equals("name")) {
        name = FirstText.of(name, item.text());
      } else {
        item.skip();
      }
    }
    return personal ? FirstText.of(name, literal) : FirstText.of(literal, qcode, name);
  }

  private void readContentSet() throws XMLStreamException {
    while (item.nextChild()) {
      if (item.name().equals("inlineXML") && body == null) {
        readInlineXml();
      } else if (item.name().equals("inlineData") && body == null) {
        readInlineData();
      } else {
        item.skip(); // remoteContent (pictures, other renditions) and any inline rendition after
        // the first with text
      }
    }
  }

  /**
   * Text as character data: {@code text/plain} as the standard intends, but editorial systems also
   * put HTML there, escaped or in a CDATA section. Markup is read as markup whatever the declared
   * type, so that tags never reach the body; plain text keeps its lines as paragraphs.
   */
  private void readInlineData() throws XMLStreamException {
    String contentType = item.attribute("contenttype");
    boolean html = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    body = FirstText.of(body, HtmlText.paragraphsOfTextOrMarkup(item.rawText(), html));
  }

  private void readInlineXml() throws XMLStreamException {
    while (item.nextChild()) {
      switch (item.name()) {
        case "nitf" -> readNitf();
        case "html" -> readXhtml();
        default -> setBody(item.markup()); // a bare XHTML fragment
      }
    }
  }

  private void readNitf() throws XMLStreamException {
    NitfDocument nitf = NitfDocument.read(item);
    nitfHeadline = FirstText.of(nitfHeadline, nitf.headline);
    nitfByline = FirstText.of(nitfByline, nitf.byline);
    body = FirstText.of(body, nitf.bodyWithDateline());
  }

  private void readXhtml() throws XMLStreamException {
    while (item.nextChild()) {
      if (item.name().equals("body")) {
        setBody(item.markup());
      } else {
        item.skip();
      }
    }
  }

  private void setBody(String markup) {
    body = FirstText.of(body, HtmlText.paragraphs(markup));
  }

  private ParsedStory story(byte[] payload) throws InputRejectedException {
    String what = guid == null ? "the newsItem" : "newsItem " + guid;
    if (itemClass != null && !WireFields.lastSegment(itemClass).equals("text")) {
      throw new InputRejectedException("NO_BODY", what + " is a " + itemClass + " item, not text");
    }
    PubStatus status = WireFields.pubStatus(pubStatus, what);
    String title = FirstText.of(headline, nitfHeadline, otherHeadline);
    // A kill or a hold needs no text to take effect downstream; a flash or bulletin is its
    // headline.
    if (body == null && status == PubStatus.usable && title == null) {
      throw new InputRejectedException(
          "NO_BODY",
          what + " has neither a headline nor text in an inline NITF, XHTML or text body");
    }
    String byline =
        FirstText.of(nitfByline, creators.isEmpty() ? null : String.join(", ", creators));
    Instant publishedAt = instant(what, "firstCreated", firstCreated);
    return new ParsedStory(
        guid,
        WireFields.version(version, what),
        status,
        title,
        byline,
        body == null ? "" : body,
        FirstText.of(language, xmlLang),
        publishedAt != null ? publishedAt : instant(what, "versionCreated", versionCreated),
        instant(what, "embargoed", embargoed),
        provider,
        guid,
        payload);
  }

  private static Instant instant(String what, String field, String value) {
    Instant instant = XmlDateTimes.parse(value);
    if (instant == null && value != null && !value.isBlank()) {
      LOG.warn("{}: {} \"{}\" is not a date-time; left out", what, field, value);
    }
    return instant;
  }
}
