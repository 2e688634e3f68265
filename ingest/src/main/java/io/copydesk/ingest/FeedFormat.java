package io.copydesk.ingest;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import io.copydesk.schema.PubStatus;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syndication feeds, read with Rome: one story per item or entry. One class serves both families,
 * built as {@link #rss()} (RSS 0.9x, 1.0/RDF and 2.0) or {@link #atom()} (Atom 1.0 and 0.3), so the
 * recorded format says which the feed was.
 *
 * <p>Feeds carry no versions and no statuses, except Atom's RFC 6721 tombstones ({@code
 * at:deleted-entry}), which become canceled stories for the entry they name. An item's version is
 * its last-updated time in epoch seconds (1 when it has none), so an edited item is a newer version
 * of its story and a tombstone, stamped with its deletion time, is newer still. An item without
 * text is skipped with a warning; the feed is refused only when none has text.
 */
final class FeedFormat implements WireFormat {
  /** More items than this in one feed is not a news feed but an archive dump or an attack. */
  static final int MAX_ITEMS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(FeedFormat.class);
  private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String ATOM_1_0 = "http://www.w3.org/2005/Atom";
  private static final String ATOM_0_3 = "http://purl.org/atom/ns#";
  private static final Namespace TOMBSTONES =
      Namespace.getNamespace("http://purl.org/atompub/tombstones/1.0");

  /** RSS 2.0 {@code author}: an e-mail address with the name in brackets. */
  private static final Pattern RSS_AUTHOR = Pattern.compile("^\\S+@\\S+\\s+\\((.+)\\)$");

  private final String name;
  private final Predicate<SafeXml.Root> roots;
  private final int maxItems;

  private FeedFormat(String name, Predicate<SafeXml.Root> roots, int maxItems) {
    this.name = name;
    this.roots = roots;
    this.maxItems = maxItems;
  }

  static FeedFormat rss() {
    return new FeedFormat(
        "rss", root -> root.name().equals("rss") || root.is(RDF, "RDF"), MAX_ITEMS);
  }

  static FeedFormat atom() {
    return new FeedFormat(
        "atom", root -> root.is(ATOM_1_0, "feed") || root.is(ATOM_0_3, "feed"), MAX_ITEMS);
  }

  /** The same format with another item limit. */
  FeedFormat withMaxItems(int limit) {
    return new FeedFormat(name, roots, limit);
  }

