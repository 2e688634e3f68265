package io.copydesk.enrich.claims;

import io.copydesk.schema.Actor;
import io.copydesk.schema.AttributionType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every pattern reads from: the body, its quotations, its actors and the speakers met so far.
 */
final class ArticleScan {
  private final String text;
  private final List<QuoteSpans.Span> quotes;
  private final SpeakerResolver speakers;
  private final List<Actor> actors;

  ArticleScan(String text, List<Actor> actors) {
    this.text = text;
    this.actors = actors;
    this.quotes = QuoteSpans.find(text);
    this.speakers = new SpeakerResolver(actors, text, quotes);
  }

  String text() {
    return text;
  }

  List<QuoteSpans.Span> quotes() {
    return quotes;
  }

  SpeakerResolver speakers() {
    return speakers;
  }

  List<Actor> actors() {
    return actors;
  }

  boolean insideQuote(int offset) {
    for (QuoteSpans.Span q : quotes) { // asked for every token: no stream
      if (q.contains(offset)) {
        return true;
      }
    }
    return false;
  }

  /** The quotation whose closing mark is at, or just after a comma before, this offset. */
  QuoteSpans.Span quoteEndingAt(int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.end() <= offset && offset - q.end() <= 2) {
        return q;
      }
    }
    return null;
  }

  /**
   * The quotation ending in a full stop, question or exclamation mark whose closing mark is all
   * that stands before {@code offset} ("“Why not?” Graham asked": a sentence ends at the
   * quotation's mark, so the attribution opens a sentence of its own), or null. Not across a line
   * break: an attribution opening a paragraph is no quotation's in the paragraph before ("“…
   * situation.”" and then "Her spokesman added, “…”").
   */
  QuoteSpans.Span quoteClosingBefore(int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.end() < offset
          && offset - q.end() <= 4
          && q.end() > q.start()
          && ".?!".indexOf(text.charAt(q.end() - 1)) >= 0
          && CLOSING_MARKS.contains(text.substring(q.end(), offset).strip())
          && text.substring(q.end(), offset).indexOf('\n') < 0) {
        return q;
      }
    }
    return null;
  }

  private static final Set<String> CLOSING_MARKS = Set.of("”", "\"", "''");

  /**
   * What a colon ending its paragraph introduces ("He said:" and then the quotation): the quotation
   * opening the next paragraph, or, when that paragraph opens with no mark, the whole paragraph (a
   * block quotation). [start, end), or null when the colon does not end its line.
   */
  int[] blockAfterColon(int colonEnd) {
    int lineEnd = colonEnd;
    while (lineEnd < text.length()
        && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
      lineEnd++;
    }
    if (lineEnd >= text.length() || text.charAt(lineEnd) != '\n') {
      return null;
    }
    int next = lineEnd;
    while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    if (next >= text.length()) {
      return null;
    }
    QuoteSpans.Span quote = quoteStartingAt(next);
    if (quote != null) {
      return new int[] {quote.start(), quote.end()};
    }
    int end = text.indexOf('\n', next);
    return new int[] {next, end < 0 ? text.length() : end};
  }

  /**
   * The quotation opening at this offset when it is the whole content: null when the clause goes on
   * after its closing mark ("saying that “race still determines too much” in America, including …"
   * is a mixed claim read to the clause's end, not the quotation alone).
   */
  QuoteSpans.Span contentQuoteAt(int offset) {
    QuoteSpans.Span q = quoteStartingAt(offset);
    if (q == null) {
      return null;
    }
    int j = q.end();
    while (j < text.length() && "”\"'".indexOf(text.charAt(j)) >= 0) {
      j++;
    }
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) {
      j++;
    }
    boolean goesOn = j > q.end() && j < text.length() && Character.isLetterOrDigit(text.charAt(j));
    return goesOn ? null : q;
  }

  /** The quotation opening at this offset (the content starts right after the mark). */
  QuoteSpans.Span quoteStartingAt(int offset) {
    for (QuoteSpans.Span q : quotes) {
      if (q.open() == offset) {
        return q;
      }
    }
    return null;
  }

  /** Mixed when a quotation lies inside the span, indirect otherwise. */
  ClaimKind kindOf(int start, int end) {
    for (QuoteSpans.Span q : quotes) {
      if (q.start() >= start && q.end() <= end) {
        return ClaimKind.mixed;
      }
    }
    return ClaimKind.indirect;
  }

  /** The claim cut at {@code at} ("X said A, adding …": A ends at the comma). */
  Claim truncate(Claim claim, int at) {
    int end = Math.max(claim.getStart(), Math.min(at, claim.getEnd()));
    while (end > claim.getStart() && " ,;".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    ClaimKind kind =
        claim.getKind() == ClaimKind.direct ? ClaimKind.direct : kindOf(claim.getStart(), end);
    return Claim.newBuilder(claim)
        .setEnd(end)
        .setText(text.substring(claim.getStart(), end))
        .setKind(kind)
        .build();
  }

  /**
   * One claim of two parts with the attribution between them ("“A,” she said. “B.”"; "A, he said,
   * B"): from the first's start to the second's end, the texts joined by {@link #JOIN}.
   */
  Claim join(Claim first, Claim second) {
    ClaimKind kind = first.getKind() == second.getKind() ? first.getKind() : ClaimKind.mixed;
    return Claim.newBuilder(first)
        .setEnd(second.getEnd())
        .setText(first.getText() + JOIN + second.getText())
        .setKind(kind)
        .build();
  }

  /** What stands between the parts of a split claim's text. */
  static final String JOIN = " … ";

  /**
   * A claim over [start, end) with the marks and punctuation its boundaries leave trimmed; null
   * when nothing is left.
   */
  Claim claim(int start, int end, SpeakerResolver.Speaker speaker, String cue, ClaimKind kind) {
    while (start < end && ",.;: \n\"“”".indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ",;: \n\"“”".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end <= start) {
      return null;
    }
    return Claim.newBuilder()
        .setSpeaker(speaker.name())
        .setSpeakerSurface(speaker.surface())
        .setSource(speaker.source())
        .setCue(cue)
        .setText(text.substring(start, end))
        .setKind(kind)
        .setAttribution(attributionOf(cue, speaker.name()))
        .setField(TextField.body)
        .setStart(start)
        .setEnd(end)
        .build();
  }

  /** What the cue attributes; "according to" a poll, survey or study gives its finding. */
  static AttributionType attributionOf(String cue, String speaker) {
    AttributionType type = CueLexicon.type(firstWord(cue));
    if (type != null) {
      return type;
    }
    String head = speaker.substring(speaker.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    return FINDING_SOURCES.contains(head) ? AttributionType.finding : AttributionType.speech;
  }

  /** Sources whose words are findings, not speech: "according to a new poll". */
  private static final Set<String> FINDING_SOURCES =
      Set.of(
          "poll",
          "polls",
          "survey",
          "surveys",
          "study",
          "studies",
          "report",
          "reports",
          "analysis",
          "data",
          "figures",
          "estimates",
          "research",
          "census");

  /**
   * Where {@code word} first stands in {@code s} as a whole word (no letter or digit on either
   * side), or -1; without a regular expression, as it runs for every quotation.
   */
  static int wordIndex(String s, String word) {
    if (word.isEmpty()) {
      return -1;
    }
    for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
          && (end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
        return at;
      }
    }
    return -1;
  }

  static String firstWord(String cue) {
    int space = cue.indexOf(' ');
    return (space < 0 ? cue : cue.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
