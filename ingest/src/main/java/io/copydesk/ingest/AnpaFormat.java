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
 * ANPA-1312, the framed text format of US agencies (AP):
 *
 * <pre>
 * SYN SYN SOH a0412 US ...                                 service level, sequence number, selector
 * r a DC3 DC1 BC-Storm-Dam 1st Ld-Writethru 05-14 0512     priority, category, cycle-keyword, take, month-day, words
 * STX TAB ^BC-Storm-Dam, 1st Ld-Writethru,0512&lt;           header lines open with ^ and end with &lt; or =
 * ^Headline&lt;
 * ^Eds: ...&lt;                                              editorial note: not copy
 * ^By JANE DOE=  /  ^Associated Press Writer=              byline, then the writer's title
 * TAB SPRINGFIELD, Mo. (AP) _ Text ...                     paragraphs open with a tab; AP types a dash as " _ "
 * ETX AP-NY-05-14-24 1130GMT EOT                           trailer: month-day-year, time and zone
 * </pre>
 *
 * The id is the keyword without its cycle and the date ({@code anpa:Storm-Dam:2024-05-14}), so a
 * write-thru replaces the story it rewrites; the version is 1 plus the lead number of the take
 * ("1st Ld-Writethru" is version 2). An "Add" continues a story rather than replacing it, so its id
 * names the add ({@code ...:add2}).
 */
final class AnpaFormat implements WireFormat {
  private static final Logger LOG = LoggerFactory.getLogger(AnpaFormat.class);
  private static final Pattern START =
      Pattern.compile("^[\\x00\\s]*\\x16*\\x01[A-Za-z]\\d{4}\\x1f");
  private static final Pattern KEYWORD =
      Pattern.compile(
          "\\b[a-z]\\s+[a-z]\\s+(?:am|pm|bc|ap)-([\\w.-]+?),?(\\s.*?)?\\s+(\\d{1,2})-(\\d{1,2})\\s+\\d{0,4}\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern LEAD =
      Pattern.compile("\\b(?:(\\d+)(?:st|nd|rd|th)\\s*)?(?:Ld|Lead)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADD =
      Pattern.compile("\\b(\\d+)(?:st|nd|rd|th)\\s*Add\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SLUG_LINE = Pattern.compile("^[A-Z]{2}-.*");

  /** A priority word on a line of its own above the headline. */
  private static final Pattern PRIORITY_LINE =
      Pattern.compile("^(?:URGENT|BULLETIN|FLASH|ALERT)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern TRAILER =
      Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})\\s+(\\d{2})(\\d{2})\\s*([A-Z]{3})");
  private static final Map<String, Integer> ZONES =
      Map.of(
          "GMT", 0, "UTC", 0, "EST", -5, "EDT", -4, "CST", -6, "CDT", -5, "MST", -7, "MDT", -6,
          "PST", -8, "PDT", -7);

  @Override
  public String name() {
    return "anpa1312";
  }

  @Override
  public boolean recognises(String text) {
    return START.matcher(text).lookingAt() && WireFraming.isFramed(text);
  }

  @Override
  public List<ParsedStory> parse(InputDocument input, String text) throws InputRejectedException {
    WireFraming.Message message = WireFraming.split(text);
    Matcher keyword = KEYWORD.matcher(message.heading());
    if (!keyword.find()) {
      throw new InputRejectedException(
          "MALFORMED_WIRE",
          "the ANPA heading has no 'priority category cycle-keyword month-day words' line");
    }
    String slug = keyword.group(1);
    String take = keyword.group(2) == null ? "" : keyword.group(2).strip();
    List<String> headerLines = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (String line : message.text().lines().toList()) {
      String stripped = line.strip();
      if (stripped.startsWith("^")) {
        headerLines.add(stripped.substring(1).replaceAll("[<=]+$", "").strip());
      } else if (line.startsWith("\t") || paragraphs.isEmpty()) {
        paragraphs.add(stripped);
      } else {
        paragraphs.set(
            paragraphs.size() - 1,
            (paragraphs.get(paragraphs.size() - 1) + " " + stripped).strip());
      }
    }
    String headline = null;
    String byline = null;
    int notes = 0;
    for (int i = 0; i < headerLines.size(); i++) {
      String line = headerLines.get(i);
      if (line.isEmpty()
          || PRIORITY_LINE.matcher(line).matches()
          || (headline == null && SLUG_LINE.matcher(line).matches() && line.contains(slug))) {
        continue; // the keyword repeated, or the priority said again
      }
      if (WireFraming.NOTE_OPENING.matcher(line).matches()) {
        notes++;
      } else if (byline == null && WireFraming.byline(line) != null) {
        byline = WireFraming.byline(line);
        i++; // the writer's title ("Associated Press Writer") follows the name
      } else if (headline == null) {
        headline = line;
      }
    }
    if (notes > 0) {
      LOG.info("{}: {} editorial note line(s) kept out of the body", input.name(), notes);
    }
    List<String> copy =
        WireFraming.beforeNotes(paragraphs).stream()
            .filter(p -> !p.isBlank())
            .map(p -> p.replace(" _ ", " — "))
            .toList();
    WireFraming.Dateline dateline = copy.isEmpty() ? null : WireFraming.dateline(copy.get(0));
    Instant sent = trailerTime(message.trailer());
    String date =
        sent != null
            ? sent.toString().substring(0, 10)
            : String.format(
                Locale.ROOT,
                "%02d-%02d",
                Integer.parseInt(keyword.group(3)),
                Integer.parseInt(keyword.group(4)));
    Matcher add = ADD.matcher(take);
    String id = "anpa:" + slug + ":" + date + (add.find() ? ":add" + add.group(1) : "");
    String body = String.join("\n\n", copy);
    if (body.isBlank() && headline == null) {
      throw new InputRejectedException(
          "NO_BODY", "the ANPA message has neither a headline nor text");
    }
    return List.of(
        new ParsedStory(
            id,
            version(take),
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
   * "1st Ld-Writethru" is the second version, "2nd Ld" the third, a bare "Ld" or "Writethru" the
   * second.
   */
  static long version(String take) {
    Matcher lead = LEAD.matcher(take);
    if (lead.find()) {
      return lead.group(1) == null ? 2 : Long.parseLong(lead.group(1)) + 1;
    }
    return take.toLowerCase(Locale.ROOT).contains("writethru") ? 2 : 1;
  }

  /** "05-14-24 1130GMT": May 14 2024, 11:30 GMT. Null when there is no such trailer. */
  static Instant trailerTime(String trailer) {
    Matcher m = TRAILER.matcher(trailer);
    if (!m.find() || !ZONES.containsKey(m.group(6))) {
      return null;
    }
    try {
      return LocalDateTime.of(
              2000 + Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)))
          .toInstant(ZoneOffset.ofHours(ZONES.get(m.group(6))));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
