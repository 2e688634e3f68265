package io.copydesk.ingest;

import io.copydesk.schema.PubStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IPTC 7901, the framed text format of European agencies (dpa and others):
 *
 * <pre>
 * SOH eca062 4 i 211 ...        heading: service, message number, priority, category, word count
 * Wahl/Bremen/                  keyword (slug) lines
 * STX Headline                  the line after STX is the headline
 *    BREMEN (dpa) - Text ...    paragraphs open with an indent or follow a blank line; lines wrap
 * The following information is not for publication ...   editorial note, up to ETX: not copy
 * ETX
 * 141130 Mai 24                 trailer: day, hour and minute, month, year
 * </pre>
 *
 * The id is the service and message number with the trailer's date ({@code eca062-20240514}): 7901
 * carries no story id across messages, so each message is a story of its own, version 1. The
 * provider is the agency its dateline names.
 */
final class Iptc7901Format implements WireFormat {
  private static final Logger LOG = LoggerFactory.getLogger(Iptc7901Format.class);
  private static final Pattern HEADING =
      Pattern.compile(
          "^([A-Za-z]{1,8})(\\d{1,6})\\s+(\\S)\\s+(\\S{1,4})\\s+(\\d{1,5})(?:\\s+(.*))?$");
  private static final Pattern TRAILER =
      Pattern.compile("(\\d{2})(\\d{2})(\\d{2})\\s+(\\p{L}{3,4})\\.?\\s+(\\d{2})\\b");
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("mär", 3),
          Map.entry("mrz", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("mai", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("okt", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12),
          Map.entry("dez", 12));

  @Override
  public String name() {
    return "iptc7901";
  }

  @Override
  public boolean recognises(String text) {
    return WireFraming.isFramed(text)
        && HEADING.matcher(firstLine(WireFraming.split(text).heading())).matches();
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    WireFraming.Message message = WireFraming.split(text);
    List<String> heading =
        message.heading().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    Matcher h = HEADING.matcher(heading.isEmpty() ? "" : heading.get(0));
    if (!h.matches()) {
      throw new InputRejectedException(
          "MALFORMED_WIRE",
          "the IPTC 7901 heading is not 'service+number priority category words'");
    }
    List<String> lines = message.text().lines().toList();
    String headline = lines.isEmpty() ? null : FirstText.of(lines.get(0));
    List<String> copy =
        WireFraming.beforeNotes(lines.subList(Math.min(1, lines.size()), lines.size()));
    if (copy.size() < lines.size() - 1) {
      LOG.info(
          "{}: editorial note kept out of the body ({} lines)",
          input.name(),
          lines.size() - 1 - copy.size());
    }
    List<String> paragraphs = paragraphs(copy);
    String byline = null;
    if (!paragraphs.isEmpty() && WireFraming.byline(paragraphs.get(0)) != null) {
      byline = WireFraming.byline(paragraphs.remove(0));
    }
    WireFraming.Dateline dateline =
        paragraphs.isEmpty() ? null : WireFraming.dateline(paragraphs.get(0));
    Instant sent = trailerTime(message.trailer());
    String id =
        sent == null
            ? null
            : h.group(1).toLowerCase(Locale.ROOT)
                + h.group(2)
                + "-"
                + sent.toString().substring(0, 10).replace("-", "");
    String body = String.join("\n\n", paragraphs);
    if (body.isBlank() && headline == null) {
      throw new InputRejectedException(
          "NO_BODY", "the IPTC 7901 message has neither a headline nor text");
    }
    return List.of(
        new ParsedStory(
            id,
            1,
            PubStatus.usable,
            headline,
            byline,
            body,
            null,
            sent,
            null,
            dateline == null ? null : dateline.agency(),
            null,
            input.bytes()));
  }

  /**
   * A paragraph opens at an indented line or after a blank one; other lines continue it (7901 wraps
   * at about 69 characters).
   */
  static List<String> paragraphs(List<String> lines) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      boolean opens = line.isBlank() || Character.isWhitespace(line.charAt(0));
      if (opens && current.length() > 0) {
        paragraphs.add(current.toString());
        current.setLength(0);
      }
      if (!line.isBlank()) {
        current.append(current.length() > 0 ? " " : "").append(line.strip());
      }
    }
    if (current.length() > 0) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  /**
   * "141130 Mai 24": the 14th, 11:30, May 2024, taken as UTC. Null when there is no such trailer.
   */
  static Instant trailerTime(String trailer) {
    Matcher m = TRAILER.matcher(trailer);
    if (!m.find()) {
      return null;
    }
    Integer month = MONTHS.get(m.group(4).toLowerCase(Locale.ROOT).substring(0, 3));
    if (month == null) {
      return null;
    }
    try {
      return LocalDateTime.of(
              2000 + Integer.parseInt(m.group(5)),
              month,
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String firstLine(String heading) {
    return heading.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }
}
