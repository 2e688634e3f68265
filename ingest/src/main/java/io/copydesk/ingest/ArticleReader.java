package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens an input (size, emptiness, binary), decodes it, picks its format by content and parses
 * it.
 */
public final class ArticleReader {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleReader.class);

  /** More control characters than this share of the text means binary, not copy. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  private final long maxBytes;
  private final List<WireFormat> formats;
  private final CopyCleaner cleaner = new CopyCleaner();

  public ArticleReader(long maxBytes) {
    // Most specific first: plain text takes whatever is left.
    this(
        maxBytes,
        List.of(
            new NinjsFormat(),
            new NewsMlG2Format(),
            new NitfFormat(),
            new NewsMl1Format(),
            FeedFormat.rss(),
            FeedFormat.atom(),
            new AnpaFormat(),
            new Iptc7901Format(),
            new PlainTextFormat()));
  }

  ArticleReader(long maxBytes, List<WireFormat> formats) {
    this.maxBytes = maxBytes;
    this.formats = List.copyOf(formats);
  }

  public List<RawArticle> read(InputDocument input) throws InputRejectedException {
    byte[] bytes = input.bytes();
    if (bytes.length > maxBytes) {
      throw new InputRejectedException(
          "TOO_LARGE", "input is " + bytes.length + " bytes; the limit is " + maxBytes);
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    String text = decoded.text();
    if (text.isBlank()) {
      throw new InputRejectedException(
          "EMPTY", bytes.length == 0 ? "input is empty" : "input holds only white space");
    }
    // The transmission controls that frame IPTC 7901 and ANPA copy (SOH, STX, ETX, ...) are
    // structure, not binary.
    if (isBinary(WireFraming.isFramed(text) ? WireFraming.withoutFramingControls(text) : text)) {
      throw new InputRejectedException(
          "BINARY", "input looks binary, not text (control characters or NUL bytes)");
    }
    if (decoded.warning() != null) {
      LOG.warn("{} {}", input.name(), decoded.warning());
    }
    for (WireFormat format : formats) {
      if (format.recognises(text)) {
        List<RawArticle> articles = new ArrayList<>();
        for (ParsedStory story : format.parse(input, text)) {
          CopyCleaner.Cleaned clean =
              cleaner.clean(
                  story.headline(), story.byline(), story.body() == null ? "" : story.body());
          // A kill or withhold needs no text: it retracts what went before. A flash is its
          // headline.
          boolean headlineOnly =
              format.headlineOnlyIsCopy()
                  && clean.headline() != null
                  && !clean.headline().isBlank();
          if (clean.body().isBlank() && story.pubstatus() == PubStatus.usable && !headlineOnly) {
            // Skipped like an item with no text at all, so that one teaser ("Read more") in a feed
            // or a newsMessage does not hold back the real stories beside it.
            LOG.warn(
                "{}: skipped a story with no article text once page furniture is removed ({})",
                input.name(),
                FirstText.of(story.headline(), story.id(), "no headline"));
            continue;
          }
          articles.add(
              story
                  .withText(clean.headline(), clean.byline(), clean.body())
                  .toRawArticle(input, format.name()));
        }
        if (articles.isEmpty()) {
          throw new InputRejectedException(
              "NO_BODY", "no article text is left once page furniture is removed");
        }
        return articles;
      }
    }
    if (SafeXml.looksLikeXml(text)) {
      // A DOCTYPE or a broken start says more about the input than "unsupported" does, so those are
      // refused first.
      SafeXml.Root root = SafeXml.safeRoot(text);
      throw new InputRejectedException(
          "UNSUPPORTED_XML",
          "the input is XML with root element <"
              + root.name()
              + ">"
              + (root.namespace().isEmpty() ? "" : " in namespace " + root.namespace())
              + ", which no supported format reads");
    }
    if (PlainTextFormat.looksLikeJson(text)) {
      throw new InputRejectedException(
          "UNSUPPORTED_JSON",
          "the input is JSON but not an IPTC ninjs item (an object with a \"uri\" or \"guid\")");
    }
    throw new InputRejectedException("UNKNOWN_FORMAT", "no supported format recognises this input");
  }

  static boolean isBinary(String text) {
    long control =
        text.chars()
            .filter(
                c ->
                    c == 0
                        || (Character.isISOControl(c)
                            && c != '\n'
                            && c != '\r'
                            && c != '\t'
                            && c != '\f'))
            .count();
    return text.indexOf('\0') >= 0 || control > text.length() * MAX_CONTROL_SHARE;
  }
}
