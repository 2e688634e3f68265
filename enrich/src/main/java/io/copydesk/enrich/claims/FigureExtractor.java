package io.copydesk.enrich.claims;

import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.CalendarWords;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.Claim;
import io.copydesk.schema.Figure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quantities claimed about an event: casualties ("four militiamen were killed", "killing at least
 * 12", "a child was killed"), and counts of what was targeted or done ("targeted three facilities",
 * "conducted at least five one-way UAV attacks"). Numbers as digits or words, with their qualifier
 * ("at least", "more than", "about"). A figure inside a claim carries the claim's speaker; one in
 * the reporter's own words has none. A casualty figure says whom it counts (the head of the counted
 * phrase: "militiamen", "people", "contractor"), and a figure about another, earlier incident or a
 * running total is marked background ({@link BackgroundCues}).
 */
public final class FigureExtractor {
  // Compiled once: these are read at every token.
  private static final Pattern TIME_OF_DAY = Pattern.compile("(a\\.m|p\\.m)\\.?|am|pm|o'clock");
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}.'-]*");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern NUMERAL = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?");
  private static final Pattern TIME_SPAN =
      Pattern.compile("-?(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)(-old.*)?");

  static final Map<String, Integer> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("hundred", 100),
          Map.entry("dozen", 12));
  static final Map<String, Double> MULTIPLIERS =
      Map.of(
          "dozen",
          12.0,
          "hundred",
          100.0,
          "thousand",
          1_000.0,
          "million",
          1_000_000.0,
          "billion",
          1_000_000_000.0);

  /** Words before "dozen" or "hundred" that leave the count open: "several dozen" is not twelve. */
  private static final Set<String> VAGUE = Set.of("several", "few", "many", "some");

  /** Outcome words and the name a figure gets for them. */
  static final Map<String, String> OUTCOMES =
      Map.ofEntries(
          Map.entry("killed", "killed"),
          Map.entry("dead", "killed"),
          Map.entry("died", "killed"),
          Map.entry("killing", "killed"),
          Map.entry("wounded", "wounded"),
          Map.entry("injured", "wounded"),
          Map.entry("hurt", "wounded"),
          Map.entry("wounding", "wounded"),
          Map.entry("injuring", "wounded"),
          Map.entry("arrested", "arrested"),
          Map.entry("detained", "detained"),
          Map.entry("missing", "missing"),
          Map.entry("displaced", "displaced"),
          Map.entry("kidnapped", "kidnapped"),
          Map.entry("abducted", "kidnapped"),
          Map.entry("evacuated", "evacuated"));

  /** Verbs whose object count is a figure: "targeted three facilities" is "facilities targeted". */
  private static final Set<String> ACTIONS =
      Set.of(
          "targeted",
          "destroyed",
          "hit",
          "struck",
          "launched",
          "conducted",
          "fired",
          "seized",
          "captured",
          "damaged",
          "carried");

  private static final Set<String> EVENT_NOUNS =
      Set.of(
          "attacks",
          "strikes",
          "airstrikes",
          "rockets",
          "missiles",
          "drones",
          "raids",
          "bombings",
          "explosions",
          "shells",
          "incidents");
  private static final Set<String> SINGULAR_VICTIMS =
      Set.of(
          "person",
          "man",
          "woman",
          "child",
          "boy",
          "girl",
          "soldier",
          "civilian",
          "contractor",
          "officer",
          "fighter",
          "militiaman",
          "journalist",
          "worker",
          "student",
          "policeman",
          "service member",
          "member",
          "resident",
          "passenger",
          "pilot");
  private static final Set<String> LINKS =
      Set.of(
          "were",
          "was",
          "have",
          "has",
          "had",
          "been",
          "are",
          "is",
          "be",
          "being",
          "reportedly",
          "confirmed",
          "also",
          "later",
          "all",
          "found",
          "left",
          "reported",
          "believed",
          "feared",
          "presumed",
          "now",
          "still");
  private static final Set<String> STOPS =
      Set.of(
          ",", ".", ";", ":", "in", "at", "on", "by", "for", "from", "to", "of", "since", "near",
          "with", "against", "inside", "across", "during", "after", "before", "were", "was", "have",
          "had", "and", "who", "that", "which");

  /**
   * Words that end a counted phrase after its number ("killing 12 when …", "wounding 30 including
   * …").
   */
  private static final Set<String> PHRASE_ENDS =
      Set.of(
          "when",
          "while",
          "as",
          "including",
          "but",
          "or",
          "than",
          "so",
          "because",
          "if",
          "where",
          "said",
          "says",
          "according",
          "the",
          "a",
          "an",
          "his",
          "her",
          "their",
          "its",
          "there");

  /** Words after a number that make it a count added to an earlier one. */
  private static final Set<String> ADDED = Set.of("other", "more");

  /**
   * Calendar words, which follow a bare count without being what it counts ("killed 12 Sunday").
   */
  private static final Set<String> CALENDAR =
      CalendarWords.union(
          CalendarWords.MONTHS_AND_WEEKDAYS,
          Set.of("today", "yesterday", "tonight", "overnight", "earlier", "later", "last", "this"));

  /**
   * What a figure counts: the outcome or action, and whom (null when the text does not say or
   * {@code what} names it).
   */
  private record Counted(String what, String whom) {}

  /**
   * The figures of an article without a date: any year named beside a figure marks it background.
   */
  public List<Figure> extract(AnnotatedText body, List<Claim> claims) {
    return extract(body, claims, null);
  }

  /**
   * The body's figures. {@code referenceYear} is the article's publication year, or null when it
   * has none: then any year named beside a figure marks it background.
   */
  public List<Figure> extract(AnnotatedText body, List<Claim> claims, Integer referenceYear) {
    Set<Figure> figures = new LinkedHashSet<>();
    for (Sentence sentence : body.sentences()) {
      List<Token> tokens = sentence.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        Double value = numberAt(tokens, i);
        if (value == null) {
          continue;
        }
        int numberEnd = i + (MULTIPLIERS.containsKey(lower(tokens, i + 1)) ? 2 : 1);
        if (ageTimeOrDuration(tokens, numberEnd)) {
          continue;
        }
        FigureQualifier qualifier = qualifierBefore(tokens, i);
        int qualifierStart = i - (qualifier == null ? 0 : qualifier.words().size());
        if (qualifier == null
            && ADDED.contains(lower(tokens, numberEnd))
            && !lower(tokens, numberEnd + 1).equals("than")) {
          qualifier =
              FigureQualifier
                  .ANOTHER; // "four other people", "three more soldiers": "another four", "another
          // three"
        }
        Counted counted = outcomeAfter(tokens, numberEnd);
        if (counted == null) {
          counted = outcomeBefore(tokens, qualifierStart, numberEnd);
        }
        if (counted == null) {
          String action = countedAfterAction(tokens, qualifierStart, numberEnd);
          counted = action == null ? null : new Counted(action, null);
        }
        if (counted != null) {
          figures.add(
              figure(
                  counted,
                  value,
                  qualifier == null ? null : qualifier.text(),
                  tokens.get(i).begin(),
                  claims,
                  BackgroundCues.isBackground(tokens, i, referenceYear)));
        }
      }
      singularVictims(tokens, claims, figures, referenceYear);
    }
    return new ArrayList<>(figures);
  }

  /** "a child was killed", "killed a U.S.-led contractor": one. */
  private static void singularVictims(
      List<Token> tokens, List<Claim> claims, Set<Figure> figures, Integer referenceYear) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String w = lower(tokens, i);
      if (!w.equals("a") && !w.equals("an")) {
        continue;
      }
      int noun = i + 1;
      while (noun < tokens.size()
          && noun - i <= 4
          && !SINGULAR_VICTIMS.contains(lower(tokens, noun))) {
        if (STOPS.contains(lower(tokens, noun))) {
          break;
        }
        noun++;
      }
      if (noun >= tokens.size() || !SINGULAR_VICTIMS.contains(lower(tokens, noun))) {
        continue;
      }
      int j = noun + 1;
      while (j < tokens.size() && LINKS.contains(lower(tokens, j))) {
        j++;
      }
      String what = OUTCOMES.get(lower(tokens, j));
      if (what == null && i > 0) {
        what = OUTCOMES.get(lower(tokens, i - 1));
      }
      if (what != null) {
        figures.add(
            figure(
                new Counted(what, tokens.get(noun).word()),
                1,
                null,
                tokens.get(i).begin(),
                claims,
                BackgroundCues.isBackground(tokens, i, referenceYear)));
      }
    }
  }

  /**
   * "a 62-year-old man", "around 1 a.m.", "died six months ago", "five one-way attacks": an age, a
   * time, a span of time or a number inside a hyphenated modifier, not a count.
   */
  private static boolean ageTimeOrDuration(List<Token> tokens, int after) {
    if (after > 0
        && after + 1 < tokens.size()
        && lower(tokens, after).equals("-")
        && tokens.get(after).begin() == tokens.get(after - 1).end()
        && tokens.get(after + 1).begin() == tokens.get(after).end()) {
      return true;
    }
    String next = lower(tokens, after);
    return TIME_SPAN.matcher(next).matches() || TIME_OF_DAY.matcher(next).matches();
  }

  /**
   * "four militiamen were (confirmed) killed", "three people wounded": whom is the phrase's last
   * word.
   */
  private static Counted outcomeAfter(List<Token> tokens, int from) {
    int j = from;
    int nouns = 0;
    while (j < tokens.size()
        && nouns < 4
        && !LINKS.contains(lower(tokens, j))
        && !OUTCOMES.containsKey(lower(tokens, j))) {
      if (STOPS.contains(lower(tokens, j)) || numberAt(tokens, j) != null) {
        return null;
      }
      nouns++;
      j++;
    }
    if (nouns == 0) {
      return null; // a bare number before "killed" is a time or a count of something unsaid
    }
    String whom = tokens.get(j - 1).word();
    while (j < tokens.size() && LINKS.contains(lower(tokens, j))) {
      j++;
    }
    String what = j < tokens.size() ? OUTCOMES.get(lower(tokens, j)) : null;
    return what == null ? null : new Counted(what, whom);
  }

  /** "killed (at least) 12 people", "wounding 3": whom is the phrase after the number, if any. */
  private static Counted outcomeBefore(List<Token> tokens, int numberStart, int numberEnd) {
    String what = numberStart > 0 ? OUTCOMES.get(lower(tokens, numberStart - 1)) : null;
    return what == null ? null : new Counted(what, countedNounAfter(tokens, numberEnd));
  }

  /**
   * The last word of the counted phrase after a number: "12 people", "seven Iraqi militiamen", "40
   * Palestinians seeking shelter" (a participle after the noun ends it); null for a bare count.
   */
  private static String countedNounAfter(List<Token> tokens, int from) {
    String head = null;
    for (int j = from; j < tokens.size() && j - from < 6; j++) {
      String w = lower(tokens, j);
      if (j == from && ADDED.contains(w)) {
        continue; // "killing three more soldiers"
      }
      if (STOPS.contains(w)
          || PHRASE_ENDS.contains(w)
          || CALENDAR.contains(w)
          || LINKS.contains(w)
          || OUTCOMES.containsKey(w)
          || numberAt(tokens, j) != null
          || !WORD.matcher(w).matches()
          || j > from && w.endsWith("ing")) {
        break;
      }
      head = tokens.get(j).word();
    }
    return head;
  }

  /**
   * "targeted three … facilities" as "facilities targeted"; "conducted five one-way UAV attacks" as
   * "UAV attacks".
   */
  private static String countedAfterAction(List<Token> tokens, int numberStart, int numberEnd) {
    int j = numberEnd;
    // "three operational and weapons storage facilities": "and" joins modifiers here, so it does
    // not stop the phrase.
    while (j < tokens.size()
        && j - numberEnd < 7
        && (!STOPS.contains(lower(tokens, j)) || lower(tokens, j).equals("and"))
        && !isCapitalisedWord(tokens.get(j).word())) {
      j++; // a capitalised word ("Sunday", "Iraq") is not part of the counted phrase; an acronym
      // ("UAV") is
    }
    while (j > numberEnd && lower(tokens, j - 1).equals("and")) {
      j--;
    }
    if (j == numberEnd) {
      return null;
    }
    String head = tokens.get(j - 1).word();
    String headLower = head.toLowerCase(Locale.ROOT);
    if (EVENT_NOUNS.contains(headLower)) {
      String modifier = j - 2 >= numberEnd ? tokens.get(j - 2).word() : "";
      boolean acronym = modifier.length() >= 2 && modifier.chars().allMatch(Character::isUpperCase);
      return acronym ? modifier + " " + headLower : headLower;
    }
    String action = numberStart > 0 ? lower(tokens, numberStart - 1) : "";
    if (ACTIONS.contains(action) && headLower.endsWith("s")) {
      return headLower + " " + action;
    }
    return null;
  }

  private static boolean isCapitalisedWord(String w) {
    return Character.isUpperCase(w.codePointAt(0)) && w.chars().anyMatch(Character::isLowerCase);
  }

  private static FigureQualifier qualifierBefore(List<Token> tokens, int i) {
    for (FigureQualifier q : FigureQualifier.values()) {
      int start = i - q.words().size();
      if (start < 0) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < q.words().size(); k++) {
        match &= lower(tokens, start + k).equals(q.words().get(k));
      }
      if (match) {
        return q;
      }
    }
    return null;
  }

  /**
   * The number a token spells: "4", "2,000", "1.5" (with a following "million"), "four", "two
   * dozen", "another three" counts three. The "hundred" of "two hundred" is part of the number
   * before it, and "several dozen" is no number.
   */
  static Double numberAt(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return null;
    }
    String w = lower(tokens, i);
    if (MULTIPLIERS.containsKey(w) && i > 0) {
      String before = lower(tokens, i - 1);
      if (VAGUE.contains(before)
          || NUMBER_WORDS.containsKey(before)
          || DECIMAL.matcher(before).matches()) {
        return null;
      }
    }
    Double value = null;
    if (NUMERAL.matcher(w).matches()) {
      value = Double.parseDouble(w.replace(",", ""));
      if (value >= 1900 && value <= 2100 && !w.contains(",")) {
        return null; // a year
      }
    } else if (NUMBER_WORDS.containsKey(w)) {
      value = (double) NUMBER_WORDS.get(w);
    }
    if (value == null) {
      return null;
    }
    Double multiplier = MULTIPLIERS.get(lower(tokens, i + 1));
    return multiplier != null && !w.equals("hundred") ? value * multiplier : value;
  }

  private static Figure figure(
      Counted counted,
      double value,
      String qualifier,
      int at,
      List<Claim> claims,
      boolean background) {
    Integer claimIndex = null;
    String speaker = null;
    for (int c = 0; c < claims.size(); c++) {
      if (at >= claims.get(c).getStart() && at < claims.get(c).getEnd()) {
        claimIndex = c;
        speaker = claims.get(c).getSpeaker();
      }
    }
    return Figure.newBuilder()
        .setWhat(counted.what())
        .setWhom(counted.whom())
        .setValue(value)
        .setQualifier(qualifier)
        .setSpeaker(speaker)
        .setClaimIndex(claimIndex)
        .setBackground(background)
        .build();
  }

  private static String lower(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).word().toLowerCase(Locale.ROOT) : "";
  }
}
