package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text wire copy: an optional headline line, an optional "By ..." byline, then the body, one
 * paragraph per line or per blank-line-separated block. The fallback format: it recognises any text
 * except XML, which would otherwise come out as an article of tags when no XML format took it.
 */
final class PlainTextFormat implements WireFormat {
  private static final Pattern BYLINE = Pattern.compile("^By\\s+(\\p{Lu}[^.!?]{1,80})$");
  private static final int HEADLINE_MAX_WORDS = 25;

  @Override
  public boolean headlineOnlyIsCopy() {
    return false;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public boolean recognises(String text) {
    return !SafeXml.looksLikeXml(text) && !looksLikeJson(text);
  }

  /** Text opening with a brace or bracket is data, not copy: it must not be published as prose. */
  static boolean looksLikeJson(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    List<String> paragraphs = paragraphs(text);
    String headline = null;
    String byline = null;
    int first = 0;
    if (first < paragraphs.size()
        && byline(paragraphs.get(first)) == null
        && paragraphs.size() > 1
        && looksLikeHeadline(paragraphs.get(first))) {
      headline = paragraphs.get(first++);
    }
    if (first < paragraphs.size() && byline(paragraphs.get(first)) != null) {
      byline = byline(paragraphs.get(first++));
    }
    String body = String.join("\n\n", paragraphs.subList(first, paragraphs.size()));
    if (body.isBlank()) {
      throw new InputRejectedException(
          "NO_BODY", "the text has no body after its headline and byline");
    }
    return List.of(ParsedStory.text(headline, byline, body, input.bytes()));
  }

  /** Non-blank lines, trimmed; each line is a paragraph (wire copy rarely wraps inside one). */
  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    // Line feeds, carriage returns and the Unicode separators; not the vertical tab or NEL, which
    // are
    // stray controls in copy (removed later) rather than line ends.
    for (String line : text.split("\r\n|[\n\r\u2028\u2029]")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()) {
        paragraphs.add(trimmed);
      }
    }
    return paragraphs;
  }

  static String byline(String line) {
    Matcher m = BYLINE.matcher(line);
    return m.matches() ? m.group(1).strip() : null;
  }

  /** A headline is short and does not end like a sentence. */
  static boolean looksLikeHeadline(String line) {
    int words = line.split("\\s+").length;
    char last = line.charAt(line.length() - 1);
    return words <= HEADLINE_MAX_WORDS && ".!?\"”:".indexOf(last) < 0;
  }
}
