package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.CalendarWords;
import io.copydesk.enrich.nlp.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a figure is background: about another, earlier incident than the article's own, or a
 * running total ("the 2004 tsunami killed 230,000", "a rocket attack earlier that month that killed
 * one contractor", "300 have been killed since 2019", "four years ago"). An analyst lists such a
 * figure but never counts it as a value of the event's toll.
 *
 * <p>The cues are read in the figure's clause: its own stretch of the sentence between commas (or
 * semicolons, colons, dashes, brackets), and the stretches before it that this one continues: a
 * participle or relative clause ("…, killing 170,000", "…, which killed 12") continues the one
 * before it, the sentence's second stretch continues an opening adverbial ("In 2004, …"), and a
 * stretch that is only a name is passed through ("…in Orlando, Florida, that killed 49"). So
 * "Unlike in 2004, when a tsunami killed 170,000, Tuesday's quake killed 24" marks 170,000 only.
 * After the figure, its clause ends at the next verb past its own outcome word, or at a relative
 * clause: in "killing five people and injuring dozens in a region devastated by the 2004 tsunami"
 * the year is the region's, in "arrested a man who shot four people last month" the month is the
 * shooting's.
 *
 * <p>A year counts when it is before the article's own (its publication year; when the article has
 * no date, any year: news seldom dates its own event by year). "since" counts before a year, a
 * month or a beginning ("since the war began"), not after a superlative ("the deadliest since
 * 2004") nor before a day ("since Tuesday"), which is the event's own running toll.
 */
final class BackgroundCues {
  // Compiled once: these are read at every token.
  private static final Pattern DECADE = Pattern.compile("(18|19|20)\\d0s");
  private static final Pattern YEAR = Pattern.compile("(18|19|20)\\d\\d");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private static final Set<String> BOUNDARIES =
      Set.of(",", ";", ":", "--", "—", "–", "(", ")", "-LRB-", "-RRB-");

  /** Words opening a stretch that continues the one before it. */
  private static final Set<String> CONTINUING =
      Set.of("which", "that", "who", "when", "where", "whose");

  /** Words opening an adverbial at the head of a sentence. */
  private static final Set<String> FRONTED =
      Set.of(
          "in", "on", "during", "since", "after", "before", "unlike", "like", "back", "until", "by",
          "at", "over", "last", "earlier", "then");

  private static final Set<String> COORDINATORS =
      Set.of("but", "and", "or", "while", "whereas", "yet", "although", "though");
  private static final Set<String> MONTHS =
      CalendarWords.union(CalendarWords.MONTHS, CalendarWords.MONTH_ABBREVIATIONS);

  /**
   * Spans of time long enough that "ago", "last …", "a … earlier" put a figure outside a news
   * event.
   */
  private static final Set<String> LONG_SPANS =
      Set.of(
          "year", "years", "month", "months", "decade", "decades", "century", "summer", "winter",
          "spring", "autumn");

  private static final Set<String> DETERMINERS =
      Set.of("a", "an", "the", "its", "their", "his", "her", "this", "that");
  private static final Set<String> EARLIER = Set.of("earlier", "previous", "prior");
  private static final Set<String> BEGINNINGS =
      Set.of("began", "begun", "started", "start", "beginning", "outbreak", "erupted");
  private static final Set<String> SUPERLATIVES =
      Set.of(
          "worst",
          "most",
          "first",
          "largest",
          "biggest",
          "strongest",
          "highest",
          "lowest",
          "greatest",
          "longest",
          "fiercest",
          "hardest",
          "best");

  private BackgroundCues() {}

  /**
   * Whether the figure whose number (or "a" of "a child was killed") is token {@code at} is
   * background. {@code referenceYear} is the article's year, or null when it has no date.
   */
  static boolean isBackground(List<Token> tokens, int at, Integer referenceYear) {
    int start = segmentStart(tokens, at);
    int end = ownClauseEnd(tokens, at, segmentEnd(tokens, at));
    while (start > 0 && (continuesPrevious(tokens, start) || nameOnly(tokens, start))) {
      start = segmentStart(tokens, start - 2 >= 0 ? start - 2 : 0);
    }
    for (int k = start; k < end; k++) {
      if (cueAt(tokens, k, start, end, referenceYear)) {
        return true;
      }
    }
    return false;
  }

  private static boolean cueAt(
      List<Token> tokens, int k, int start, int end, Integer referenceYear) {
    String w = lower(tokens, k);
    Integer year = year(w);
    if (year != null
        && !lower(tokens, k + 1).startsWith("block")) { // not a street number: "the 1900 block"
      boolean afterSince =
          lower(tokens, k - 1).equals("since")
              || MONTHS.contains(lower(tokens, k - 1)) && lower(tokens, k - 2).equals("since");
      return afterSince
          ? cumulativeSince(tokens, k - (lower(tokens, k - 1).equals("since") ? 1 : 2))
          : referenceYear == null || year < referenceYear;
    }
    if (DECADE.matcher(w).matches()) {
      return true; // "in the 1990s"
    }
    return switch (w) {
      case "since" -> cumulativeSince(tokens, k) && sinceWhat(tokens, k, end);
      case "ago" -> LONG_SPANS.contains(lower(tokens, k - 1));
      case "last" ->
          LONG_SPANS.contains(lower(tokens, k + 1))
              // "in the last two years", not "the last two days"
              || numberLike(lower(tokens, k + 1)) && LONG_SPANS.contains(lower(tokens, k + 2));
      case "past" ->
          LONG_SPANS.contains(lower(tokens, k + 1))
              || numberLike(lower(tokens, k + 1)) && LONG_SPANS.contains(lower(tokens, k + 2));
      case "recent" ->
          lower(tokens, k + 1).equals("years") || lower(tokens, k + 1).equals("decades");
      case "earlier", "previous", "prior" -> earlier(tokens, k);
      case "far" ->
          lower(tokens, k - 1).equals("so")
              && lower(tokens, k + 1).equals("this")
              && LONG_SPANS.contains(lower(tokens, k + 2));
      default -> false;
    };
  }

  /**
   * "an earlier attack", "the previous raid", "earlier that month", "earlier in the year", "a year
   * earlier".
   */
  private static boolean earlier(List<Token> tokens, int k) {
    if (DETERMINERS.contains(lower(tokens, k - 1))) {
      return true;
    }
    String next = lower(tokens, k + 1);
    if ((next.equals("this") || next.equals("that")) && LONG_SPANS.contains(lower(tokens, k + 2))) {
      return true;
    }
    if (next.equals("in")
        && lower(tokens, k + 2).equals("the")
        && LONG_SPANS.contains(lower(tokens, k + 3))) {
      return true;
    }
    return LONG_SPANS.contains(lower(tokens, k - 1));
  }

  /** A "since" that starts a running total, not the "since" of "the deadliest since 2004". */
  private static boolean cumulativeSince(List<Token> tokens, int since) {
    for (int k = Math.max(0, since - 5); k < since; k++) {
      String w = lower(tokens, k);
      if (SUPERLATIVES.contains(w) || w.endsWith("iest")) {
        return false;
      }
    }
    return true;
  }

  /**
   * What follows "since": a year is handled where it stands; a month, "last", or a beginning within
   * the clause.
   */
  private static boolean sinceWhat(List<Token> tokens, int since, int end) {
    String next = lower(tokens, since + 1);
    if (MONTHS.contains(next) || next.equals("last")) {
      return true;
    }
    for (int k = since + 1; k < Math.min(end, since + 7); k++) {
      if (BEGINNINGS.contains(lower(tokens, k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A stretch that is only a short name ("Orlando, Florida, that killed 49"), which the stretch
   * after it continues through.
   */
  private static boolean nameOnly(List<Token> tokens, int start) {
    int end = segmentEnd(tokens, start);
    if (end == start || end - start > 3 || end >= tokens.size()) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (!isCapitalised(tokens.get(k).word())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the stretch opening at {@code start} (just after a boundary) continues the stretch
   * before it.
   */
  private static boolean continuesPrevious(List<Token> tokens, int start) {
    String first = lower(tokens, start);
    if (CONTINUING.contains(first)
        || first.endsWith("ing")
            && first.length() > 4
            && !isCapitalised(tokens.get(start).word())) {
      return true;
    }
    int previousStart = segmentStart(tokens, Math.max(0, start - 2));
    return previousStart == 0
        && FRONTED.contains(lower(tokens, 0))
        && !COORDINATORS.contains(first);
  }

  /**
   * Where the figure's own words end within its stretch: at the first verb after the figure's own
   * outcome ("killing five people and injuring dozens in a region devastated by the 2004 tsunami":
   * the year belongs to "devastated", not to the five).
   */
  private static int ownClauseEnd(List<Token> tokens, int at, int end) {
    boolean outcomeSeen = false;
    for (int k = at + 1; k < end; k++) {
      String w = lower(tokens, k);
      if (!outcomeSeen && FigureExtractor.OUTCOMES.containsKey(w)) {
        outcomeSeen = true;
      } else if (CONTINUING.contains(w)) {
        return k; // "arrested a man who shot four people last month": the month is the shooting's
      } else if (w.length() > 4
          && (w.endsWith("ed") || w.endsWith("ing"))
          && !w.equals("during")
          && !FigureExtractor.NUMBER_WORDS.containsKey(w)
          && !isCapitalised(tokens.get(k).word())) {
        return k;
      }
    }
    return end;
  }

  private static int segmentStart(List<Token> tokens, int at) {
    int k = at;
    while (k > 0 && !BOUNDARIES.contains(tokens.get(k - 1).word())) {
      k--;
    }
    return k;
  }

  private static int segmentEnd(List<Token> tokens, int at) {
    int k = at;
    while (k < tokens.size() && !BOUNDARIES.contains(tokens.get(k).word())) {
      k++;
    }
    return k;
  }

  private static Integer year(String w) {
    return YEAR.matcher(w).matches() ? Integer.valueOf(w) : null;
  }

  private static boolean numberLike(String w) {
    return DIGITS.matcher(w).matches() || FigureExtractor.NUMBER_WORDS.containsKey(w);
  }

  private static boolean isCapitalised(String w) {
    return !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
  }

  private static String lower(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).word().toLowerCase(Locale.ROOT) : "";
  }
}
