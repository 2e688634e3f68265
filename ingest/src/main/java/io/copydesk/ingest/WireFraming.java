package io.copydesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What IPTC 7901 and ANPA-1312 share: a message framed by transmission controls (SYN, SOH before
 * the heading, STX before the text, ETX after it, EOT at the very end; ANPA also uses US and
 * DC1-DC4 in its heading), editorial notes inside the text that are not for publication, and a
 * dateline opening the first paragraph ("BREMEN (dpa) - ...").
 */
final class WireFraming {
  static final char SOH = 0x01;
  static final char STX = 0x02;
  static final char ETX = 0x03;
  private static final Pattern FRAMING_CONTROLS =
      Pattern.compile("[\\x01-\\x04\\x11-\\x14\\x16\\x1f]");
  private static final Pattern FRAMED_START = Pattern.compile("^[\\x00\\x16\\s]*\\x01");

  /**
   * The line that opens an editorial note: everything from it to the end of the text is for editors
   * only.
   */
  static final Pattern NOTE_OPENING =
      Pattern.compile(
          "^\\s*(?:(?:the following|die folgenden|folgende)?.{0,40}?(?:not (?:intended )?for publication|"
              + "nicht (?:zur|f(?:ü|ue)r die) ver(?:ö|oe)ffentlichung).{0,20}"
              + "|(?:achtung|hinweis an die|hinweise f(?:ü|ue)r die) redaktion\\b.*|eds?:.*|editors?(?:'s)? note\\b.*)$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A dateline opening a paragraph: a place, the agency in brackets, a dash (AP types it as "_").
   */
  private static final Pattern DATELINE =
      Pattern.compile("^(\\p{Lu}[\\p{L}.,' /-]{1,60}?)\\s*\\(([^()]{2,30})\\)\\s*[-–—_]+\\s");

  private static final int BYLINE_MAX_CHARS = 80;

  /**
   * The parts of a framed message: heading (SOH to STX), text (STX to ETX) and trailer (after ETX).
   */
  record Message(String heading, String text, String trailer) {}

  /** A dateline's place and the agency named in it. */
  record Dateline(String place, String agency) {}

  private WireFraming() {}

  /** Opens with SOH (after any SYN) and has a text part. */
  static boolean isFramed(String text) {
    return FRAMED_START.matcher(text).lookingAt() && text.indexOf(STX) > 0;
  }

  static String withoutFramingControls(String text) {
    return FRAMING_CONTROLS.matcher(text).replaceAll("");
  }

  /**
   * The heading, text and trailer, with no framing control left in any of them; a text without ETX
   * runs to the end.
   */
  static Message split(String text) {
    int soh = text.indexOf(SOH);
    int stx = text.indexOf(STX, soh);
    int etx = text.indexOf(ETX, stx);
    String heading = text.substring(soh + 1, stx);
    String body = etx < 0 ? text.substring(stx + 1) : text.substring(stx + 1, etx);
    String trailer = etx < 0 ? "" : text.substring(etx + 1);
    return new Message(
        withoutFramingControls(heading),
        withoutFramingControls(body),
        withoutFramingControls(trailer).strip());
  }

  /** The lines before the first line that opens an editorial note. */
  static List<String> beforeNotes(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (NOTE_OPENING.matcher(line).matches()) {
        break;
      }
      kept.add(line);
    }
    return kept;
  }

  static Dateline dateline(String paragraph) {
    Matcher m = DATELINE.matcher(paragraph);
    return m.find() ? new Dateline(m.group(1).strip(), m.group(2).strip()) : null;
  }

  /**
   * The name in a byline paragraph ("By Jane Doe", "Von Max Muster, dpa"), or null when the
   * paragraph is not one.
   */
  static String byline(String paragraph) {
    String line = paragraph.strip();
    String name = NitfDocument.withoutBy(line);
    boolean isByline =
        name != null
            && !name.equals(line)
            && name.length() <= BYLINE_MAX_CHARS
            && Character.isUpperCase(name.charAt(0))
            && name.chars().noneMatch(c -> c == '.' || c == '!' || c == '?');
    return isByline ? name : null;
  }
}
