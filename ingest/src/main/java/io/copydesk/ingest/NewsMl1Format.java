package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPTC NewsML 1.x (1.0 to 1.2; AFP, Kyodo, ATS, EFE, TASS and others): a {@code NewsML} root with
 * one or more {@code NewsItem}s, usually behind {@code <!DOCTYPE NewsML SYSTEM "NewsML_1.2.dtd">}
 * (accepted, never loaded). Each NewsItem is a story:
 *
 * <ul>
 *   <li>id: {@code PublicIdentifier} without its revision part ({@code
 *       urn:newsml:afp.com:20240514:TX-PAR-ABC12}), else built from {@code ProviderId}, {@code
 *       DateId} and {@code NewsItemId}; version: {@code RevisionId};
 *   <li>status: {@code NewsManagement/Status@FormalName} (Usable, Embargoed, Withheld, Canceled);
 *       an embargo ends at {@code StatusWillChange/DateAndTime};
 *   <li>headline, byline, dateline: the first {@code NewsLines} of the component tree, else the
 *       NITF's;
 *   <li>body: the first text {@code ContentItem} with any: NITF, XHTML or plain text in {@code
 *       DataContent}.
 * </ul>
 */
final class NewsMl1Format implements WireFormat {
  private static final Logger LOG = LoggerFactory.getLogger(NewsMl1Format.class);

  @Override
  public String name() {
    return "newsml-1";
  }

  @Override
  public boolean recognises(String text) {
    return SafeXml.root(text).filter(root -> root.name().equals("NewsML")).isPresent();
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    try {
      ElementCursor root = new ElementCursor(SafeXml.openAtRootAllowingExternalDtd(text));
      List<ParsedStory> stories = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      while (root.nextChild()) {
        if (!root.name().equals("NewsItem")) {
          root.skip(); // NewsEnvelope, Catalog, TopicSet
          continue;
        }
        try {
          stories.add(new Item(root).read().story(input));
        } catch (InputRejectedException e) {
          if (!e.code().equals("NO_BODY")) {
            throw e;
          }
          skipped.add(e.getMessage());
        }
      }
      root.finishDocument();
      for (String why : skipped) {
        LOG.warn("{}: skipped a NewsItem: {}", input.name(), why);
      }
      if (stories.isEmpty()) {
        throw new InputRejectedException(
            "NO_BODY",
            skipped.isEmpty()
                ? "the NewsML document holds no NewsItem"
                : String.join("; ", skipped));
      }
      return stories;
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(e);
    }
  }

  /** One NewsItem, read element by element. */
  private static final class Item {
    private final ElementCursor cursor;
    private String providerId;
    private String dateId;
    private String newsItemId;
    private String revisionId;
    private String publicIdentifier;
    private String firstCreated;
    private String revisionCreated;
    private String status;
    private String futureStatusTime;
    private String headline;
    private String byline;
    private String dateline;
    private String provider;
    private String language;
    private String body;
    private NitfDocument nitf;

    Item(ElementCursor cursor) {
      this.cursor = cursor;
    }

    Item read() throws XMLStreamException {
      language = cursor.xmlLang();
      while (cursor.nextChild()) {
        switch (cursor.name()) {
          case "Identification" -> readIdentification();
          case "NewsManagement" -> readManagement();
          case "NewsComponent" -> readComponent();
          default -> cursor.skip();
        }
      }
      return this;
    }

    private void readIdentification() throws XMLStreamException {
      while (cursor.nextChild()) {
        if (!cursor.name().equals("NewsIdentifier")) {
          cursor.skip();
          continue;
        }
        while (cursor.nextChild()) {
          switch (cursor.name()) {
            case "ProviderId" -> providerId = cursor.text();
            case "DateId" -> dateId = cursor.text();
            case "NewsItemId" -> newsItemId = cursor.text();
            case "RevisionId" -> revisionId = cursor.text();
            case "PublicIdentifier" -> publicIdentifier = cursor.text();
            default -> cursor.skip();
          }
        }
      }
    }

    private void readManagement() throws XMLStreamException {
      while (cursor.nextChild()) {
        switch (cursor.name()) {
          case "FirstCreated" -> firstCreated = cursor.text();
          case "ThisRevisionCreated" -> revisionCreated = cursor.text();
          case "Status" -> status = cursor.attributeAndSkip("FormalName");
          case "StatusWillChange" -> {
            while (cursor.nextChild()) {
              if (cursor.name().equals("DateAndTime")) {
                futureStatusTime = cursor.text();
              } else {
                cursor.skip();
              }
            }
          }
          default -> cursor.skip();
        }
      }
    }

    /**
     * A NewsComponent and those nested in it: the first of each field found, in document order,
     * counts.
     */
    private void readComponent() throws XMLStreamException {
      language = FirstText.of(language, cursor.xmlLang());
      while (cursor.nextChild()) {
        switch (cursor.name()) {
          case "NewsLines" -> readNewsLines();
          case "AdministrativeMetadata" -> readAdministrative();
          case "DescriptiveMetadata" -> readDescriptive();
          case "NewsComponent" -> readComponent();
          case "ContentItem" -> readContentItem();
          default -> cursor.skip();
        }
      }
    }

