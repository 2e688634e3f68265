package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one NewsML-G2 {@code newsItem} into a story: metadata from {@code itemMeta} and
 * {@code contentMeta}, text from the first {@code contentSet/inlineXML} that has any, as NITF or
 * XHTML. The whole element is read before anything is refused, so that a caller reading a
 * {@code newsMessage} can skip a bad item and carry on with the next.
 */
final class NewsItemReader {
  private static final Logger LOG = LoggerFactory.getLogger(NewsItemReader.class);
  private static final Pattern LEADING_BY = Pattern.compile("^by\\s+", Pattern.CASE_INSENSITIVE);

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
  private String xmlLang;
  private String language;
  private final List<String> creators = new ArrayList<>();
  private String nitfHeadline;
  private String nitfByline;
  private String body;

  private NewsItemReader(ElementCursor item) {
    this.item = item;
  }

  /** {@code item} stands on the newsItem's start tag; it is consumed whether or not a story comes of it. */
  static ParsedStory read(ElementCursor item, byte[] payload) throws XMLStreamException, InputRejectedException {
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
        case "headline" -> headline = FirstText.of(headline, item.text());
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
      } else {
        item.skip(); // remoteContent (pictures, other renditions) and any inline rendition after the first with text
      }
    }
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
    while (item.nextChild()) {
      if (item.name().equals("body")) {
        while (item.nextChild()) {
          switch (item.name()) {
            case "body.head" -> readNitfHead();
            case "body.content" -> setBody(item.markup());
            default -> item.skip();
          }
        }
      } else {
        item.skip();
      }
    }
  }

  private void readNitfHead() throws XMLStreamException {
    while (item.nextChild()) {
      switch (item.name()) {
        case "hedline" -> {
          while (item.nextChild()) {
            if (item.name().equals("hl1")) {
              nitfHeadline = FirstText.of(nitfHeadline, item.text());
            } else {
              item.skip();
            }
          }
        }
        case "byline" -> nitfByline = FirstText.of(nitfByline, LEADING_BY.matcher(item.text()).replaceFirst(""));
        default -> item.skip();
      }
    }
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
    if (itemClass != null && !code(itemClass).equals("text")) {
      throw new InputRejectedException("NO_BODY", what + " is a " + itemClass + " item, not text");
    }
    PubStatus status = pubStatus(what);
    // A kill or a hold needs no text to take effect downstream, so only a usable item must have some.
    if (body == null && status == PubStatus.usable) {
      throw new InputRejectedException("NO_BODY", what + " has no text in an inlineXML NITF or XHTML body");
    }
    String byline = FirstText.of(nitfByline, creators.isEmpty() ? null : String.join(", ", creators));
    Instant publishedAt = instant(what, "firstCreated", firstCreated);
    return new ParsedStory(guid, version(what), status, FirstText.of(headline, nitfHeadline), byline,
        body == null ? "" : body, FirstText.of(language, xmlLang), publishedAt != null ? publishedAt : instant(what, "versionCreated", versionCreated),
        instant(what, "embargoed", embargoed), provider, guid, payload);
  }

  private long version(String what) throws InputRejectedException {
    if (version == null || version.isBlank()) {
      return 1;
    }
    try {
      long v = Long.parseLong(version.strip());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below, with the value
    }
    throw new InputRejectedException("BAD_VERSION", what + " has version \"" + version + "\", which is not a positive whole number");
  }

  private PubStatus pubStatus(String what) throws InputRejectedException {
    if (pubStatus == null) {
      return PubStatus.usable;
    }
    return switch (code(pubStatus)) {
      case "usable" -> PubStatus.usable;
      case "withheld" -> PubStatus.withheld;
      case "canceled" -> PubStatus.canceled;
      // Guessing "usable" could publish what the sender meant to hold back.
      default -> throw new InputRejectedException("UNKNOWN_PUBSTATUS",
          what + " has publishing status " + pubStatus + "; only stat:usable, stat:withheld and stat:canceled are known");
    };
  }

  private static Instant instant(String what, String field, String value) {
    Instant instant = XmlDateTimes.parse(value);
    if (instant == null && value != null && !value.isBlank()) {
      LOG.warn("{}: {} \"{}\" is not a date-time; left out", what, field, value);
    }
    return instant;
  }

  /** The code of a qcode ("stat:usable") or of a full URI ("http://cv.iptc.org/newscodes/ninature/text"). */
  private static String code(String qcodeOrUri) {
    String s = qcodeOrUri.strip();
    return s.substring(Math.max(s.lastIndexOf(':'), s.lastIndexOf('/')) + 1);
  }
}