  @Override
  public boolean headlineOnlyIsCopy() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean recognises(String text) {
    return SafeXml.root(text).filter(roots).isPresent();
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    SafeXml.safeRoot(
        text); // a DOCTYPE is refused here, as for every XML format, before Rome sees the text
    HardenedFeedInput rome = new HardenedFeedInput();
    Document document = rome.document(text);
    Element root = document.getRootElement();
    List<Element> items = itemElements(root);
    List<Element> tombstones = root.getChildren("deleted-entry", TOMBSTONES);
    if (items.size() + tombstones.size() > maxItems) {
      throw new InputRejectedException(
          "TOO_MANY_ITEMS",
          "the feed has "
              + (items.size() + tombstones.size())
              + " items; the limit is "
              + maxItems
              + " (a news feed is not an archive)");
    }
    SyndFeed feed = new SyndFeedImpl(rome.wireFeed(document));
    Shared shared =
        new Shared(
            FirstText.of(feed.getTitle()),
            FirstText.of(
                feed.getLanguage(), root.getAttributeValue("lang", Namespace.XML_NAMESPACE)));
    List<SyndEntry> entries = feed.getEntries();
    // Rome keeps the feed's order, so entry i is item element i; should that ever not hold, fall
    // back to the whole feed.
    boolean itemPayloads = entries.size() == items.size();

    List<ParsedStory> stories = new ArrayList<>();
    int empty = 0;
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry entry = entries.get(i);
      String body = text(entry.getContents(), entry.getDescription());
      if (body == null) {
        empty++;
        LOG.warn(
            "{}: feed item {} ({}) has no text; skipped",
            input.name(),
            i + 1,
            FirstText.of(entry.getTitle(), entry.getUri()));
      } else {
        stories.add(
            itemStory(entry, body, shared, itemPayloads ? bytes(items.get(i)) : input.bytes()));
      }
    }
    for (Element tombstone : tombstones) {
      String ref = FirstText.of(tombstone.getAttributeValue("ref"));
      if (ref == null) {
        LOG.warn("{}: an at:deleted-entry names no entry (no ref); skipped", input.name());
      } else {
        stories.add(tombstoneStory(ref, tombstone, shared));
      }
    }
    if (stories.isEmpty()) {
      throw new InputRejectedException(
          "NO_BODY",
          empty == 0
              ? "the feed has no items"
              : "none of the feed's " + empty + " items has any text");
    }
    return stories;
  }

  /** What every story of one feed takes from the feed itself. */
  private record Shared(String provider, String language) {}

  private static ParsedStory itemStory(SyndEntry entry, String body, Shared feed, byte[] payload) {
    Date published =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    Date updated = entry.getUpdatedDate() != null ? entry.getUpdatedDate() : published;
    return new ParsedStory(
        FirstText.of(entry.getUri(), entry.getLink()),
        versionAt(updated == null ? null : updated.toInstant()),
        PubStatus.usable,
        headline(entry.getTitleEx()),
        byline(entry),
        body,
        feed.language(),
        published == null ? null : published.toInstant(),
        null,
        feed.provider(),
        FirstText.of(entry.getLink()),
        payload);
  }

  /**
   * A canceled story for the entry a tombstone names: the deletion time as its publication time,
   * the comment as its text.
   */
  private static ParsedStory tombstoneStory(String ref, Element tombstone, Shared feed) {
    String comment = FirstText.of(tombstone.getChildTextNormalize("comment", TOMBSTONES));
    java.time.Instant when = XmlDateTimes.parse(tombstone.getAttributeValue("when"));
    return new ParsedStory(
        ref,
        versionAt(when),
        PubStatus.canceled,
        null,
        null,
        comment == null ? "" : comment,
        feed.language(),
        when,
        null,
        feed.provider(),
        null,
        bytes(tombstone));
  }

  /** A feed item's version: when it was last changed, in epoch seconds. */
  private static long versionAt(java.time.Instant changed) {
    return changed == null ? 1 : Math.max(1, changed.getEpochSecond());
  }

  /**
   * Rome's own reading, with its parser set-up kept (no DOCTYPE, no external entities, HTML entity
   * names healed): the JDOM tree is built here first so its item elements can serve as payloads and
   * be counted before Rome converts them all.
   */
  private static final class HardenedFeedInput extends WireFeedInput {
    Document document(String text) throws InputRejectedException {
      try {
        return createSAXBuilder().build(new XmlFixerReader(new StringReader(text)));
      } catch (JDOMException | IOException e) {
        throw SafeXml.malformed(e);
      }
    }

    WireFeed wireFeed(Document document) throws InputRejectedException {
      try {
        return build(document);
      } catch (RuntimeException | FeedException e) {
        // Rome's converters also fail with unchecked exceptions on odd feeds (an RSS root with no
        // channel: NullPointerException; broken Atom 0.3 base64: ArrayIndexOutOfBoundsException).
        // One that escaped would stop the drop folder's scan and hold back every other file.
        throw new InputRejectedException(
            "UNSUPPORTED_XML",
            "Rome cannot read this feed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
    }
  }

  /**
   * The item or entry elements: under the root for Atom and RSS 1.0, under {@code channel} for RSS
   * 0.9x and 2.0.
   */
  private static List<Element> itemElements(Element root) {
    Predicate<Element> isItem = e -> e.getName().equals("item") || e.getName().equals("entry");
    List<Element> items = new ArrayList<>();
    for (Element child : root.getChildren()) {
      if (isItem.test(child)) {
        items.add(child);
      } else if (child.getName().equals("channel")) {
        child.getChildren().stream().filter(isItem).forEach(items::add);
      }
    }
    return items;
  }

  /**
   * The item's own bytes, written out again from the tree (with the namespaces it uses), so each
   * story hashes only its item.
   */
  private static byte[] bytes(Element element) {
    return new XMLOutputter(Format.getRawFormat())
        .outputString(element)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The full content when there is any (content:encoded, Atom content), else the description or
   * summary.
   */
  private static String text(List<SyndContent> contents, SyndContent description) {
    List<SyndContent> candidates = new ArrayList<>(contents);
    candidates.add(description);
    for (SyndContent candidate : candidates) {
      String text = candidate == null ? null : FirstText.of(paragraphs(candidate));
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static String headline(SyndContent title) {
    return title == null ? null : FirstText.of(paragraphs(title).replace("\n\n", " "));
  }

  /**
   * Atom says whether a text is plain or markup; RSS text is HTML in practice, and Rome marks it
   * so.
   */
  private static String paragraphs(SyndContent content) {
    String type = content.getType();
    if (content.getValue() == null) {
      return "";
    }
    if (type == null || type.equals("text") || type.equals("text/plain")) {
      return String.join("\n\n", PlainTextFormat.paragraphs(content.getValue()));
    }
    return HtmlText.paragraphs(content.getValue());
  }

  private static String byline(SyndEntry entry) {
    String names =
        entry.getAuthors().stream()
            .map(SyndPerson::getName)
            .filter(n -> n != null && !n.isBlank())
            .collect(Collectors.joining(", "));
    String author =
        FirstText.of(names, entry.getAuthor()); // Atom authors, else dc:creator or RSS author
    if (author == null) {
      return null;
    }
    Matcher rss = RSS_AUTHOR.matcher(author);
    return rss.matches() ? rss.group(1).strip() : author;
  }
}