    private void readNewsLines() throws XMLStreamException {
      while (cursor.nextChild()) {
        switch (cursor.name()) {
          case "HeadLine" -> headline = FirstText.of(headline, cursor.text());
          case "ByLine" -> byline = FirstText.of(byline, NitfDocument.withoutBy(cursor.text()));
          case "DateLine" -> dateline = FirstText.of(dateline, cursor.text());
          default -> cursor.skip(); // SubHeadLine, CreditLine, CopyrightLine, SlugLine, KeywordLine
        }
      }
    }

    private void readAdministrative() throws XMLStreamException {
      while (cursor.nextChild()) {
        if (cursor.name().equals("Provider") || cursor.name().equals("Source")) {
          while (cursor.nextChild()) {
            if (cursor.name().equals("Party")) {
              provider = FirstText.of(provider, cursor.attributeAndSkip("FormalName"));
            } else {
              cursor.skip();
            }
          }
        } else {
          cursor.skip();
        }
      }
    }

    private void readDescriptive() throws XMLStreamException {
      while (cursor.nextChild()) {
        if (cursor.name().equals("Language")) {
          language = FirstText.of(language, cursor.attributeAndSkip("FormalName"));
        } else {
          cursor.skip();
        }
      }
    }

    /**
     * A text ContentItem's DataContent: NITF, XHTML or plain text. Photos and other media are
     * skipped.
     */
    private void readContentItem() throws XMLStreamException {
      String mediaType = null;
      String mimeType = null;
      while (cursor.nextChild()) {
        switch (cursor.name()) {
          case "MediaType" -> mediaType = cursor.attributeAndSkip("FormalName");
          case "MimeType" -> mimeType = cursor.attributeAndSkip("FormalName");
          case "DataContent" -> {
            boolean text = mediaType == null || mediaType.equalsIgnoreCase("Text");
            if (text && body == null) {
              readDataContent(mimeType);
            } else {
              cursor.skip();
            }
          }
          default -> cursor.skip();
        }
      }
    }

    private void readDataContent(String mimeType) throws XMLStreamException {
      String markup = cursor.markup();
      if (markup.contains("<nitf")) {
        // The markup is our own well-formed rewrite of the element's content, with the nitf element
        // as its root.
        ElementCursor inner =
            new ElementCursor(SafeXml.open(markup.substring(markup.indexOf("<nitf"))));
        if (inner.nextChild()) {
          nitf = NitfDocument.read(inner);
          body = FirstText.of(body, nitf.bodyWithDateline());
        }
      } else if (markup.contains("<")) {
        body = FirstText.of(body, HtmlText.paragraphs(markup));
      } else {
        boolean html = mimeType != null && mimeType.toLowerCase(Locale.ROOT).contains("html");
        body =
            FirstText.of(
                body,
                HtmlText.paragraphsOfTextOrMarkup(Parser.unescapeEntities(markup, false), html));
      }
    }

    ParsedStory story(InputDocument input) throws InputRejectedException {
      String id = id();
      String what = id == null ? "the NewsItem" : "NewsItem " + id;
      PubStatus pubstatus = WireFields.pubStatus(status, what);
      String title = FirstText.of(headline, nitf == null ? null : nitf.headline);
      String text = NitfDocument.withDateline(body == null ? "" : body, dateline, null);
      if (text.isBlank() && title == null && pubstatus == PubStatus.usable) {
        throw new InputRejectedException(
            "NO_BODY", what + " has neither a headline nor text in a text ContentItem");
      }
      Instant created = XmlDateTimes.parse(FirstText.of(firstCreated, revisionCreated));
      Instant embargo =
          status != null && status.equalsIgnoreCase("Embargoed")
              ? XmlDateTimes.parse(futureStatusTime)
              : null;
      return new ParsedStory(
          id,
          WireFields.version(revisionId, what),
          pubstatus,
          title,
          FirstText.of(byline, nitf == null ? null : nitf.byline),
          text,
          FirstText.of(language, nitf == null ? null : nitf.language),
          created,
          embargo,
          FirstText.of(provider, providerId),
          publicIdentifier,
          input.bytes());
    }

    /**
     * The public identifier without its last part (the revision, with an "A"/"U" update flag), so
     * revisions share it.
     */
    private String id() {
      if (publicIdentifier != null && publicIdentifier.split(":").length > 5) {
        return publicIdentifier.substring(0, publicIdentifier.lastIndexOf(':'));
      }
      if (providerId != null && newsItemId != null) {
        return "urn:newsml:" + providerId + ":" + (dateId == null ? "" : dateId) + ":" + newsItemId;
      }
      return publicIdentifier;
    }
  }
}
